// RFC 7143 §11.10 Text Request in Full Feature Phase: F/C bits, continuation with TTT, resets, SendTargets in a Normal session.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, nonStrict, pass, pdu } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { decodeText, encodeText, type TextPair } from '../../../harness/text/codec.js';
import { aliveOrClosed, aliveUnlessClosed, textExchange, textRequest, want } from '../../support-ffp.js';

/** Many unknown private keys: each must come back NotUnderstood, making an answer longer than 512 bytes. */
const privateKeys = (n: number): TextPair[] => Array.from({ length: n }, (_, i) => ({ key: `X-org.iscsi-conformance.k${String(i).padStart(3, '0')}`, value: 'v' }));

export default defineSection('rfc7143/11.10', 'Text Request', [
  {
    n: 1,
    title: 'a Text Request with both F and C set is refused',
    level: 'MUST',
    requirement: 'A Text Request with the C bit set must have the F bit 0; one with both set has inconsistent fields and is refused (Reject, or the connection dropped as a format error).',
    ref: 'rfc7143/11.10.2',
    tags: ['text', 'ffp'],
    async run(t) {
      const c = await t.login();
      textRequest(c, [{ key: 'SendTargets', value: '' }], { final: true, cont: true });
      const e = await t.expect(c, pass(pdu('Reject', p => p.reason === 0x04 || p.reason === 0x09, 'Reject 0x04 or 0x09')), pass(closed()));
      await aliveOrClosed(t, c, e);
    },
  },
  {
    n: 2,
    title: 'a Text Request with C=1 is answered by an empty Text Response inviting the rest',
    level: 'MUST',
    requirement: 'A target receiving a Text Request with C=1 answers with a Text Response with no data segment; as it expects more (F=0) its TTT is not 0xffffffff. The rest, sent with that TTT, gets the full answer.',
    ref: 'rfc7143/6.2',
    tags: ['text', 'ffp', 'continuation'],
    async run(t) {
      const c = await t.login();
      const text = encodeText([{ key: 'SendTargets', value: '' }]);
      const first = textRequest(c, text.subarray(0, 7), { final: false, cont: true });
      const r = await want(t, c, 'TextResponse', p => p.itt === first.itt && p.data.length === 0 && !p.final && p.ttt !== NO_TAG, 'empty Text Response, F=0, TTT not 0xffffffff');
      textRequest(c, text.subarray(7), { itt: first.itt, ttt: r.ttt, lun: r.lun });
      const end = await want(t, c, 'TextResponse', p => p.itt === first.itt && p.final, 'the final Text Response');
      const pairs = decodeText(end.data).pairs;
      t.check(pairs.some(p => p.key === 'TargetName' && p.value === t.target.iqn), `TargetName=${t.target.iqn}`, pairs.map(p => `${p.key}=${p.value}`).join(' '));
    },
  },
  {
    n: 3,
    title: 'continuing a text exchange with a wrong TTT is rejected',
    level: 'MUST',
    requirement: 'By copying the TTT the initiator continues an exchange; a TTT the target never gave (or a stale one) describes nothing and is rejected (Invalid PDU field), or the connection dropped.',
    ref: 'rfc7143/11.11.4',
    tags: ['text', 'ffp', 'continuation'],
    async run(t) {
      const c = await t.login({ keys: { MaxRecvDataSegmentLength: '512' } });
      const req = textRequest(c, privateKeys(40));
      const r = await want(t, c, 'TextResponse', p => p.itt === req.itt, 'the first Text Response');
      if (r.final) t.skip('the whole answer fit in one Text Response');
      textRequest(c, Buffer.alloc(0), { itt: req.itt, ttt: (r.ttt ^ 0x5a5a_0000) >>> 0, lun: r.lun });
      const e = await t.expect(c, pass(pdu('Reject', p => p.reason === 0x09, 'Reject 0x09 (Invalid PDU field)')), nonStrict(pdu('Reject', () => true, 'Reject')), nonStrict(closed()));
      await aliveUnlessClosed(t, c, e);
    },
  },
  {
    n: 4,
    title: 'a new Text Request with TTT 0xffffffff resets a pending long answer',
    level: 'MUST',
    requirement: 'A Text Request with TTT 0xffffffff is a new request: the target resets its state for the exchange and answers the new text from the start.',
    ref: 'rfc7143/11.10.4',
    tags: ['text', 'ffp', 'continuation'],
    async run(t) {
      const c = await t.login({ keys: { MaxRecvDataSegmentLength: '512' } });
      const req = textRequest(c, privateKeys(40));
      const r = await want(t, c, 'TextResponse', p => p.itt === req.itt, 'the first Text Response');
      if (r.final) t.skip('the whole answer fit in one Text Response');
      const x = await textExchange(t, c, [{ key: 'SendTargets', value: '' }]);
      t.check(x.pairs.some(p => p.key === 'TargetName') && !x.pairs.some(p => p.key.startsWith('X-')), 'only the SendTargets answer', x.pairs.map(p => p.key).join(' '));
    },
  },
  {
    n: 5,
    title: 'SendTargets with an empty value in a Normal session names only this target',
    level: 'MUST',
    requirement: 'SendTargets=<nothing> must be supported on operational sessions and must not return targets other than the one the session is logged in to.',
    ref: 'rfc7143/C',
    tags: ['text', 'sendtargets'],
    async run(t) {
      const c = await t.login();
      const x = await textExchange(t, c, [{ key: 'SendTargets', value: '' }]);
      const names = x.pairs.filter(p => p.key === 'TargetName').map(p => p.value);
      t.check(names.length === 1 && names[0] === t.target.iqn, `TargetName=${t.target.iqn} only`, names.join(', ') || 'no TargetName');
    },
  },
  {
    n: 6,
    title: 'SendTargets=All in a Normal session lists no other target',
    level: 'MUST',
    requirement: 'SendTargets=All must not be supported on an operational session: it is refused (a Reject PDU, or an empty answer); naming the session\'s own target only is tolerated. The target never sends the SendTargets key itself (Senders: Initiator).',
    ref: 'rfc7143/C',
    tags: ['text', 'sendtargets'],
    async run(t) {
      const c = await t.login();
      const req = textRequest(c, [{ key: 'SendTargets', value: 'All' }]);
      // SendTargets has "Senders: Initiator" (§13.3): refusing it by echoing SendTargets=Reject is not an option.
      const e = await t.expect(c, pass(pdu('Reject', () => true, 'Reject')),
        pass(pdu('TextResponse', p => p.itt === req.itt && p.final && decodeText(p.data).pairs.length === 0, 'an empty Text Response (All not supported)')),
        nonStrict(pdu('TextResponse', p => p.itt === req.itt && decodeText(p.data).pairs.every(x => (x.key === 'TargetName' && x.value === t.target.iqn) || x.key === 'TargetAddress'), 'an answer naming only this target')));
      await aliveUnlessClosed(t, c, e);
    },
  },
  {
    n: 7,
    title: 'SendTargets=<this target> in a Normal session returns its record',
    level: 'MUST',
    requirement: 'A target must support SendTargets on operational sessions; naming the connected target returns its record (TargetName, then TargetAddress keys only).',
    ref: 'rfc7143/C',
    tags: ['text', 'sendtargets'],
    async run(t) {
      const c = await t.login();
      const x = await textExchange(t, c, [{ key: 'SendTargets', value: t.target.iqn }]);
      t.check(x.pairs[0]?.key === 'TargetName' && x.pairs[0].value === t.target.iqn, `a record starting TargetName=${t.target.iqn}`, x.pairs.map(p => `${p.key}=${p.value}`).join(' ') || 'empty');
      t.check(x.pairs.every(p => p.key === 'TargetName' || p.key === 'TargetAddress'), 'only TargetName and TargetAddress keys', x.pairs.map(p => p.key).join(' '));
    },
  },
  {
    n: 8,
    title: 'every unknown private key in a Text Request is answered NotUnderstood',
    level: 'MUST',
    requirement: 'The answer for a key that is not understood must be key=NotUnderstood.',
    ref: 'rfc7143/6.2',
    tags: ['text', 'ffp'],
    async run(t) {
      const c = await t.login();
      const keys = privateKeys(3);
      const x = await textExchange(t, c, keys);
      for (const k of keys) t.check(x.pairs.some(p => p.key === k.key && p.value === 'NotUnderstood'), `${k.key}=NotUnderstood`, x.pairs.map(p => `${p.key}=${p.value}`).join(' '));
    },
  },
]);
