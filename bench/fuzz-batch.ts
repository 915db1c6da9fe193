// Batches of fuzz-generated, always-answerable PDUs for the fuzz bench: NOP-Out pings with random data and
// immediate TEST UNIT READYs, drawn from fast-check (seeded) and encoded back to back into one buffer.
import fc from 'fast-check';
import { encodedLength, encodePduInto, makePdu, type Pdu } from '../harness/pdu/registry.js';

/**
 * 0-64 payload bytes from two draws (length, a 32-bit seed expanded by xorshift) instead of one fast-check draw per
 * byte: the per-byte draws were a quarter of the in-process bench, and a payload's bytes carry no meaning a shrinker
 * could use anyway.
 */
const payload = fc.tuple(fc.integer({ min: 0, max: 64 }), fc.integer()).map(([len, seed]) => {
  const out = Buffer.allocUnsafe(len);
  let x = seed | 1;
  for (let i = 0; i < len; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; out[i] = x & 0xff; }
  return out;
});

/** What one batch element is drawn from: a ping with 0-64 data bytes, or an immediate TUR. */
const element = fc.oneof(
  payload.map(data => ({ kind: 'nop' as const, data })),
  fc.constant({ kind: 'tur' as const, data: Buffer.alloc(0) }),
);

/** Generates `n` batch elements from `seed` (the same seed gives the same PDUs): one draw of a whole array, since
 * fc.sample sets up a fresh random stream per value. */
export const drawBatch = (seed: number, n: number) => fc.sample(fc.array(element, { minLength: n, maxLength: n }), { seed, numRuns: 1 })[0]!;

const TUR_CDB = Buffer.alloc(16);

/** Encodes a drawn batch with ITTs from `firstItt` and the session's numbering: one buffer, one write. */
export function encodeBatch(els: ReturnType<typeof drawBatch>, firstItt: number, cmdSN: number, expStatSN: number): Buffer {
  const pdus: Pdu[] = [];
  let itt = firstItt;
  for (const e of els) {
    pdus.push(e.kind === 'nop'
      ? makePdu('NopOut', { immediate: true, final: true, itt: itt++, ttt: 0xffffffff, cmdSN, expStatSN, data: e.data })
      : makePdu('ScsiCommand', { immediate: true, final: true, attr: 1, itt: itt++, cmdSN, expStatSN, cdb: TUR_CDB }));
  }
  let total = 0;
  for (const p of pdus) total += encodedLength(p);
  const out = Buffer.alloc(total);
  let at = 0;
  for (const p of pdus) at = encodePduInto(p, out, at);
  return out;
}
