// RFC 7143 §11.19 NOP-In: StatSN of answers, unsolicited NOP-Ins, and answers to a TTT the target never sent.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, informational, nonStrict, pass, pdu, silence } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { alive, aliveUnlessClosed, want } from '../../support-ffp.js';

export default defineSection('rfc7143/11.19', 'NOP-In', [
  {
    n: 1,
    title: 'a NOP-In answering a ping carries the next StatSN and advances it',
    level: 'MUST',
    requirement: 'The StatSN field always contains the next StatSN; a NOP-In answering a ping (valid ITT) advances it, so the following answer carries StatSN + 1.',
    ref: 'rfc7143/11.19.2',
    tags: ['nop', 'ffp', 'statsn'],
    async run(t) {
      const c = await t.login();
      const s = c.expStatSN;
      const a = await alive(t, c);
      const b = await alive(t, c);
      t.check(a.statSN === s && b.statSN === ((s + 1) >>> 0), `StatSN ${s} then ${(s + 1) >>> 0}`, `StatSN ${a.statSN} then ${b.statSN}`);
    },
  },
  {
    n: 2,
    title: 'a NOP-In answer echoes the ITT and has the F bit set',
    level: 'MUST',
    requirement: 'The NOP-In answering a NOP-Out carries the same Initiator Task Tag; it is a single PDU with the F bit set.',
    tags: ['nop', 'ffp'],
    async run(t) {
      const c = await t.login();
      const p = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG });
      await want(t, c, 'NopIn', x => x.itt === p.itt && x.final, 'NOP-In with the ITT and F=1');
    },
  },
  {
    n: 3,
    title: 'an unsolicited NOP-In, if one arrives, has ITT 0xffffffff and no data',
    level: 'MUST',
    requirement: 'A NOP-In that does not answer a NOP-Out has ITT 0xffffffff and DataSegmentLength 0 (informational when the target sends none while idle).',
    tags: ['nop', 'ffp'],
    async run(t) {
      const c = await t.login();
      // The harness answers pings with a TTT itself; watch the raw stream for a NOP-In that is not an answer.
      const e = await t.expect(c, informational(silence(300)),
        pass(pdu('NopIn', p => p.itt === NO_TAG && p.data.length === 0, 'unsolicited NOP-In with ITT 0xffffffff and no data')));
      if (e.kind === 'pdu') await alive(t, c);
    },
  },
  {
    n: 4,
    title: 'a NOP-Out answering a TTT the target never sent is rejected or ignored',
    level: 'SHOULD',
    requirement: 'An invalid Target Transfer Tag is a PDU field describing nothing the target sent; the target should reject it with reason 0x09 (Invalid PDU field) and keep the connection.',
    ref: 'rfc7143/11.17.1',
    tags: ['nop', 'ffp', 'reject'],
    async run(t) {
      const c = await t.login();
      c.send('NopOut', { immediate: true, final: true, itt: NO_TAG, ttt: 0x1234_5678 });
      const e = await t.expect(c, pass(pdu('Reject', p => p.reason === 0x09, 'Reject 0x09 (Invalid PDU field)')),
        nonStrict(pdu('Reject', () => true, 'Reject with another reason')), nonStrict(silence(300)), nonStrict(closed()));
      await aliveUnlessClosed(t, c, e);
    },
  },
]);
