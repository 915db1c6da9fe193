// Helpers for the SBC suites: the LU's geometry, VPD B0/B2 and READ CAPACITY(16) decoded, DPOFUA,
// outcome shorthands, scratch LBAs per case (so parallel cases never race on the same blocks).
import type { CaseApi } from '../harness/runner/case-api.js';
import type { Conn } from '../harness/runner/conn.js';
import { scsiStatus, sense, type CaseEvent, type Matcher, type ScsiEvent } from '../harness/runner/outcomes.js';
import { ReadCapacity16 } from '../harness/scsi/commands/sbc-other.js';
import { Read16, Write16 } from '../harness/scsi/commands/sbc-rw.js';
import { ModeSense10 } from '../harness/scsi/commands/spc-mode.js';
import { Inquiry } from '../harness/scsi/commands/spc.js';
import { ReadCapacity16Data } from '../harness/scsi/data/capacity.js';
import { BlockLimits, LogicalBlockProvisioning } from '../harness/scsi/data/vpd-block.js';
import { decodeSense, senseInformation, type Sense } from '../harness/scsi/sense.js';
import { capacity, scsi } from './support.js';

/** A logged-in connection with the LU's geometry (READ CAPACITY(16)). */
export interface Lu { c: Conn; lastLba: bigint; blockSize: number; blocks: bigint }

/** Logs in and reads the capacity: the first two steps of nearly every SBC case. */
export async function openLu(t: CaseApi): Promise<Lu> {
  const c = await t.login();
  return { c, ...(await capacity(t, c)) };
}

/** CHECK CONDITION, ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE (21/00). */
export const lbaOutOfRange = (): Matcher => sense(0x5, 0x21, 0x00);
/** CHECK CONDITION, ILLEGAL REQUEST, INVALID FIELD IN CDB (24/00). */
export const invalidField = (): Matcher => sense(0x5, 0x24, 0x00);
/** CHECK CONDITION, ILLEGAL REQUEST, INVALID FIELD IN PARAMETER LIST (26/00). */
export const invalidParam = (): Matcher => sense(0x5, 0x26, 0x00);
/** CHECK CONDITION, ILLEGAL REQUEST, PARAMETER LIST LENGTH ERROR (1A/00). */
export const paramLengthError = (): Matcher => sense(0x5, 0x1a, 0x00);
/** CHECK CONDITION, ILLEGAL REQUEST, MEDIUM REMOVAL PREVENTED (53/02). */
export const removalPrevented = (): Matcher => sense(0x5, 0x53, 0x02);
/** CHECK CONDITION with sense key ILLEGAL REQUEST, any ASC. */
export const illegalRequest = (): Matcher => sense(0x5);
/** CHECK CONDITION, MISCOMPARE, MISCOMPARE DURING VERIFY OPERATION (1D/00). */
export const miscompare = (): Matcher => sense(0xe, 0x1d, 0x00);
/** GOOD, optionally with a predicate over the event. */
export const good = (pred: (e: ScsiEvent) => boolean = () => true, extra = ''): Matcher => scsiStatus(0, pred, extra);
/** CONDITION MET (0x04): PRE-FETCH staged every requested block in the cache (SBC-4). */
export const conditionMet = (): Matcher => scsiStatus(0x04);
/** GOOD with exactly these bytes of Data-In. */
export const goodWith = (data: Buffer, what = `the ${data.length} bytes written`): Matcher => good(e => e.data.equals(data), ` with ${what}`);
/** GOOD with `n` bytes of Data-In. */
export const goodBytes = (n: number): Matcher => good(e => e.data.length === n, ` with ${n} data bytes`);

/** The full sense data of a CHECK CONDITION (fixed or descriptor), for fields beyond key/ASC/ASCQ. */
export function fullSense(e: CaseEvent): Sense | undefined {
  if (e.kind !== 'scsi' || e.pdu.type !== 'ScsiResponse') return undefined;
  const d = e.pdu.data;
  const len = d.length >= 2 ? d.readUInt16BE(0) : 0;
  return len > 0 ? decodeSense(d.subarray(2, 2 + len)).value : undefined;
}

/** INFORMATION of a CHECK CONDITION when VALID is set. */
export const informationOf = (e: CaseEvent): bigint | undefined => { const s = fullSense(e); return s ? senseInformation(s) : undefined; };

/** GOOD or the case fails with `what`; returns the event for its data. */
export function mustBeGood(t: CaseApi, e: CaseEvent, what: string): ScsiEvent {
  if (e.kind !== 'scsi' || e.status !== 0 || e.response !== 0) t.fail(`${what} returns GOOD`, describe(e));
  return e as ScsiEvent;
}

const describe = (e: CaseEvent): string => (e.kind === 'scsi'
  ? `status 0x${e.status.toString(16)}${e.sense ? ` sense ${e.sense.key.toString(16)}/${e.sense.asc.toString(16)}/${e.sense.ascq.toString(16)}` : ''}, ${e.data.length} bytes`
  : e.kind);

/** A VPD page, or undefined when the LU answers it with CHECK CONDITION (page not supported). */
export async function vpdPage(t: CaseApi, c: Conn, code: number): Promise<Buffer | undefined> {
  const e = await scsi(t, c, Inquiry.encode({ evpd: true, pageCode: code, allocationLength: 255 }), { read: 255 });
  if (e.kind !== 'scsi' || e.status !== 0 || e.data.length < 4 || e.data[1] !== code) return undefined;
  return e.data;
}

/** Block Limits (VPD B0), decoded; undefined when the LU has no such page. */
export async function blockLimits(t: CaseApi, c: Conn) {
  const b = await vpdPage(t, c, 0xb0);
  return b ? BlockLimits.decode(b).value : undefined;
}

/** Logical Block Provisioning (VPD B2), decoded; undefined when the LU has no such page. */
export async function provisioning(t: CaseApi, c: Conn) {
  const b = await vpdPage(t, c, 0xb2);
  return b ? LogicalBlockProvisioning.decode(b).value : undefined;
}

/** READ CAPACITY(16) parameter data decoded (LBPME, LBPRZ, PROT_EN...); a failure ends the case. */
export async function rc16(t: CaseApi, c: Conn) {
  const e = mustBeGood(t, await scsi(t, c, ReadCapacity16.encode({ allocationLength: 32 }), { read: 32 }), 'READ CAPACITY(16)');
  return ReadCapacity16Data.decode(e.data).value;
}

/** Skips the case unless the LU has logical block provisioning management (LBPME=1) and the VPD bit `bit`. */
export async function needProvisioning(t: CaseApi, c: Conn, bit?: 'lbpu' | 'lbpws' | 'lbpws10') {
  const cap = await rc16(t, c);
  if (!cap.lbpme) t.skip('the LU reports LBPME=0 (no logical block provisioning management)');
  const lbp = await provisioning(t, c);
  if (!lbp) t.skip('the LU has no Logical Block Provisioning VPD page (B2)');
  if (bit && !lbp[bit]) t.skip(`the Logical Block Provisioning VPD page reports ${bit.toUpperCase()}=0`);
  return { cap, lbp };
}

/** DPOFUA from the MODE SENSE(10) header (device-specific parameter bit 4): DPO/FUA are accepted when 1. */
export async function dpoFua(t: CaseApi, c: Conn): Promise<boolean> {
  const e = await scsi(t, c, ModeSense10.encode({ pageCode: 0x3f, allocationLength: 255 }), { read: 255 });
  return e.kind === 'scsi' && e.status === 0 && e.data.length >= 4 && (e.data[3]! & 0x10) !== 0;
}

/** A copy of a CDB with `mask` set in byte `byte` (reserved-bit cases). */
export function withBits(cdb: Buffer, byte: number, mask: number): Buffer {
  const b = Buffer.from(cdb);
  b[byte] = b[byte]! | mask;
  return b;
}

/** Bytes of a recognisable pattern, different for every (salt, offset). */
export function pattern(bytes: number, salt: number): Buffer {
  const b = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) b[i] = (i * 31 + salt * 131 + (i >> 9) * 7 + 1) & 0xff;
  return b;
}

/**
 * What every case writes to a shared block such as LBA 0 or the last LBA: a pure function of the
 * LBA, so concurrent cases writing the same block write the same bytes.
 */
export const blockPattern = (lba: bigint, blockSize: number): Buffer => pattern(blockSize, Number(lba % 65521n) + 7);

/**
 * Scratch regions: each destructive case that checks contents gets its own 16 blocks, at
 * 4096 + region * 256 + n * 16, so that cases running in parallel never touch each other's data.
 */
export const Region = {
  write6: 0, write10: 1, write12: 2, write16: 3, wav10: 4, wav12: 5, wav16: 6, verify: 7,
  writeSame10: 8, writeSame16: 9, unmap: 10, compareAndWrite: 11, getLbaStatus: 12, syncCache: 13, orWrite: 14,
} as const;

/** First LBA of a case's scratch blocks; the case skips when the LU is too small to hold them. */
export function scratchLba(t: CaseApi, lu: Lu, region: number, n: number): bigint {
  if (n > 15) throw new Error(`scratch slot ${n} is outside its region`);
  const lba = BigInt(4096 + region * 256 + n * 16);
  if (lba + 16n > lu.blocks) t.skip(`the LU (${lu.blocks} blocks) is too small for the scratch blocks at LBA ${lba}`);
  return lba;
}

/** WRITE(16) of `data` at `lba`; anything but GOOD fails the case (a setup step). */
export async function writeAt(t: CaseApi, lu: Lu, lba: bigint, data: Buffer): Promise<void> {
  mustBeGood(t, await scsi(t, lu.c, Write16.encode({ lba, transferLength: data.length / lu.blockSize }), { write: data }), `WRITE(16) of ${data.length / lu.blockSize} block(s) at LBA ${lba}`);
}

/** READ(16) of `blocks` at `lba`; anything but GOOD fails the case. */
export async function readAt(t: CaseApi, lu: Lu, lba: bigint, blocks: number): Promise<Buffer> {
  return mustBeGood(t, await scsi(t, lu.c, Read16.encode({ lba, transferLength: blocks }), { read: blocks * lu.blockSize }), `READ(16) of ${blocks} block(s) at LBA ${lba}`).data;
}

/** Checks that a READ(16) of the range returns `data` (the read-back step of a write case). */
export async function expectContents(t: CaseApi, lu: Lu, lba: bigint, data: Buffer, what: string): Promise<void> {
  const got = await readAt(t, lu, lba, data.length / lu.blockSize);
  if (!got.equals(data)) {
    const at = got.findIndex((x, i) => x !== data[i]);
    t.fail(`READ(16) at LBA ${lba} returns ${what}`, `${got.length} bytes differing first at byte ${at}`);
  }
}
