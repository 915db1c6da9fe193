// Batches of fuzz-generated, always-answerable PDUs for the fuzz bench: NOP-Out pings with random data and
// immediate TEST UNIT READYs, drawn from fast-check (seeded) and encoded back to back into one buffer.
import fc from 'fast-check';
import { encodePduBytes, makePdu } from '../harness/pdu/registry.js';

/** What one batch element is drawn from: a ping with 0-64 data bytes, or an immediate TUR. */
const element = fc.oneof(
  fc.uint8Array({ maxLength: 64, size: 'max' }).map(d => ({ kind: 'nop' as const, data: Buffer.from(d) })),
  fc.constantFrom(0, 1).map(() => ({ kind: 'tur' as const, data: Buffer.alloc(0) })),
);

/** Generates `n` batch elements from `seed` (the same seed gives the same PDUs). */
export const drawBatch = (seed: number, n: number) => fc.sample(element, { seed, numRuns: n });

/** Encodes a drawn batch with ITTs from `firstItt` and the session's numbering: one buffer, one write. */
export function encodeBatch(els: ReturnType<typeof drawBatch>, firstItt: number, cmdSN: number, expStatSN: number): Buffer {
  const parts: Buffer[] = [];
  let itt = firstItt;
  for (const e of els) {
    parts.push(encodePduBytes(e.kind === 'nop'
      ? makePdu('NopOut', { immediate: true, final: true, itt: itt++, ttt: 0xffffffff, cmdSN, expStatSN, data: e.data })
      : makePdu('ScsiCommand', { immediate: true, final: true, attr: 1, itt: itt++, cmdSN, expStatSN, cdb: Buffer.alloc(16) })));
  }
  return Buffer.concat(parts);
}
