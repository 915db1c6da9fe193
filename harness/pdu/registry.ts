// The registry of PDU types by opcode, and the generic encode/decode/validate/print over all of
// them. Unknown opcodes decode to a RawPdu instead of throwing (RFC 7143 §11.2.1.2).
import fc from 'fast-check';
import { DecodeError } from '../errors.js';
import { violation, type Violation } from '../violation.js';
import { ahsLength, encodeAhs, parseAhs, type Ahs } from './ahs.js';
import type { PduType } from './define.js';
import { AsyncMessage } from './types/async-message.js';
import { DataIn } from './types/data-in.js';
import { DataOut } from './types/data-out.js';
import { LoginRequest } from './types/login-request.js';
import { LoginResponse } from './types/login-response.js';
import { LogoutRequest } from './types/logout-request.js';
import { LogoutResponse } from './types/logout-response.js';
import { NopIn } from './types/nop-in.js';
import { NopOut } from './types/nop-out.js';
import { R2t } from './types/r2t.js';
import { Reject } from './types/reject.js';
import { ScsiCommand } from './types/scsi-command.js';
import { ScsiResponse } from './types/scsi-response.js';
import { SnackRequest } from './types/snack-request.js';
import { TaskManagementRequest } from './types/task-management-request.js';
import { TaskManagementResponse } from './types/task-management-response.js';
import { TextRequest } from './types/text-request.js';
import { TextResponse } from './types/text-response.js';

/** Every RFC 7143 §11 PDU type, initiator ones first. */
export const pduTypes = [
  NopOut, ScsiCommand, TaskManagementRequest, LoginRequest, TextRequest, DataOut, LogoutRequest, SnackRequest,
  NopIn, ScsiResponse, TaskManagementResponse, LoginResponse, TextResponse, DataIn, LogoutResponse, R2t,
  AsyncMessage, Reject,
] as const;

type Decl = (typeof pduTypes)[number];
/** The value of one known PDU type, discriminated by `type`. */
export type KnownPdu = ReturnType<Decl['make']>;
/** A PDU whose opcode no declaration knows: kept whole so it can be printed and re-sent. */
export interface RawPdu { type: 'Raw'; opcode: number; immediate: boolean; bhs: Buffer; ahs: Ahs[]; data: Buffer }
/** Any PDU value. */
export type Pdu = KnownPdu | RawPdu;
/** A PDU value of the named type. */
export type PduNamed<N extends Pdu['type']> = Extract<Pdu, { type: N }>;

const byOpcode: Array<PduType | undefined> = new Array(64).fill(undefined);
const byName = new Map<string, PduType>();
for (const t of pduTypes) { byOpcode[t.opcode] = t as unknown as PduType; byName.set(t.name, t as unknown as PduType); }

/** The declaration for an opcode (6 bits), if any. */
export const pduTypeOf = (opcode: number): PduType | undefined => byOpcode[opcode & 0x3f];
/** The declaration for a type name, if any. */
export const pduTypeNamed = (name: string): PduType | undefined => byName.get(name);

/** Vendor-specific opcodes (§11.2.1.2): legal, but no layout to check. */
export const isVendorOpcode = (op: number) => (op >= 0x1c && op <= 0x1e) || (op >= 0x3c && op <= 0x3e);

/** Decodes a PDU from its framed parts; only a short BHS throws (DecodeError). */
export function decodePdu(bhs: Uint8Array, ahs: Buffer = Buffer.alloc(0), data: Buffer = Buffer.alloc(0)): Pdu {
  if (bhs.length < 48) throw new DecodeError(`a BHS is 48 bytes; got ${bhs.length}`, bhs.length, 'bhs', 'ERR_SHORT_BHS');
  const t = byOpcode[bhs[0]! & 0x3f];
  if (t) return t.decode(bhs, ahs, data) as unknown as Pdu;
  return { type: 'Raw', opcode: bhs[0]! & 0x3f, immediate: (bhs[0]! & 0x40) !== 0, bhs: Buffer.from(bhs.subarray(0, 48)), ahs: parseAhs(ahs), data };
}

/** Decodes one contiguous PDU (BHS, AHS, data, padding; no digests). */
export function decodePduBytes(b: Buffer): Pdu {
  if (b.length < 48) throw new DecodeError(`a PDU needs at least 48 bytes; got ${b.length}`, b.length, 'bhs', 'ERR_SHORT_BHS');
  const ahsLen = b[4]! * 4, dsl = (b[5]! << 16) | (b[6]! << 8) | b[7]!;
  if (b.length < 48 + ahsLen + dsl) {
    throw new DecodeError(`PDU claims ${ahsLen} AHS bytes and ${dsl} data bytes but only ${b.length - 48} follow the BHS`, b.length, 'dataSegmentLength', 'ERR_SHORT_PDU');
  }
  return decodePdu(b.subarray(0, 48), b.subarray(48, 48 + ahsLen), b.subarray(48 + ahsLen, 48 + ahsLen + dsl));
}

/** Lengths to write instead of the true ones (for sending lying PDUs on purpose). */
export interface LengthOverrides { totalAHSLength?: number; dataSegmentLength?: number }

/** The three parts of an encoded PDU, ready for wire framing (padding and digests added there). */
export interface EncodedPdu { bhs: Buffer; ahs: Buffer; data: Buffer }

/** Encodes a PDU into its parts; every field is written as given, bad values included. */
export function encodePdu(p: Pdu, lengths: LengthOverrides = {}): EncodedPdu {
  const bhs = Buffer.alloc(48);
  if (p.type === 'Raw') {
    p.bhs.copy(bhs, 0, 0, 48);
    const ahs = encodeAhs(p.ahs);
    bhs[4] = lengths.totalAHSLength ?? Math.ceil(ahs.length / 4);
    const dsl = lengths.dataSegmentLength ?? p.data.length;
    bhs[5] = dsl >>> 16; bhs[6] = dsl >>> 8; bhs[7] = dsl;
    return { bhs, ahs, data: p.data };
  }
  const t = byName.get(p.type)!;
  t.encodeBhs(p as never, bhs, lengths);
  return { bhs, ahs: encodeAhs(p.ahs), data: p.data };
}

/** Encodes a PDU to contiguous bytes with zero padding (no digests). */
export function encodePduBytes(p: Pdu, lengths: LengthOverrides = {}): Buffer {
  const { bhs, ahs, data } = encodePdu(p, lengths);
  const pad = (4 - (data.length & 3)) & 3;
  return Buffer.concat([bhs, ahs, data, Buffer.alloc(pad)]);
}

/** Bytes encodePduInto writes for `p`: BHS, AHS, data and zero padding (no digests). */
export function encodedLength(p: Pdu): number {
  return 48 + ahsLength(p.ahs) + p.data.length + ((4 - (p.data.length & 3)) & 3);
}

/**
 * Encodes `p` at `out[at..]` (which must be zero-filled, as Buffer.alloc gives it) and returns the offset after its
 * padding: one buffer for a whole batch, without the three allocations and the copy of encodePduBytes (fuzz hot path).
 */
export function encodePduInto(p: Pdu, out: Buffer, at: number): number {
  if (p.type === 'Raw') {
    const b = encodePduBytes(p);
    b.copy(out, at);
    return at + b.length;
  }
  const bhs = out.subarray(at, at + 48);
  byName.get(p.type)!.encodeBhs(p as never, bhs);
  let q = at + 48;
  if (p.ahs.length) { const a = encodeAhs(p.ahs); a.copy(out, q); q += a.length; }
  if (p.data.length) { out.set(p.data, q); q += p.data.length; }
  return q + ((4 - (p.data.length & 3)) & 3);
}

/** Every rule the PDU breaks on its own (context-free: no session state). */
export function validatePdu(p: Pdu): Violation[] {
  if (p.type === 'Raw') {
    return isVendorOpcode(p.opcode) ? [] : [violation('pdu/unknown-opcode', 'rfc7143/11.2.1.2', `opcode 0x${p.opcode.toString(16).padStart(2, '0')} is not defined`, 'opcode')];
  }
  return byName.get(p.type)!.validate(p as never);
}

/** One line: type, the fields that matter, AHS and data sizes. */
export function printPdu(p: Pdu): string {
  if (p.type === 'Raw') return `Raw opcode=0x${p.opcode.toString(16).padStart(2, '0')}${p.immediate ? ' I' : ''} bhs=${p.bhs.toString('hex')}${p.data.length ? ` data=${p.data.length}B` : ''}`;
  const line = byName.get(p.type)!.print(p as never);
  return 'immediate' in p && p.immediate ? line.replace(' immediate', ' I') : line;
}

/** Builds a PDU of a named type from a partial value (defaults filled). */
export function makePdu<N extends KnownPdu['type']>(type: N, v: Partial<Omit<PduNamed<N>, 'type'>> = {}): PduNamed<N> {
  const t = byName.get(type);
  if (!t) throw new DecodeError(`no PDU type named ${type}`, 0, 'type', 'ERR_UNKNOWN_PDU_TYPE');
  return t.make(v as never) as unknown as PduNamed<N>;
}

/** Generator over all (or some) PDU types in a mode. */
export function arbitraryPdu(mode: 'valid' | 'edge' | 'near-valid' | 'any', types: readonly PduType[] = pduTypes as unknown as PduType[]): fc.Arbitrary<Pdu> {
  return fc.oneof(...types.map(t => t.arbitrary(mode) as unknown as fc.Arbitrary<Pdu>));
}
