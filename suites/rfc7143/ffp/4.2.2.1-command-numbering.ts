// RFC 7143 §4.2.2.1 Command numbering: the CmdSN window, immediate delivery, ordered delivery, acknowledgement.
import { defineSection } from '../../../harness/runner/case.js';
import { pass, pdu, silence } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { serialLe, serialLt } from '../../../harness/initiator/numbering.js';
import { alive, collect, command, ignored, settle, want } from '../../support-ffp.js';

const nop = { final: true, ttt: NO_TAG } as const;
const hex = (n: number): string => `0x${n.toString(16)}`;

export default defineSection('rfc7143/4.2.2.1', 'Command Numbering and Acknowledging', [
  {
    n: 1,
    title: 'a non-immediate NOP-Out with CmdSN far beyond MaxCmdSN is ignored and the connection kept',
    level: 'MUST',
    requirement: 'The target silently ignores any non-immediate command outside the window ExpCmdSN..MaxCmdSN; the connection stays usable.',
    tags: ['ffp', 'cmdsn'],
    async run(t) {
      const c = await t.login();
      c.send('NopOut', { ...nop, immediate: false, cmdSN: (c.maxCmdSN + 1000) >>> 0 });
      await ignored(t, c);
    },
  },
  {
    n: 2,
    title: 'a non-immediate duplicate CmdSN inside the window is ignored',
    level: 'MUST',
    requirement: 'The target silently ignores non-immediate duplicates within the window: a second command with an already used CmdSN gets no answer.',
    tags: ['ffp', 'cmdsn'],
    async run(t) {
      const c = await t.login();
      const first = c.send('NopOut', { ...nop, immediate: false });
      await want(t, c, 'NopIn', p => p.itt === first.itt, 'NOP-In answering the first NOP-Out');
      c.send('NopOut', { ...nop, immediate: false, cmdSN: first.cmdSN });
      await ignored(t, c);
    },
  },
  {
    n: 3,
    title: 'ExpCmdSN advances by one for each non-immediate command',
    level: 'MUST',
    requirement: 'CmdSN is incremented for every non-immediate command; the target acknowledges it by advancing ExpCmdSN past the command.',
    tags: ['ffp', 'cmdsn'],
    async run(t) {
      const c = await t.login();
      const sent = c.send('NopOut', { ...nop, immediate: false });
      await want(t, c, 'NopIn', p => p.itt === sent.itt && p.expCmdSN === ((sent.cmdSN + 1) >>> 0), `NOP-In with ExpCmdSN ${(sent.cmdSN + 1) >>> 0}`);
    },
  },
  {
    n: 4,
    title: 'a non-immediate NOP-Out with a CmdSN below ExpCmdSN is ignored and the connection kept',
    level: 'MUST',
    requirement: 'A non-immediate command whose CmdSN is lower than ExpCmdSN is outside the window; the target silently ignores it.',
    tags: ['ffp', 'cmdsn'],
    async run(t) {
      const c = await t.login();
      c.send('NopOut', { ...nop, immediate: false, cmdSN: (c.expCmdSN - 100) >>> 0 });
      await ignored(t, c);
    },
  },
  {
    n: 5,
    title: 'a non-immediate NOP-Out with CmdSN = MaxCmdSN + 1 is ignored',
    level: 'MUST',
    requirement: 'The window ends at MaxCmdSN inclusive; a command one past it is silently ignored.',
    tags: ['ffp', 'cmdsn', 'boundary'],
    async run(t) {
      const c = await t.login();
      c.send('NopOut', { ...nop, immediate: false, cmdSN: (c.maxCmdSN + 1) >>> 0 });
      await ignored(t, c);
    },
  },
  {
    n: 6,
    title: 'an immediate NOP-Out is answered at once and does not advance ExpCmdSN',
    level: 'MUST',
    requirement: 'An immediate command carries the current CmdSN and the CmdSN does not advance for it; the target acknowledges only non-immediate commands through ExpCmdSN.',
    tags: ['ffp', 'cmdsn', 'immediate'],
    async run(t) {
      const c = await t.login();
      const current = c.cmdSN;
      const ping = c.send('NopOut', { ...nop, immediate: true });
      await want(t, c, 'NopIn', p => p.itt === ping.itt && p.expCmdSN === current, `NOP-In with ExpCmdSN still ${current}`);
      const next = c.send('NopOut', { ...nop, immediate: false });
      t.check(next.cmdSN === current, `the next non-immediate command reuses CmdSN ${current}`, `CmdSN ${next.cmdSN}`);
      await want(t, c, 'NopIn', p => p.itt === next.itt && p.expCmdSN === ((current + 1) >>> 0), `NOP-In with ExpCmdSN ${(current + 1) >>> 0}`);
    },
  },
  {
    n: 7,
    title: 'an immediate SCSI command is executed without advancing ExpCmdSN',
    level: 'MUST',
    requirement: 'An immediate TEST UNIT READY is delivered for execution and answered; its CmdSN is not acknowledged through ExpCmdSN.',
    tags: ['ffp', 'cmdsn', 'immediate'],
    async run(t) {
      const c = await t.login();
      await settle(t, c);
      const current = c.cmdSN;
      const tr = await collect(t, c, command(c, Buffer.alloc(6), { edtl: 0, immediate: true }));
      t.check(tr.status === 0, 'GOOD status for the immediate TEST UNIT READY', `status 0x${tr.status.toString(16)}`);
      t.check(tr.response?.expCmdSN === current, `ExpCmdSN ${current} in the response`, `ExpCmdSN ${tr.response?.expCmdSN}`);
    },
  },
  {
    n: 8,
    title: 'an immediate NOP-Out with a CmdSN outside the window is still answered',
    level: 'MUST',
    requirement: 'The CmdSN of an immediate command may lie outside ExpCmdSN..MaxCmdSN; the window check applies to non-immediate commands only (a target may still refuse immediate commands for lack of resources, Reject 0x06).',
    tags: ['ffp', 'cmdsn', 'immediate'],
    async run(t) {
      const c = await t.login();
      const ping = c.send('NopOut', { ...nop, immediate: true, cmdSN: (c.maxCmdSN + 50) >>> 0 });
      const e = await t.expect(c, pass(pdu('NopIn', p => p.itt === ping.itt, 'NOP-In answering the immediate ping')),
        pass(pdu('Reject', p => p.reason === 0x06, 'Reject 0x06 (immediate command reject)')));
      if (e.kind === 'pdu' && e.pdu.type === 'Reject') t.note('the target refused the immediate command for lack of resources');
    },
  },
  {
    n: 9,
    title: 'a command arriving before the one with the lower CmdSN waits for it',
    level: 'MUST',
    requirement: 'Non-immediate commands are delivered for execution in CmdSN order: a NOP-Out with CmdSN N+1 is not answered until the one with CmdSN N has arrived, then both are.',
    tags: ['ffp', 'cmdsn', 'ordering'],
    async run(t) {
      const c = await t.login();
      const n = c.cmdSN;
      if (!serialLt(n, c.maxCmdSN)) t.skip(`the command window holds one command (ExpCmdSN ${c.expCmdSN}, MaxCmdSN ${c.maxCmdSN})`);
      c.session.numbering.takeCmdSN(false); c.session.numbering.takeCmdSN(false);
      const later = c.send('NopOut', { ...nop, immediate: false, cmdSN: (n + 1) >>> 0 });
      await t.expect(c, pass(silence(200)));
      const first = c.send('NopOut', { ...nop, immediate: false, cmdSN: n });
      const a = await want(t, c, 'NopIn', p => p.itt === first.itt || p.itt === later.itt, 'NOP-In answering CmdSN N');
      const b = await want(t, c, 'NopIn', p => (p.itt === first.itt || p.itt === later.itt) && p.itt !== a.itt, 'NOP-In answering the other one');
      t.check(a.itt === first.itt, `CmdSN ${n} answered before CmdSN ${n + 1}`, `ITT ${hex(a.itt)} first`);
      t.check(b.expCmdSN === ((n + 2) >>> 0), `ExpCmdSN ${(n + 2) >>> 0} after both`, `ExpCmdSN ${b.expCmdSN}`);
    },
  },
  {
    n: 10,
    title: 'a SCSI Response acknowledges its own command through ExpCmdSN',
    level: 'MUST',
    requirement: 'A response with status must not precede the acknowledgement of its command: the SCSI Response for CmdSN N carries ExpCmdSN greater than N (or the command was acknowledged earlier).',
    tags: ['ffp', 'cmdsn'],
    async run(t) {
      const c = await t.login();
      const cmd = command(c, Buffer.alloc(6), { edtl: 0 });
      const tr = await collect(t, c, cmd);
      const exp = tr.last.expCmdSN;
      t.check(serialLt(cmd.cmdSN, exp), `ExpCmdSN greater than ${cmd.cmdSN}`, `ExpCmdSN ${exp}`);
    },
  },
  {
    n: 11,
    title: 'MaxCmdSN is never below ExpCmdSN - 1',
    level: 'MUST',
    requirement: 'The target must not transmit a MaxCmdSN that is less than ExpCmdSN - 1 (serial arithmetic), in any PDU that carries both.',
    tags: ['ffp', 'cmdsn'],
    async run(t) {
      const c = await t.login();
      for (let i = 0; i < 4; i++) {
        const ping = c.send('NopOut', { ...nop, immediate: i % 2 === 0 });
        const p = await want(t, c, 'NopIn', x => x.itt === ping.itt, 'NOP-In');
        t.check(serialLe((p.expCmdSN - 1) >>> 0, p.maxCmdSN), `MaxCmdSN >= ExpCmdSN - 1`, `ExpCmdSN ${p.expCmdSN}, MaxCmdSN ${p.maxCmdSN}`);
      }
    },
  },
  {
    n: 12,
    title: 'the window is unchanged after an ignored out-of-window command',
    level: 'MUST',
    requirement: 'An ignored command is not received: after a command beyond MaxCmdSN, the next in-window command with the expected CmdSN is answered and acknowledged normally.',
    tags: ['ffp', 'cmdsn'],
    async run(t) {
      const c = await t.login();
      c.send('NopOut', { ...nop, immediate: false, cmdSN: (c.maxCmdSN + 7) >>> 0 });
      await t.expect(c, pass(silence(200)));
      const next = c.send('NopOut', { ...nop, immediate: false });
      await want(t, c, 'NopIn', p => p.itt === next.itt && p.expCmdSN === ((next.cmdSN + 1) >>> 0), `NOP-In for CmdSN ${next.cmdSN} with ExpCmdSN ${(next.cmdSN + 1) >>> 0}`);
      await alive(t, c);
    },
  },
]);
