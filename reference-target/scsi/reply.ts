// What a command handler decides, as a value: GOOD with data, CHECK CONDITION with the sense it
// carries, or RESERVATION CONFLICT. The device turns it into a ScsiResult in the LU's sense format.
import { encodeSense, makeSense } from '../../harness/scsi/sense.js';

/** SAM-5 status codes the SCSI layer sends. */
export const Status = { GOOD: 0x00, CHECK_CONDITION: 0x02, RESERVATION_CONFLICT: 0x18 } as const;

/** SPC-4 sense keys used here. */
export const SenseKey = {
  NO_SENSE: 0x0, NOT_READY: 0x2, MEDIUM_ERROR: 0x3, HARDWARE_ERROR: 0x4, ILLEGAL_REQUEST: 0x5,
  UNIT_ATTENTION: 0x6, DATA_PROTECT: 0x7, ABORTED_COMMAND: 0xb, MISCOMPARE: 0xe,
} as const;

/** Where a bad field is: in the CDB (cd) or the parameter list, byte and optional bit (SPC-4 field pointer). */
export interface FieldPointer { cd: boolean; byte: number; bit?: number }

/** The parts of sense data a handler chooses; the format (fixed/descriptor) is the LU's business. */
export interface SenseSpec {
  key: number;
  asc: number;
  ascq: number;
  /** INFORMATION field (e.g. miscompare offset); sets VALID. */
  info?: bigint;
  field?: FieldPointer;
}

/**
 * Sense bytes in the fixed (0x70) or descriptor (0x72) format, current error. Fixed INFORMATION has
 * 4 bytes: a larger value is left out (VALID=0, SPC-4) rather than truncated into a wrong offset.
 */
export function senseBytes(s: SenseSpec, descriptor: boolean): Buffer {
  const fits = s.info !== undefined && (descriptor || s.info <= 0xffffffffn);
  return encodeSense(makeSense({
    key: s.key, asc: s.asc, ascq: s.ascq, format: descriptor ? 'descriptor' : 'fixed',
    ...(fits ? { information: s.info } : {}),
    ...(s.field ? { fieldPointer: { cd: s.field.cd, bpv: s.field.bit !== undefined, bitPointer: s.field.bit ?? 0, fieldPointer: s.field.byte } } : {}),
  }));
}

/** A handler's outcome. `transferLength` overrides the declaration's figure when a handler knows better. */
export type Reply =
  | { kind: 'good'; data?: Buffer; sense?: never; abortNexuses?: string[] }
  | { kind: 'check'; sense: SenseSpec }
  | { kind: 'conflict' };

/** GOOD, with Data-In when the command returns some. */
export const good = (data?: Buffer): Reply => (data === undefined ? { kind: 'good' } : { kind: 'good', data });
/** CHECK CONDITION with the given sense. */
export const check = (key: number, asc: number, ascq: number, extra: Omit<SenseSpec, 'key' | 'asc' | 'ascq'> = {}): Reply =>
  ({ kind: 'check', sense: { key, asc, ascq, ...extra } });
/** RESERVATION CONFLICT: status only, no sense (SAM-5). */
export const conflict = (): Reply => ({ kind: 'conflict' });

/** ILLEGAL REQUEST, INVALID FIELD IN CDB (24/00) pointing at byte/bit of the CDB. */
export const invalidCdbField = (byte: number, bit?: number): Reply =>
  check(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00, { field: bit === undefined ? { cd: true, byte } : { cd: true, byte, bit } });
/** ILLEGAL REQUEST, INVALID FIELD IN PARAMETER LIST (26/00) pointing into the Data-Out. */
export const invalidParamField = (byte: number, bit?: number): Reply =>
  check(SenseKey.ILLEGAL_REQUEST, 0x26, 0x00, { field: bit === undefined ? { cd: false, byte } : { cd: false, byte, bit } });
/** ILLEGAL REQUEST, PARAMETER LIST LENGTH ERROR (1A/00). */
export const paramListLengthError = (): Reply => check(SenseKey.ILLEGAL_REQUEST, 0x1a, 0x00);
/** ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE (21/00). */
export const lbaOutOfRange = (): Reply => check(SenseKey.ILLEGAL_REQUEST, 0x21, 0x00);
/** ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE (20/00), pointing at byte 0. */
export const invalidOpcode = (): Reply => check(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00, { field: { cd: true, byte: 0 } });
/** ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED (25/00). */
export const lunNotSupported = (): Reply => check(SenseKey.ILLEGAL_REQUEST, 0x25, 0x00);
/** ILLEGAL REQUEST, INVALID FIELD IN COMMAND INFORMATION UNIT (0E/03): EDTL disagrees with the CDB where no partial transfer makes sense. */
export const invalidFieldInIu = (): Reply => check(SenseKey.ILLEGAL_REQUEST, 0x0e, 0x03);
/** DATA PROTECT, WRITE PROTECTED (27/00): Control page SWP=1 (SPC-4). */
export const writeProtected = (): Reply => check(SenseKey.DATA_PROTECT, 0x27, 0x00);
/** MISCOMPARE, MISCOMPARE DURING VERIFY OPERATION (1D/00) with the offset of the first differing byte. */
export const miscompare = (offset: number): Reply => check(SenseKey.MISCOMPARE, 0x1d, 0x00, { info: BigInt(offset) });
