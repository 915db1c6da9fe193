// RFC 7143 §11.18 NOP-Out: pings are echoed with their data (up to MaxRecvDataSegmentLength); ITT 0xffffffff wants no answer.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, informational, pass, pdu } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { alive, ignored, pattern, want } from '../../support-ffp.js';

const ping = { immediate: true, final: true, ttt: NO_TAG } as const;

export default defineSection('rfc7143/11.18', 'NOP-Out', [
  {
    n: 1,
    title: 'a NOP-Out ping is answered by a NOP-In with its ITT and TTT 0xffffffff',
    level: 'MUST',
    requirement: 'A NOP-Out with a valid ITT is a ping; the target answers with a NOP-In carrying the same ITT and the reserved TTT 0xffffffff.',
    ref: 'rfc7143/11.19',
    tags: ['nop', 'ffp'],
    async run(t) {
      const c = await t.login();
      const p = c.send('NopOut', ping);
      await t.expect(c, pass(pdu('NopIn', x => x.itt === p.itt && x.ttt === NO_TAG, `NOP-In with ITT 0x${p.itt.toString(16)} and TTT 0xffffffff`)));
    },
  },
  {
    n: 2,
    title: 'the ping data of a NOP-Out is returned in the NOP-In',
    level: 'MUST',
    requirement: 'When a NOP-Out carries ping data, the NOP-In answering it returns the same data.',
    ref: 'rfc7143/11.19',
    tags: ['nop', 'ffp'],
    async run(t) {
      const c = await t.login();
      const data = Buffer.from(`ping data ${t.seed} 0123456789abcdef`);
      await t.expect(c.nop(data), pass(pdu('NopIn', p => p.data.equals(data), `NOP-In echoing the ${data.length} ping bytes`)));
    },
  },
  {
    n: 3,
    title: 'a NOP-Out with ITT 0xffffffff gets no answer',
    level: 'MUST',
    requirement: 'A NOP-Out with the reserved ITT 0xffffffff (sent immediate) asks for no response; the target sends no NOP-In for it and the connection stays usable.',
    ref: 'rfc7143/11.18.1',
    tags: ['nop', 'ffp'],
    async run(t) {
      const c = await t.login();
      c.send('NopOut', { ...ping, itt: NO_TAG });
      await ignored(t, c);
    },
  },
  {
    n: 4,
    title: 'ping data as long as both sides allow is echoed whole',
    level: 'MUST',
    requirement: 'The target duplicates up to the first MaxRecvDataSegmentLength bytes of the ping data; data no longer than our declaration (and the target\'s) comes back whole.',
    ref: 'rfc7143/11.19',
    tags: ['nop', 'ffp', 'mrdsl'],
    async run(t) {
      const c = await t.login({ keys: { MaxRecvDataSegmentLength: '16384' } });
      const n = Math.min(16384, c.session.params.maxRecvDataSegmentLength.target);
      const data = pattern(n, t.seed);
      await t.expect(c.nop(data), pass(pdu('NopIn', p => p.data.equals(data), `NOP-In echoing all ${n} bytes`)));
    },
  },
  {
    n: 5,
    title: 'ping data longer than our MaxRecvDataSegmentLength comes back cut to it',
    level: 'MUST',
    requirement: 'The reflected data is limited to the initiator\'s MaxRecvDataSegmentLength: with 512 declared, a 1024-byte ping returns its first 512 bytes.',
    ref: 'rfc7143/11.18.3',
    tags: ['nop', 'ffp', 'mrdsl'],
    async run(t) {
      const c = await t.login({ keys: { MaxRecvDataSegmentLength: '512' } });
      if (c.session.params.maxRecvDataSegmentLength.target < 1024) t.skip('the target accepts less than 1024 bytes per PDU');
      const data = pattern(1024, t.seed + 1);
      await t.expect(c.nop(data), pass(pdu('NopIn', p => p.data.equals(data.subarray(0, 512)), 'NOP-In with the first 512 ping bytes')));
    },
  },
  {
    n: 6,
    title: 'ping data whose length is not a multiple of 4 is echoed exactly',
    level: 'MUST',
    requirement: 'DataSegmentLength gives the ping data length; padding is not data, so a 5-byte ping comes back as 5 bytes.',
    ref: 'rfc7143/11.18.3',
    tags: ['nop', 'ffp'],
    async run(t) {
      const c = await t.login();
      const data = Buffer.from('odd!!');
      await t.expect(c.nop(data), pass(pdu('NopIn', p => p.data.equals(data), 'NOP-In echoing the 5 bytes')));
    },
  },
  {
    n: 7,
    title: 'a NOP-Out with ITT 0xffffffff does not take a CmdSN',
    level: 'MUST',
    requirement: 'A NOP-Out with ITT 0xffffffff is immediate and the CmdSN is not advanced after it: the next ping sees ExpCmdSN unchanged.',
    ref: 'rfc7143/11.18.1',
    tags: ['nop', 'ffp', 'cmdsn'],
    async run(t) {
      const c = await t.login();
      const before = c.cmdSN;
      c.send('NopOut', { ...ping, itt: NO_TAG });
      const p = c.send('NopOut', ping);
      await want(t, c, 'NopIn', x => x.itt === p.itt && x.expCmdSN === before, `NOP-In with ExpCmdSN ${before}`);
    },
  },
  {
    n: 8,
    title: 'a non-immediate NOP-Out ping is answered',
    level: 'MUST',
    requirement: 'When a target receives a NOP-Out with a valid ITT it must respond with a NOP-In, whether or not the ping is immediate.',
    ref: 'rfc7143/11.18.1',
    tags: ['nop', 'ffp'],
    async run(t) {
      const c = await t.login();
      const p = c.send('NopOut', { ...ping, immediate: false });
      await want(t, c, 'NopIn', x => x.itt === p.itt && x.ttt === NO_TAG, 'NOP-In answering the non-immediate ping');
    },
  },
  {
    n: 9,
    title: 'a NOP-Out longer than the target\'s MaxRecvDataSegmentLength is refused or tolerated, never left hanging',
    level: 'MUST',
    requirement: 'A transmitter must not send a data segment longer than the receiver\'s MaxRecvDataSegmentLength; a target receiving one rejects it (Protocol Error) or drops the connection, and must not stall.',
    ref: 'rfc7143/13.12',
    tags: ['nop', 'ffp', 'mrdsl'],
    async run(t) {
      const c = await t.login();
      const limit = c.session.params.maxRecvDataSegmentLength.target;
      c.send('NopOut', { ...ping, data: pattern(limit + 512, 9) });
      const e = await t.expect(c, pass(pdu('Reject', () => true, 'Reject')), pass(closed()), informational(pdu('NopIn', () => true, 'the oversized ping answered anyway')));
      if (e.kind === 'pdu' && e.pdu.type !== 'Reject') await alive(t, c);
    },
  },
]);
