// SPC-4 sense data in both formats (fixed 0x70, descriptor 0x72), current errors only. A local
// encoder: harness/scsi's sense codec was not committed when the target's SCSI layer was written.
import type { FieldPointer, SenseSpec } from './reply.js';

/** The three sense-key-specific bytes of a field pointer: SKSV, C/D, BPV, bit pointer, field pointer. */
function fieldPointerBytes(f: FieldPointer): Buffer {
  const b = Buffer.alloc(3);
  b[0] = 0x80 | (f.cd ? 0x40 : 0) | (f.bit === undefined ? 0 : 0x08 | (f.bit & 7));
  b.writeUInt16BE(f.byte & 0xffff, 1);
  return b;
}

/** Fixed format, 18 bytes: INFORMATION holds 4 bytes, so a larger value sets VALID=0 (SPC-4). */
export function fixedSense(s: SenseSpec): Buffer {
  const b = Buffer.alloc(18);
  const infoFits = s.info !== undefined && s.info <= 0xffffffffn;
  b[0] = 0x70 | (infoFits ? 0x80 : 0);
  b[2] = s.key & 0x0f;
  if (infoFits) b.writeUInt32BE(Number(s.info), 3);
  b[7] = 10;
  b[12] = s.asc;
  b[13] = s.ascq;
  if (s.field) fieldPointerBytes(s.field).copy(b, 15);
  return b;
}

/** Descriptor format: header plus an INFORMATION descriptor (type 0) and a sense-key-specific one (type 2) as needed. */
export function descriptorSense(s: SenseSpec): Buffer {
  const parts: Buffer[] = [];
  if (s.info !== undefined) {
    const d = Buffer.alloc(12);
    d[0] = 0x00; d[1] = 0x0a; d[2] = 0x80;
    d.writeBigUInt64BE(s.info & 0xffffffffffffffffn, 4);
    parts.push(d);
  }
  if (s.field) {
    const d = Buffer.alloc(8);
    d[0] = 0x02; d[1] = 0x06;
    fieldPointerBytes(s.field).copy(d, 4);
    parts.push(d);
  }
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h[0] = 0x72; h[1] = s.key & 0x0f; h[2] = s.asc; h[3] = s.ascq; h[7] = body.length;
  return Buffer.concat([h, body]);
}

/** Sense in the format asked for. */
export const encodeSense = (s: SenseSpec, descriptor: boolean): Buffer => (descriptor ? descriptorSense(s) : fixedSense(s));
