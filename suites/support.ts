// Shared helpers for suites: first-login keys, SCSI with one UNIT ATTENTION retry, capacity, sense codes.
import type { CaseApi } from '../harness/runner/case-api.js';
import type { Conn } from '../harness/runner/conn.js';
import type { CaseEvent, ScsiEvent } from '../harness/runner/outcomes.js';
import { ReadCapacity16 } from '../harness/scsi/commands/sbc-other.js';

/** Sense keys (SPC-4 Table 48) the cases name. */
export const SenseKey = { NOT_READY: 0x2, ILLEGAL_REQUEST: 0x5, UNIT_ATTENTION: 0x6 } as const;
/** Additional sense codes (ASC, ASCQ) the cases name (SPC-4 Annex D). */
export const Asc = {
  LBA_OUT_OF_RANGE: [0x21, 0x00], INVALID_FIELD_IN_CDB: [0x24, 0x00], LOGICAL_UNIT_NOT_SUPPORTED: [0x25, 0x00],
} as const satisfies Record<string, readonly [number, number]>;

/** The keys of a first Login Request for a Normal session with no authentication (RFC 7143 §6.3.1). */
export function firstLoginKeys(t: CaseApi): Record<string, string | undefined> {
  return { InitiatorName: t.target.initiatorName, TargetName: t.target.iqn, SessionType: 'Normal', AuthMethod: 'None' };
}

/**
 * Runs a SCSI command; a UNIT ATTENTION is reported once per I_T nexus (SAM-5), so a fresh session may
 * see one first: it is noted and the command sent once more.
 */
export async function scsi(t: CaseApi, c: Conn, cdb: Buffer, o: { read?: number; write?: Buffer; lun?: number } = {}): Promise<CaseEvent> {
  const e = await c.scsi(cdb, o);
  if (e.kind === 'scsi' && e.status === 0x02 && e.sense?.key === SenseKey.UNIT_ATTENTION) {
    t.note(`UNIT ATTENTION ${e.sense.asc.toString(16)}/${e.sense.ascq.toString(16)} before the command; sent again`);
    return c.scsi(cdb, o);
  }
  return e;
}

/**
 * READ CAPACITY(16) of the URL's LUN: last LBA and block length; a failure ends the case. The capacity
 * cannot change during a run (no case sends a mode block descriptor or FORMAT UNIT), so it is read once
 * per run (t.memo); later calls only consume a pending UNIT ATTENTION with one TEST UNIT READY, as the
 * retried READ CAPACITY did, and fall back to READ CAPACITY when the LU answers anything but GOOD or a UA.
 */
export async function capacity(t: CaseApi, c: Conn): Promise<{ lastLba: bigint; blockSize: number; blocks: bigint }> {
  let asked = false;
  const cap = await t.memo('read-capacity-16', () => { asked = true; return readCapacity16(t, c); });
  if (asked) return cap;
  const e = await c.scsi(Buffer.alloc(6)); // TEST UNIT READY
  if (e.kind === 'scsi' && e.status === 0x02 && e.sense?.key === SenseKey.UNIT_ATTENTION) {
    t.note(`UNIT ATTENTION ${e.sense.asc.toString(16)}/${e.sense.ascq.toString(16)} answered a TEST UNIT READY (capacity known from this run)`);
    return cap;
  }
  return e.kind === 'scsi' && e.status === 0 ? cap : readCapacity16(t, c);
}

async function readCapacity16(t: CaseApi, c: Conn): Promise<{ lastLba: bigint; blockSize: number; blocks: bigint }> {
  const e = await scsi(t, c, ReadCapacity16.encode({ allocationLength: 32 }), { read: 32 });
  if (e.kind !== 'scsi' || e.status !== 0 || e.data.length < 12) t.fail('READ CAPACITY(16) returns GOOD with parameter data', describe(e), 'sbc3/5.16');
  const d = (e as ScsiEvent).data;
  const lastLba = d.readBigUInt64BE(0), blockSize = d.readUInt32BE(8);
  return { lastLba, blockSize, blocks: lastLba + 1n };
}

const describe = (e: CaseEvent): string => (e.kind === 'scsi' ? `status 0x${e.status.toString(16)}, ${e.data.length} bytes` : e.kind);
