// Sense keys and ASC/ASCQ names (SPC-4 Table "ASC and ASCQ assignments"), and a one-line sense summary.
// Pairs from SCSI-NOTES §3 (libiscsi scsi-lowlevel.h / tgt usr/scsi.h); extra common SPC pairs marked.
import { senseFieldPointer, senseInformation, type Sense } from './sense.js';

/** Sense keys by name. */
export const SenseKey = {
  NO_SENSE: 0x0, RECOVERED_ERROR: 0x1, NOT_READY: 0x2, MEDIUM_ERROR: 0x3, HARDWARE_ERROR: 0x4,
  ILLEGAL_REQUEST: 0x5, UNIT_ATTENTION: 0x6, DATA_PROTECT: 0x7, BLANK_CHECK: 0x8, VENDOR_SPECIFIC: 0x9,
  COPY_ABORTED: 0xa, ABORTED_COMMAND: 0xb, VOLUME_OVERFLOW: 0xd, MISCOMPARE: 0xe,
} as const;

/** Printable sense key names; 0xC is obsolete (was EQUAL) and 0xF reserved. */
export const SenseKeyName: readonly string[] = [
  'NO SENSE', 'RECOVERED ERROR', 'NOT READY', 'MEDIUM ERROR', 'HARDWARE ERROR', 'ILLEGAL REQUEST',
  'UNIT ATTENTION', 'DATA PROTECT', 'BLANK CHECK', 'VENDOR SPECIFIC', 'COPY ABORTED', 'ABORTED COMMAND',
  'OBSOLETE (0xC)', 'VOLUME OVERFLOW', 'MISCOMPARE', 'RESERVED (0xF)',
];

/** ASC/ASCQ names keyed by `(asc << 8) | ascq`. */
export const AscName: ReadonlyMap<number, string> = new Map<number, string>([
  [0x0000, 'NO ADDITIONAL SENSE INFORMATION'],
  [0x0400, 'LOGICAL UNIT NOT READY, CAUSE NOT REPORTABLE'],
  [0x0401, 'LOGICAL UNIT IS IN PROCESS OF BECOMING READY'],
  [0x0402, 'LOGICAL UNIT NOT READY, INITIALIZING COMMAND REQUIRED'],
  [0x0403, 'LOGICAL UNIT NOT READY, MANUAL INTERVENTION REQUIRED'],
  [0x041b, 'LOGICAL UNIT NOT READY, SANITIZE IN PROGRESS'],
  [0x0e03, 'INVALID FIELD IN COMMAND INFORMATION UNIT'],
  [0x1a00, 'PARAMETER LIST LENGTH ERROR'],
  [0x1d00, 'MISCOMPARE DURING VERIFY OPERATION'],
  [0x1d01, 'MISCOMPARE VERIFY OF UNMAPPED LBA'],
  [0x2000, 'INVALID COMMAND OPERATION CODE'],
  [0x2100, 'LOGICAL BLOCK ADDRESS OUT OF RANGE'],
  [0x2400, 'INVALID FIELD IN CDB'],
  [0x2500, 'LOGICAL UNIT NOT SUPPORTED'],
  [0x2600, 'INVALID FIELD IN PARAMETER LIST'],
  [0x2604, 'INVALID RELEASE OF PERSISTENT RESERVATION'],
  [0x2700, 'WRITE PROTECTED'],
  [0x2701, 'HARDWARE WRITE PROTECTED'],
  [0x2702, 'LOGICAL UNIT SOFTWARE WRITE PROTECTED'],
  [0x2900, 'POWER ON, RESET, OR BUS DEVICE RESET OCCURRED'],
  [0x2901, 'POWER ON OCCURRED'],
  [0x2902, 'SCSI BUS RESET OCCURRED'],
  [0x2903, 'BUS DEVICE RESET FUNCTION OCCURRED'],
  [0x2904, 'DEVICE INTERNAL RESET'],
  [0x2905, 'TRANSCEIVER MODE CHANGED TO SINGLE-ENDED'],
  [0x2906, 'TRANSCEIVER MODE CHANGED TO LVD'],
  [0x2907, 'I_T NEXUS LOSS OCCURRED'],
  [0x2a01, 'MODE PARAMETERS CHANGED'],
  [0x2a03, 'RESERVATIONS PREEMPTED'],
  [0x2a04, 'RESERVATIONS RELEASED'],
  [0x2a09, 'CAPACITY DATA HAS CHANGED'],
  [0x2f00, 'COMMANDS CLEARED BY ANOTHER INITIATOR'],
  [0x3807, 'THIN PROVISIONING SOFT THRESHOLD REACHED'],
  [0x3900, 'SAVING PARAMETERS NOT SUPPORTED'],
  [0x3a00, 'MEDIUM NOT PRESENT'],
  [0x3a01, 'MEDIUM NOT PRESENT - TRAY CLOSED'],
  [0x3a02, 'MEDIUM NOT PRESENT - TRAY OPEN'],
  [0x3e00, 'LOGICAL UNIT HAS NOT SELF-CONFIGURED YET'],
  [0x3f01, 'MICROCODE HAS BEEN CHANGED'],
  [0x3f03, 'INQUIRY DATA HAS CHANGED'],
  [0x3f0e, 'REPORTED LUNS DATA HAS CHANGED'],
  [0x4400, 'INTERNAL TARGET FAILURE'],
  [0x5300, 'MEDIA LOAD OR EJECT FAILED'],
  [0x5302, 'MEDIUM REMOVAL PREVENTED'],
  [0x5504, 'INSUFFICIENT REGISTRATION RESOURCES'],
  // Common SPC-4 pairs not in SCSI-NOTES (from general knowledge of the SPC-4 ASC table; unverified
  // against a copy of the standard, so no MUST-level case should depend on their wording).
  [0x0c00, 'WRITE ERROR'],
  [0x1100, 'UNRECOVERED READ ERROR'],
  [0x2601, 'PARAMETER NOT SUPPORTED'],
  [0x2602, 'PARAMETER VALUE INVALID'],
  [0x2a00, 'PARAMETERS CHANGED'],
  [0x2a02, 'LOG PARAMETERS CHANGED'],
  [0x2c00, 'COMMAND SEQUENCE ERROR'],
  [0x4700, 'SCSI PARITY ERROR'],
  [0x4b00, 'DATA PHASE ERROR'],
  [0x4b01, 'INVALID TARGET PORT TRANSFER TAG RECEIVED'],
  [0x4b02, 'TOO MUCH WRITE DATA'],
  [0x4b03, 'ACK/NAK TIMEOUT'],
  [0x4b04, 'NAK RECEIVED'],
  [0x4b05, 'DATA OFFSET ERROR'],
  [0x4b06, 'INITIATOR RESPONSE TIMEOUT'],
  [0x4703, 'INFORMATION UNIT iuCRC ERROR DETECTED'],
  [0x4900, 'INVALID MESSAGE ERROR'],
  [0x5d00, 'FAILURE PREDICTION THRESHOLD EXCEEDED'],
]);

/** Sense key name, or its hex value. */
export const senseKeyName = (k: number): string => SenseKeyName[k & 0xf] ?? `key 0x${k.toString(16)}`;

/** ASC/ASCQ name; vendor-specific and unknown pairs get a generic description. */
export function ascName(asc: number, ascq: number): string {
  const known = AscName.get((asc << 8) | ascq);
  if (known) return known;
  if (asc >= 0x80 || ascq >= 0x80) return 'VENDOR SPECIFIC';
  return 'UNKNOWN ASC/ASCQ';
}

/** ASC/ASCQ written as SCSI-NOTES writes them: `24/00`. */
export const ascText = (asc: number, ascq: number): string =>
  `${asc.toString(16).padStart(2, '0').toUpperCase()}/${ascq.toString(16).padStart(2, '0').toUpperCase()}`;

/**
 * One line for logs and failure messages:
 * `ILLEGAL REQUEST/INVALID FIELD IN CDB (24/00) field=byte 1 bit 1`.
 */
export function describeSense(v: Sense): string {
  let s = `${senseKeyName(v.senseKey)}/${ascName(v.asc, v.ascq)} (${ascText(v.asc, v.ascq)})`;
  const fp = senseFieldPointer(v);
  if (fp) s += ` field=${fp.cd ? '' : 'parameter '}byte ${fp.fieldPointer}${fp.bpv ? ` bit ${fp.bitPointer}` : ''}`;
  const info = senseInformation(v);
  if (info !== undefined) s += ` info=${info}`;
  if (v.responseCode === 0x71 || v.responseCode === 0x73) s += ' (deferred)';
  return s;
}
