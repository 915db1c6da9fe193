// Maps a CDB declaration's violation back to the byte and bit it is about, for the SPC-4
// sense-key-specific field pointer of INVALID FIELD IN CDB.
import type { Cdb } from '../../harness/scsi/cdb.js';
import type { FieldPointer } from './reply.js';

const topBit = (x: number): number => 31 - Math.clz32(x);

/**
 * Points at the field `name` of `cdb`: for reserved or wrongly set bits, the first non-zero byte and
 * its highest offending bit; otherwise the field's first byte (and its most significant bit for bit fields).
 */
export function fieldPointer(cdb: Cdb, name: string | undefined, raw: Buffer): FieldPointer {
  const f = cdb.struct.fields.find(x => x.name === name);
  if (!f) return { cd: true, byte: 0 };
  const mask = f.size === 1 && f.mask !== undefined ? f.mask : 0xff;
  if (f.reserved || f.kind === 'flag') {
    for (let i = f.offset; i < f.offset + f.size; i++) {
      const bits = (raw[i] ?? 0) & mask;
      if (bits !== 0) return { cd: true, byte: i, bit: topBit(bits) };
    }
  }
  return f.mask !== undefined && f.size === 1 ? { cd: true, byte: f.offset, bit: topBit(f.mask) } : { cd: true, byte: f.offset };
}
