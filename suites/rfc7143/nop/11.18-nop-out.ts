// RFC 7143 §11.18 NOP-Out / §11.19 NOP-In: pings are echoed, with TTT 0xffffffff; ITT 0xffffffff wants no answer.
import { defineSection } from '../../../harness/runner/case.js';
import { pass, pdu, silence } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';

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
      const ping = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG });
      await t.expect(c, pass(pdu('NopIn', p => p.itt === ping.itt && p.ttt === NO_TAG, `NOP-In with ITT 0x${ping.itt.toString(16)} and TTT 0xffffffff`)));
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
    requirement: 'A NOP-Out with the reserved ITT 0xffffffff (sent immediate) asks for no response; the target sends no NOP-In for it.',
    tags: ['nop', 'ffp'],
    async run(t) {
      const c = await t.login();
      c.send('NopOut', { immediate: true, final: true, itt: NO_TAG, ttt: NO_TAG });
      await t.expect(c, pass(silence(500)));
    },
  },
]);
