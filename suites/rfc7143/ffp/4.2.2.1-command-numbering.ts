// RFC 7143 §4.2.2.1 Command numbering: non-immediate commands outside ExpCmdSN..MaxCmdSN are dropped.
import { defineSection } from '../../../harness/runner/case.js';
import { pass, pdu, silence } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';

export default defineSection('rfc7143/4.2.2.1', 'Command Numbering and Acknowledging', [
  {
    n: 1,
    title: 'a non-immediate NOP-Out with CmdSN beyond MaxCmdSN is ignored and the connection kept',
    level: 'MUST',
    requirement: 'The target silently ignores any non-immediate command outside the window ExpCmdSN..MaxCmdSN; the connection stays usable.',
    tags: ['ffp', 'cmdsn'],
    async run(t) {
      const c = await t.login();
      const outside = (c.maxCmdSN + 1000) >>> 0;
      c.send('NopOut', { immediate: false, final: true, ttt: NO_TAG, cmdSN: outside });
      await t.expect(c, pass(silence(500)));
      const ping = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG });
      await t.expect(c, pass(pdu('NopIn', p => p.itt === ping.itt, 'NOP-In answering the next, in-window NOP-Out')));
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
      const first = c.send('NopOut', { immediate: false, final: true, ttt: NO_TAG });
      await t.expect(c, pass(pdu('NopIn', p => p.itt === first.itt, 'NOP-In answering the first NOP-Out')));
      c.send('NopOut', { immediate: false, final: true, ttt: NO_TAG, cmdSN: first.cmdSN });
      await t.expect(c, pass(silence(500)));
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
      const sent = c.send('NopOut', { immediate: false, final: true, ttt: NO_TAG });
      await t.expect(c, pass(pdu('NopIn', p => p.itt === sent.itt && p.expCmdSN === ((sent.cmdSN + 1) >>> 0), `NOP-In with ExpCmdSN ${(sent.cmdSN + 1) >>> 0}`)));
    },
  },
]);
