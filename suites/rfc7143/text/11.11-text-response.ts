// RFC 7143 §11.11 Text Response: a long answer split by our MaxRecvDataSegmentLength (F, C, TTT, ITT, StatSN per PDU).
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import type { PduNamed } from '../../../harness/pdu/registry.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import type { TextPair } from '../../../harness/text/codec.js';
import { textExchange } from '../../support-ffp.js';

type TextResponse = PduNamed<'TextResponse'>;
const KEYS: TextPair[] = Array.from({ length: 40 }, (_, i) => ({ key: `X-org.iscsi-conformance.long${String(i).padStart(3, '0')}`, value: 'v' }));

/** Declares MaxRecvDataSegmentLength=512 and sends 40 unknown keys: the NotUnderstood answers need several PDUs. */
async function longAnswer(t: CaseApi): Promise<{ responses: TextResponse[]; pairs: TextPair[]; statSN0: number; itt: number }> {
  const c = await t.login({ keys: { MaxRecvDataSegmentLength: '512' } });
  const statSN0 = c.expStatSN;
  const itt = c.session.numbering.nextItt() + 1; // textExchange takes the next ITT
  const x = await textExchange(t, c, KEYS);
  if (x.responses.length < 2) t.skip('the answer fit in one Text Response of 512 bytes');
  return { ...x, statSN0, itt };
}

const row = (n: number, title: string, requirement: string, ref: string, check: (t: CaseApi, x: Awaited<ReturnType<typeof longAnswer>>) => void): CaseDef => ({
  n, title, level: 'MUST', requirement, ref, tags: ['text', 'continuation', 'mrdsl'], async run(t) { check(t, await longAnswer(t)); },
});

export default defineSection('rfc7143/11.11', 'Text Response', [
  row(1, 'no Text Response data segment exceeds our MaxRecvDataSegmentLength of 512',
    'The data length of a Text Response must not exceed the initiator\'s MaxRecvDataSegmentLength (512 declared).', 'rfc7143/11.11.6',
    (t, x) => { const big = x.responses.find(r => r.data.length > 512); t.check(!big, 'every Text Response at most 512 bytes', `${big?.data.length} bytes`); }),
  row(2, 'F=0 responses carry a TTT other than 0xffffffff and the F=1 one carries 0xffffffff',
    'A Text Response with F=0 must have a TTT other than 0xffffffff; one with F=1 must have TTT 0xffffffff.', 'rfc7143/11.11.1',
    (t, x) => t.check(x.responses.every(r => (r.final ? r.ttt === NO_TAG : r.ttt !== NO_TAG)), 'TTT valid on F=0, 0xffffffff on F=1', x.responses.map(r => `F=${Number(r.final)} TTT=0x${r.ttt.toString(16)}`).join('; '))),
  row(3, 'C=1 is only set on responses with F=0',
    'A Text Response with the C bit set to 1 must have the F bit set to 0.', 'rfc7143/11.11.2',
    (t, x) => t.check(x.responses.every(r => !(r.continue && r.final)), 'never C=1 with F=1', 'a Text Response with C=1 and F=1')),
  row(4, 'the continued answer, put together, answers every key',
    'By copying the TTT the initiator gets the rest of the data; a key=value pair may span PDUs, and the whole text answers each unknown key with NotUnderstood.', 'rfc7143/11.10.4',
    (t, x) => { const miss = KEYS.find(k => !x.pairs.some(p => p.key === k.key && p.value === 'NotUnderstood')); t.check(!miss, 'all 40 keys answered NotUnderstood', `${miss?.key} missing`); }),
  row(5, 'each Text Response takes the next StatSN',
    'The target StatSN variable is advanced by each Text Response sent.', 'rfc7143/11.11.5',
    (t, x) => t.check(x.responses.every((r, i) => r.statSN === ((x.statSN0 + i) >>> 0)), `StatSN from ${x.statSN0} up by one`, x.responses.map(r => r.statSN).join(', '))),
  row(6, 'every Text Response of the exchange carries the request\'s ITT and the last has F=1',
    'The ITT matches the one of the initial Text Request throughout the sequence; the target sets F=1 on the last response.', 'rfc7143/11.11.3',
    (t, x) => {
      const itt = x.responses[0]!.itt;
      t.check(x.responses.every(r => r.itt === itt), 'one ITT', x.responses.map(r => `0x${r.itt.toString(16)}`).join(', '));
      t.check(x.responses[x.responses.length - 1]!.final, 'F=1 at the end', 'F=0 at the end');
    }),
]);
