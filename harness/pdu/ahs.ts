// Additional Header Segments, RFC 7143 §11.2.2: [AHSLength u16][AHSType u8][specific u8][data],
// each padded to 4 bytes. AHSLength counts the specific byte plus the data (PDU-LAYOUTS.md).
import fc from 'fast-check';
import { violation, type Violation } from '../violation.js';
import { EMPTY_BUFFER } from './wire.js';

/** One well-formed AHS: type, the type-specific byte, and its data (without padding). */
export interface AhsSegment { ahsType: number; specific: number; data: Buffer }
/** Bytes that did not parse as a chain of AHSs; kept verbatim so a bad PDU round-trips. */
export interface AhsRaw { raw: Buffer }
/** What the AHS area of a PDU holds. */
export type Ahs = AhsSegment | AhsRaw;

/** AHS type codes of RFC 7143 §11.2.2.1. */
export const AhsType = { 1: 'ExtendedCDB', 2: 'BidiReadExpectedLength' } as const;

const EMPTY: Ahs[] = [];

/** Parses the AHS area; bytes that don't chain exactly become one raw entry. */
export function parseAhs(b: Buffer): Ahs[] {
  if (b.length === 0) return EMPTY;
  const out: Ahs[] = [];
  let at = 0;
  while (at < b.length) {
    if (b.length - at < 4) return [...out, { raw: Buffer.from(b.subarray(at)) }];
    const len = b.readUInt16BE(at);
    const padded = (3 + len + 3) & ~3;
    if (len === 0 || at + padded > b.length) return [...out, { raw: Buffer.from(b.subarray(at)) }];
    out.push({ ahsType: b[at + 2]!, specific: b[at + 3]!, data: Buffer.from(b.subarray(at + 4, at + 3 + len)) });
    at += padded;
  }
  return out;
}

/** Byte length of the encoded AHS area (a multiple of 4 for well-formed segments). */
export function ahsLength(ahs: readonly Ahs[]): number {
  let n = 0;
  for (const a of ahs) n += 'raw' in a ? a.raw.length : (4 + a.data.length + 3) & ~3;
  return n;
}


/** Encodes the AHS area: lengths computed, padding zero. */
export function encodeAhs(ahs: readonly Ahs[]): Buffer {
  if (ahs.length === 0) return EMPTY_BUFFER;
  const out = Buffer.alloc(ahsLength(ahs));
  let at = 0;
  for (const a of ahs) {
    if ('raw' in a) { a.raw.copy(out, at); at += a.raw.length; continue; }
    out.writeUInt16BE((1 + a.data.length) & 0xffff, at);
    out[at + 2] = a.ahsType; out[at + 3] = a.specific;
    a.data.copy(out, at + 4);
    at += (4 + a.data.length + 3) & ~3;
  }
  return out;
}

const REF = 'rfc7143/11.2.2';

/** Violations in the AHS area of a PDU of type `pduName` (`allowed` lists AHS types it may carry). */
export function checkAhs(ahs: readonly Ahs[], pduName: string, allowed: readonly number[]): Violation[] {
  const out: Violation[] = [];
  for (const a of ahs) {
    if ('raw' in a) { out.push(violation('pdu/ahs-length', REF, `AHS bytes ${a.raw.toString('hex').slice(0, 16)}… do not form whole AHSs (AHSLength does not fit TotalAHSLength)`, 'ahs')); continue; }
    if (a.ahsType & 0xc0) out.push(violation('pdu/ahs-type-reserved-bits', 'rfc7143/11.2.2.1', `AHSType byte 0x${a.ahsType.toString(16)} has its reserved top two bits set`, 'ahs'));
    else if (!allowed.includes(a.ahsType)) out.push(violation('pdu/ahs-type', REF, `AHS type ${a.ahsType} is not defined for ${pduName}`, 'ahs'));
    if (a.specific !== 0) out.push(violation('pdu/ahs-reserved', REF, `AHS type-specific byte is ${a.specific}; it is reserved for type ${a.ahsType}`, 'ahs'));
    if (a.ahsType === 1 && a.data.length === 0) out.push(violation('pdu/ahs-ext-cdb-short', 'rfc7143/11.2.2.3', 'an Extended CDB AHS carries no CDB bytes; it must not be used for a CDB of 16 bytes or less', 'ahs'));
    if (a.ahsType === 2 && a.data.length !== 4) out.push(violation('pdu/ahs-bidi-length', 'rfc7143/11.2.2.4', `bidirectional read length AHS carries ${a.data.length} bytes; AHSLength must be 5`, 'ahs'));
  }
  return out;
}

/** Generators of AHS lists: none, or those the PDU type may carry (valid), or any bytes. */
export function arbitraryAhs(allowed: readonly number[], mode: 'valid' | 'edge' | 'any'): fc.Arbitrary<Ahs[]> {
  const seg = (t: number): fc.Arbitrary<AhsSegment> => t === 2
    ? fc.uint8Array({ minLength: 4, maxLength: 4 }).map(d => ({ ahsType: 2, specific: 0, data: Buffer.from(d) }))
    : fc.uint8Array({ minLength: 1, maxLength: 244 }).map(d => ({ ahsType: t, specific: 0, data: Buffer.from(d) }));
  if (mode === 'any') {
    return fc.array(fc.record({ ahsType: fc.integer({ min: 0, max: 255 }), specific: fc.integer({ min: 0, max: 255 }), data: fc.uint8Array({ maxLength: 64 }).map(d => Buffer.from(d)) }), { maxLength: 2 });
  }
  if (allowed.length === 0) return fc.constant(EMPTY);
  return fc.oneof({ weight: 3, arbitrary: fc.constant(EMPTY) }, { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...allowed), { minLength: 1, maxLength: allowed.length }).chain(ts => fc.tuple(...ts.map(seg))) });
}
