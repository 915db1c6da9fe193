// Two CDB value generators the declarations make possible beyond valid/edge/near-valid/any:
// - `reserved-bit`: a valid CDB with exactly ONE reserved bit set. A broken reserved field from near-valid sets a
//   random pattern (mostly low bits); a single bit at every position is what finds a target that misreads one
//   (an old SCSI-2 LUN field, a flag it half implements).
// - `on-medium`: a valid CDB whose LBA is near 0 and whose length is small or sits on a burst boundary, so reads and
//   writes reach the medium and the data path (Data-In sequences, R2T, DataSN) instead of stopping at LBA OUT OF RANGE.
// Both work from the declaration alone: its reserved fields, and the fields its own lba()/blocks() read.
import fc from 'fast-check';
import type { Field } from '../../codec/fields.js';
import type { Cdb, CdbValue } from '../../scsi/cdb.js';
import { DEFAULT_KEYS } from '../../script/login.js';

/** Block size the fuzzer assumes when it sizes a data phase (the one cdbStep uses). */
export const FUZZ_BLOCK = 512;

/** Every (field, single-bit value) pair of the declaration's reserved fields. */
export function reservedBitChoices(decl: Cdb): Array<{ field: string; value: number }> {
  const out: Array<{ field: string; value: number }> = [];
  for (const f of decl.struct.fields as readonly Field[]) {
    if (!f.reserved) continue;
    const mask = f.mask ?? 2 ** (8 * f.size) - 1;
    for (let bit = 0; bit < 8 * f.size; bit++) if (Math.floor(mask / 2 ** bit) % 2 === 1) out.push({ field: f.name, value: 2 ** bit });
  }
  return out;
}

/** A valid CDB with one reserved bit set, or undefined when the declaration has no reserved bit. */
export function reservedBitValue(decl: Cdb): fc.Arbitrary<CdbValue> | undefined {
  const choices = reservedBitChoices(decl);
  if (choices.length === 0) return undefined;
  return fc.tuple(decl.arbitrary('valid'), fc.constantFrom(...choices)).map(([v, c]) => ({ ...v, [c.field]: c.value }));
}

/** Names of the numeric, non-reserved fields that `read` depends on (found by changing one field at a time). */
function fieldsRead(decl: Cdb, read: (v: CdbValue) => bigint | number): string[] {
  const base = decl.make();
  const before = read(base);
  return (decl.struct.fields as readonly Field[])
    .filter(f => !f.reserved && f.name !== 'opcode' && (typeof base[f.name] === 'number' || typeof base[f.name] === 'bigint'))
    .filter(f => read({ ...base, [f.name]: typeof base[f.name] === 'bigint' ? 5n : 5 }) !== before)
    .map(f => f.name);
}

const asType = (like: unknown, n: number): number | bigint => (typeof like === 'bigint' ? BigInt(n) : n);

/** Block counts: small ones, and the ones whose bytes sit on the session's default burst limits (±1 block). */
export function arbitraryBlockCount(): fc.Arbitrary<number> {
  const limits = [DEFAULT_KEYS.MaxBurstLength, DEFAULT_KEYS.FirstBurstLength].map(x => Number(x) / FUZZ_BLOCK);
  return fc.oneof(
    fc.integer({ min: 1, max: 8 }),
    fc.constantFrom(...limits.flatMap(b => [b - 1, b, b + 1])),
    fc.integer({ min: 1, max: 2 * Math.max(...limits) }),
  );
}

/**
 * A plain CDB that stays on the medium: the LBA fields near 0 (a single LBA field gets 0..63, a split one 0), the
 * block-count field from arbitraryBlockCount. Undefined when the declaration names no LBA or no length field.
 */
export function onMediumValue(decl: Cdb): fc.Arbitrary<CdbValue> | undefined {
  if (!decl.lba || !decl.blocks) return undefined;
  const lbaFields = fieldsRead(decl, v => decl.lba!(v));
  const lenFields = fieldsRead(decl, v => decl.blocks!(v)).filter(f => !lbaFields.includes(f));
  if (lbaFields.length === 0 || lenFields.length !== 1) return undefined;
  const len = lenFields[0]!;
  // From the declaration's defaults, not a random valid value: valid flags such as NACA or RDPROTECT are refused
  // by most targets (no ACA, no protection information), and then the command never reaches the medium.
  const plain = decl.make();
  return fc.tuple(fc.integer({ min: 0, max: 63 }), arbitraryBlockCount()).map(([lba, blocks]) => {
    const v = plain, out: CdbValue = { ...plain };
    for (const f of lbaFields) out[f] = asType(v[f], lbaFields.length === 1 ? lba : 0);
    out[len] = asType(v[len], blocks);
    return out;
  });
}
