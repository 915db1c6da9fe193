// Mode `bhs`: raw 48-byte headers, any opcode (defined, vendor, reserved), any flags, with a data segment whose
// declared length is sometimes true and sometimes not: the target's framer and dispatch must survive all of it.
import fc from 'fast-check';
import type { Step } from '../../script/schema.js';
import { sequence, type Mutated } from '../mutators.js';
import { inDrawnSession, SYNC, type FuzzMode } from './mode.js';

const INITIATOR_OPCODES = new Set([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x10]);
const EXPECT_REJECT: Step = { op: 'expect', oneOf: [{ pdu: { type: 'Reject' } }, { closed: true }], timeoutMs: 500, ref: 'rfc7143/11.17' };

/** One raw PDU: a BHS with the chosen opcode, its DataSegmentLength honest or not. */
export const arbitraryRawPdu: fc.Arbitrary<Mutated> = fc.record({
  bhs: fc.uint8Array({ minLength: 48, maxLength: 48 }),
  opcode: fc.oneof(fc.constantFrom(0x00, 0x01, 0x02, 0x04, 0x05, 0x06, 0x10, 0x1c), fc.integer({ min: 0, max: 0x3f })),
  immediate: fc.boolean(),
  data: fc.uint8Array({ maxLength: 64 }),
  honest: fc.boolean(),
}).map(({ bhs, opcode, immediate, data, honest }) => {
  const b = Buffer.from(bhs);
  b[0] = (immediate ? 0x40 : 0) | opcode;
  if (honest) { b[4] = 0; b[5] = 0; b[6] = 0; b[7] = data.length; }
  const padded = Buffer.concat([b, Buffer.from(data), Buffer.alloc((4 - (data.length & 3)) & 3)]);
  const step: Step = { op: 'send', pdu: { raw: padded.toString('hex') } };
  // An opcode the initiator may not send must be rejected (or the connection dropped), never ignored (§11.17.1).
  const needsReject = honest && !INITIATOR_OPCODES.has(opcode);
  return { steps: needsReject ? [step, EXPECT_REJECT] : [step], desync: !honest };
});

/** The mode. */
export const bhsMode: FuzzMode = {
  name: 'bhs',
  describe: 'Raw 48-byte BHSs with any opcode (defined, vendor-specific, reserved), flags and fields, plus up to 64 data bytes whose DataSegmentLength is honest (then a NOP-Out ping) or a lie (then the connection is dropped).',
  arbitrary: ctx => inDrawnSession(fc.array(arbitraryRawPdu, { minLength: 1, maxLength: ctx.maxBody }).map(items => sequence(items, () => [SYNC])), { rawBytes: true }),
};
