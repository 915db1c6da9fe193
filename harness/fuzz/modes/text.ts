// Mode `text`: Text Requests in full feature phase whose key=value data comes from the key table: valid
// offers, boundary values, one rule broken (over-long names and values, duplicates, bad encodings), or raw
// bytes with bad UTF-8 and stray nulls; F/C/TTT varied.
import fc from 'fast-check';
import { arbitraryPairs, arbitraryTextBytes } from '../../text/arbitraries.js';
import { encodeText } from '../../text/codec.js';
import type { Step } from '../../script/schema.js';
import { mutateSend, sequence } from '../mutators.js';
import { inDrawnSession, SYNC, type FuzzMode } from './mode.js';

/** Text data: a key set in one of the modes, SendTargets, or raw bytes. */
export const arbitraryTextData: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom('valid', 'edge', 'any').chain(m => arbitraryPairs(m as 'valid', 'initiator', 'ffp')).map(p => encodeText(p)),
  fc.constantFrom('All', '', 'iqn.2026-11.test:nope').map(v => encodeText([{ key: 'SendTargets', value: v }])),
  arbitraryTextBytes().map(b => Buffer.from(b)),
);

const textSend: fc.Arbitrary<Extract<Step, { op: 'send' }>> = fc.record({
  data: arbitraryTextData,
  final: fc.boolean(), cont: fc.boolean(),
  ttt: fc.oneof(fc.constant(0xffffffff), fc.integer({ min: 0, max: 0xffffffff })),
}).map(({ data, final, cont, ttt }) => ({ op: 'send' as const, pdu: { type: 'TextRequest', final: final || !cont, continue: cont, ttt, data: data.toString('hex') } }));

/** The mode. */
export const textMode: FuzzMode = {
  name: 'text',
  describe: 'Text Requests carrying key=value data from the RFC 7143 key table: valid offers, boundary values, one rule broken (name > 63 bytes, value > 255, duplicates, bad numbers/hex/base64, bad key characters), SendTargets, or raw bytes with bad UTF-8 and stray nulls; F, C and TTT varied; then one mutator and a NOP-Out ping.',
  arbitrary: ctx => inDrawnSession(fc.array(textSend.chain(mutateSend), { minLength: 1, maxLength: ctx.maxBody }).map(items => sequence(items, () => [SYNC]))),
};
