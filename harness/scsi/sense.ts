// SPC-4 sense data, fixed (0x70/0x71) and descriptor (0x72/0x73) formats: encode, lenient decode
// with violations, INFORMATION and the ILLEGAL REQUEST field pointer. (checked: libiscsi, tgt)
import { bits, flag, reserved, reservedBits, u16, u24, u32, u8 } from '../codec/fields.js';
import { defineStruct, type StructValue } from '../codec/struct.js';
import { DecodeError } from '../errors.js';
import { violation, type Violation } from '../violation.js';

const REF = 'spc4/sense-data';
const ResponseCodes = { 0x70: 'fixed current', 0x71: 'fixed deferred', 0x72: 'descriptor current', 0x73: 'descriptor deferred' } as const;

/** Fixed format, 18 bytes; SENSE-KEY SPECIFIC is kept whole (24 bits, SKSV is its top bit). */
export const FixedSenseHeader = defineStruct('fixed sense', [
  flag('valid', 0, 7), bits('responseCode', 0, [6, 0], { names: ResponseCodes, hex: true }), u8('obsolete', 1, { quiet: true }),
  flag('filemark', 2, 7), flag('eom', 2, 6), flag('ili', 2, 5), flag('sdatOvfl', 2, 4), bits('senseKey', 2, [3, 0]),
  u32('information', 3, { hex: true }), u8('additionalSenseLength', 7), u32('commandSpecificInformation', 8, { hex: true }),
  u8('asc', 12, { hex: true }), u8('ascq', 13, { hex: true }), u8('fru', 14), u24('senseKeySpecific', 15, { hex: true }),
] as const, 18);

/** Descriptor format header, 8 bytes; descriptors follow. */
export const DescriptorSenseHeader = defineStruct('descriptor sense', [
  reservedBits(0, 0x80), bits('responseCode', 0, [6, 0], { names: ResponseCodes, hex: true }), reservedBits(1, 0xf0), bits('senseKey', 1, [3, 0]),
  u8('asc', 2, { hex: true }), u8('ascq', 3, { hex: true }), flag('sdatOvfl', 4, 7), reservedBits(4, 0x7f), ...reserved(5, 2), u8('additionalSenseLength', 7),
] as const, 8);

/** One sense data descriptor: type, and the bytes after its 2-byte header. */
export interface SenseDescriptor { type: number; data: Buffer; additionalLength?: number }

/** Fixed-format sense; `extra` holds additional sense bytes past byte 17. */
export type FixedSense = StructValue<typeof FixedSenseHeader.fields> & { format: 'fixed'; extra?: Buffer };
/** Descriptor-format sense. */
export type DescriptorSense = StructValue<typeof DescriptorSenseHeader.fields> & { format: 'descriptor'; descriptors: SenseDescriptor[]; trailing?: Buffer };
/** Sense data in either format. */
export type Sense = FixedSense | DescriptorSense;

/** The ILLEGAL REQUEST sense-key-specific field: where in the CDB or parameter list the bad field is. */
export interface FieldPointer { sksv: boolean; cd: boolean; bpv: boolean; bitPointer: number; fieldPointer: number }

/** Packs a field pointer into the 3 sense-key-specific bytes (SKSV 23, C/D 22, BPV 19, bits 18..16, pointer 15..0). */
export const encodeFieldPointer = (p: FieldPointer): number =>
  ((p.sksv ? 0x800000 : 0) | (p.cd ? 0x400000 : 0) | (p.bpv ? 0x080000 : 0) | ((p.bitPointer & 7) << 16) | (p.fieldPointer & 0xffff)) >>> 0;

/** Unpacks the 3 sense-key-specific bytes as a field pointer. */
export const decodeFieldPointer = (x: number): FieldPointer =>
  ({ sksv: (x & 0x800000) !== 0, cd: (x & 0x400000) !== 0, bpv: (x & 0x080000) !== 0, bitPointer: (x >>> 16) & 7, fieldPointer: x & 0xffff });

/** What a target usually reports: key, ASC/ASCQ, optional INFORMATION and field pointer. */
export interface SenseSpec {
  key: number; asc: number; ascq: number; format?: 'fixed' | 'descriptor'; deferred?: boolean;
  information?: bigint; fieldPointer?: Omit<FieldPointer, 'sksv'>;
}

/** Builds a sense value: 18-byte fixed form, or descriptor form with INFORMATION / SKS descriptors. */
export function makeSense(s: SenseSpec): Sense {
  const sks = s.fieldPointer ? encodeFieldPointer({ ...s.fieldPointer, sksv: true }) : 0;
  if (s.format === 'descriptor') {
    const descriptors: SenseDescriptor[] = [];
    if (s.information !== undefined) {
      const d = Buffer.alloc(10); d[0] = 0x80; d.writeBigUInt64BE(s.information, 2); descriptors.push({ type: 0x00, data: d });
    }
    if (s.fieldPointer) { const d = Buffer.alloc(6); d.writeUIntBE(sks, 2, 3); descriptors.push({ type: 0x02, data: d }); }
    const additionalSenseLength = descriptors.reduce((n, d) => n + 2 + d.data.length, 0);
    return { ...DescriptorSenseHeader.make({ responseCode: s.deferred ? 0x73 : 0x72, senseKey: s.key, asc: s.asc, ascq: s.ascq, additionalSenseLength }), format: 'descriptor', descriptors };
  }
  return {
    ...FixedSenseHeader.make({
      valid: s.information !== undefined, responseCode: s.deferred ? 0x71 : 0x70, senseKey: s.key, asc: s.asc, ascq: s.ascq,
      information: Number((s.information ?? 0n) & 0xffffffffn), additionalSenseLength: 10, senseKeySpecific: sks,
    }), format: 'fixed',
  };
}

/** Encodes sense data; ADDITIONAL SENSE LENGTH is computed unless the value sets it (to send a lie). */
export function encodeSense(v: Sense): Buffer {
  if (v.format === 'fixed') {
    const extra = v.extra ?? Buffer.alloc(0);
    const h = FixedSenseHeader.encode({ ...v, additionalSenseLength: v.additionalSenseLength ?? 10 + extra.length });
    return Buffer.concat([h, extra]);
  }
  const body = Buffer.concat([...v.descriptors.flatMap(d => [Buffer.from([d.type, d.additionalLength ?? d.data.length]), d.data]), v.trailing ?? Buffer.alloc(0)]);
  const h = DescriptorSenseHeader.encode({ ...v, additionalSenseLength: v.additionalSenseLength ?? body.length });
  return Buffer.concat([h, body]);
}

/** Decoded sense with what is wrong with it; `truncated` when fewer bytes came than announced. */
export interface DecodedSense { value: Sense; violations: Violation[]; truncated: boolean }

/** Decodes sense data leniently; throws DecodeError only for zero bytes (no response code at all). */
export function decodeSense(b: Uint8Array): DecodedSense {
  if (b.length === 0) throw new DecodeError('sense data is empty', 0, 'responseCode', 'ERR_EMPTY_SENSE');
  const code = b[0] & 0x7f;
  return code === 0x72 || code === 0x73 ? decodeDescriptor(b) : decodeFixed(b);
}

const padded = (b: Uint8Array, n: number) => { const p = Buffer.alloc(Math.max(n, b.length)); p.set(b); return p; };

function commonChecks(v: Sense, out: Violation[]): void {
  if (v.senseKey === 0xc) out.push(violation('scsi/sense-key-obsolete', REF, 'SENSE KEY 0xC (was EQUAL) is obsolete', 'senseKey'));
  if (v.senseKey === 0xf) out.push(violation('scsi/sense-key-reserved', REF, 'SENSE KEY 0xF is reserved', 'senseKey'));
}

function decodeFixed(b: Uint8Array): DecodedSense {
  const out: Violation[] = [];
  const h = FixedSenseHeader.decode(padded(b, 18));
  out.push(...FixedSenseHeader.check(h, REF, 'scsi/sense'));
  if (b.length < 18) out.push(violation('scsi/sense-short', REF, `fixed-format sense is ${b.length} bytes; it needs 18`));
  if (h.additionalSenseLength < 10) out.push(violation('scsi/sense-additional-length', REF, `ADDITIONAL SENSE LENGTH is ${h.additionalSenseLength}; fixed format needs at least 10`, 'additionalSenseLength'));
  const total = 8 + h.additionalSenseLength;
  const extra = Buffer.from(b.subarray(18, Math.min(total, b.length)));
  const value: FixedSense = { ...h, format: 'fixed', ...(extra.length ? { extra } : {}) };
  commonChecks(value, out);
  return { value, violations: out, truncated: b.length < total };
}

function decodeDescriptor(b: Uint8Array): DecodedSense {
  const out: Violation[] = [];
  const h = DescriptorSenseHeader.decode(padded(b, 8));
  out.push(...DescriptorSenseHeader.check(h, REF, 'scsi/sense'));
  if (b.length < 8) out.push(violation('scsi/sense-short', REF, `descriptor-format sense is ${b.length} bytes; the header needs 8`));
  const end = Math.min(8 + h.additionalSenseLength, b.length);
  const descriptors: SenseDescriptor[] = [];
  let at = 8;
  while (at + 2 <= end) {
    const type = b[at], len = b[at + 1];
    if (at + 2 + len > end) break;
    descriptors.push({ type, data: Buffer.from(b.subarray(at + 2, at + 2 + len)) });
    if (type === 0x00 && len !== 0x0a) out.push(violation('scsi/sense-information-descriptor', REF, `INFORMATION descriptor additional length is ${len}; expected 10`, 'descriptors'));
    if (type === 0x02 && len !== 0x06) out.push(violation('scsi/sense-sks-descriptor', REF, `sense-key specific descriptor additional length is ${len}; expected 6`, 'descriptors'));
    at += 2 + len;
  }
  const trailing = Buffer.from(b.subarray(at, end));
  if (trailing.length) out.push(violation('scsi/sense-descriptor-length', REF, `${trailing.length} byte(s) at offset ${at} do not form a whole descriptor`, 'descriptors'));
  const value: DescriptorSense = { ...h, format: 'descriptor', descriptors, ...(trailing.length ? { trailing } : {}) };
  commonChecks(value, out);
  return { value, violations: out, truncated: b.length < 8 + h.additionalSenseLength };
}

/** INFORMATION when the sense says it is valid (fixed VALID bit, or descriptor type 0 with VALID). */
export function senseInformation(v: Sense): bigint | undefined {
  if (v.format === 'fixed') return v.valid ? BigInt(v.information) : undefined;
  const d = v.descriptors.find(x => x.type === 0x00 && x.data.length >= 10);
  return d && (d.data[0] & 0x80) ? d.data.readBigUInt64BE(2) : undefined;
}

/** The sense-key-specific 24 bits when SKSV is set (fixed bytes 15..17 or descriptor type 2). */
export function senseKeySpecific(v: Sense): number | undefined {
  if (v.format === 'fixed') return v.senseKeySpecific & 0x800000 ? v.senseKeySpecific : undefined;
  const d = v.descriptors.find(x => x.type === 0x02 && x.data.length >= 5);
  const x = d ? d.data.readUIntBE(2, 3) : 0;
  return x & 0x800000 ? x : undefined;
}

/** The field pointer of an ILLEGAL REQUEST sense, when the target gave one. */
export function senseFieldPointer(v: Sense): FieldPointer | undefined {
  const x = senseKeySpecific(v);
  return v.senseKey === 0x5 && x !== undefined ? decodeFieldPointer(x) : undefined;
}
