// SNACK Request at ErrorRecoveryLevel >= 1 (RFC 7143 §11.16): "if the implementation supports ErrorRecoveryLevel
// greater than zero, it MUST support all SNACK types". What was sent comes back as exact replicas from the
// connection's RecoveryStore; what was never sent or is already acknowledged is a Protocol Error (§11.16); what we
// let go of to bound memory while still unacknowledged is a "SNACK Reject" (§7.8, §11.17.1: "can be resent").
import { makePdu, type KnownPdu, type PduNamed } from '../../harness/pdu/registry.js';
import { NO_TAG } from '../../harness/pdu/types/codes.js';
import type { Connection } from '../connection.js';
import { snAdd, snLt } from '../serial.js';
import type { HeldRead } from './recovery-store.js';
import { Reason, reject } from './reject.js';
import { sendR2t } from './r2t.js';
import type { Task } from './task.js';

type Snack = PduNamed<'SnackRequest'>;
type DataIn = PduNamed<'DataIn'>;
type Status = KnownPdu & { statSN: number };

const hex = (n: number): string => `0x${n.toString(16)}`;

/** Routes a SNACK by its Type (§11.16.1). */
export function handleSnack(conn: Connection, s: Snack, bhs: Buffer): void {
  switch (s.snackType) {
    case 0: return dataOrR2tSnack(conn, s, bhs);
    case 1: return statusSnack(conn, s, bhs);
    // §11.7.2: we never set the A bit, so no Data-In ever asked for a DataACK and its TTT names nothing we gave
    // (§11.16.5: a DataACK copies the TTT of the Data-In with A=1). §11.17.1 has the reason for exactly this.
    case 2: return reject(conn, bhs, Reason.invalidDataAck, `DataACK for TTT ${hex(s.tttOrSnackTag)}: we set the A bit on no Data-In (§11.7.2)`);
    case 3: return rDataSnack(conn, s, bhs);
    default: return reject(conn, bhs, Reason.protocolError, `SNACK Type ${s.snackType} is reserved (§11.16.1)`);
  }
}

/**
 * How many numbers from `first` a run asks for, given that `next` is the first number not sent yet; undefined when
 * it reaches past what was sent. RunLength 0 means "all from BegRun on" (§11.16.7).
 */
function runCount(first: number, runLength: number, next: number): number | undefined {
  if (!snLt(first, next)) return undefined;
  const sent = (next - first) >>> 0;
  if (runLength === 0) return sent;
  return runLength <= sent ? runLength : undefined;
}

// Status SNACK: the numbered responses BegRun.. again; BegRun 0 with RunLength 0 is every unacknowledged one (§11.16.6).
function statusSnack(conn: Connection, s: Snack, bhs: Buffer): void {
  const store = conn.recovery!;
  const next = conn.statSN;
  const first = s.begRun === 0 && s.runLength === 0 ? store.firstUnacknowledged : s.begRun;
  if (first === next && s.begRun === 0 && s.runLength === 0) return; // nothing unacknowledged: nothing to resend
  const count = runCount(first, s.runLength, next);
  if (count === undefined) return reject(conn, bhs, Reason.protocolError, `Status SNACK for StatSN ${first}+${s.runLength}: not sent yet (next is ${next}) (§11.16)`);
  const out: KnownPdu[] = [];
  // Bounded by what is held: the first StatSN that is acknowledged or was let go ends the loop.
  for (let i = 0; i < count; i++) {
    const sn = snAdd(first, i);
    const h = store.response(sn, next);
    if (h.kind === 'acknowledged') return reject(conn, bhs, Reason.protocolError, `Status SNACK for StatSN ${sn}, already acknowledged (§11.16)`);
    if (h.kind !== 'held') return reject(conn, bhs, Reason.snackReject, `Status SNACK for StatSN ${sn}: no longer held (per-connection cap)`);
    out.push(h.value);
  }
  for (const p of out) conn.resend(p);
}

// Data/R2T SNACK: R2Ts of a write still collecting data, else the held Data-In of a read (§11.16.1 type 0).
function dataOrR2tSnack(conn: Connection, s: Snack, bhs: Buffer): void {
  const task = conn.session!.tasks.get(s.itt);
  if (task && task.conn === conn && task.state === 'collecting') return r2tSnack(conn, task, s, bhs);
  const r = conn.recovery!.read(s.itt);
  // §11.16.1: a Data SNACK must precede the status acknowledgment; once acknowledged we hold nothing for the ITT.
  if (!r) return reject(conn, bhs, Reason.protocolError, `Data SNACK for ITT ${hex(s.itt)}: no unacknowledged Data-In of that task (§11.16)`);
  // §7.8 a.2: the status of a held read is always sent with its data, so the Reject alone concludes this.
  if (r.dropped) return reject(conn, bhs, Reason.snackReject, `Data SNACK for ITT ${hex(s.itt)}: its Data-In is no longer held (per-connection cap)`);
  const next = r.dataIns.length ? snAdd(r.dataIns[r.dataIns.length - 1]!.dataSN, 1) : 0;
  const count = runCount(s.begRun, s.runLength, next);
  if (count === undefined) return reject(conn, bhs, Reason.protocolError, `Data SNACK for DataSN ${s.begRun}+${s.runLength} of ITT ${hex(s.itt)}: not sent (§11.16)`, next);
  for (const d of r.dataIns) if (((d.dataSN - s.begRun) >>> 0) < count) conn.resend(d);
}

// R2T SNACK: only R2Ts still waiting for data can be asked for again; one whose data all arrived is acknowledged.
// BegRun 0 with RunLength 0 means all of those (§11.16.6). A resent R2T is answered from its start, so its
// sequence state starts over.
function r2tSnack(conn: Connection, task: Task, s: Snack, bhs: Buffer): void {
  const all = s.begRun === 0 && s.runLength === 0;
  const count = all ? 0 : runCount(s.begRun, s.runLength, task.sn);
  const open = [...task.r2ts.values()].filter(r => all || ((r.r2tSN - s.begRun) >>> 0) < count!);
  if (count === undefined || (!all && open.length !== count))
    return reject(conn, bhs, Reason.protocolError, `R2T SNACK for R2TSN ${s.begRun}+${s.runLength} of ITT ${hex(task.itt)}: not sent or already answered (§11.16)`, task.sn);
  for (const r of open.sort((a, b) => a.r2tSN - b.r2tSN)) {
    r.received = 0;
    r.nextDataSN = 0;
    sendR2t(task, r);
  }
}

// R-Data SNACK (§11.16.3): the initiator dropped all unacknowledged data; resend it cut to today's
// MaxRecvDataSegmentLength, DataSN from 0 (no DataACK ever came: we never set A), then a SCSI Response carrying the
// SNACK Tag and the original StatSN, which also becomes what a later Status SNACK gets ("the latest content").
function rDataSnack(conn: Connection, s: Snack, bhs: Buffer): void {
  const tag = s.tttOrSnackTag;
  if (tag === 0 || tag === NO_TAG) return reject(conn, bhs, Reason.invalidPduField, `R-Data SNACK Tag ${hex(tag)} is 0 or 0xffffffff (§11.16.5)`);
  const store = conn.recovery!;
  const r = store.read(s.itt);
  if (!r || !r.status) return reject(conn, bhs, Reason.protocolError, `R-Data SNACK for ITT ${hex(s.itt)}: no unacknowledged Data-In of that task (§11.16)`);
  if (r.dropped) return reject(conn, bhs, Reason.snackReject, `R-Data SNACK for ITT ${hex(s.itt)}: its Data-In is no longer held (per-connection cap)`);
  const dataIns = resegment(conn, r);
  const status = taggedStatus(r.status, tag, dataIns.length);
  for (const d of dataIns) conn.resend(d);
  conn.resend(status);
  store.replaceRead(r, dataIns, status);
}

/** The held read's data as new Data-In PDUs: F=1 at each MaxBurstLength (§13.13), none over the initiator's limit. */
function resegment(conn: Connection, r: HeldRead): DataIn[] {
  const data = Buffer.concat(r.dataIns.map(d => d.data));
  const lun = r.dataIns[0]?.lun ?? 0n;
  const seg = Math.max(1, conn.sendLimit);
  const burst = conn.params.maxBurstLength;
  const out: DataIn[] = [];
  for (let seqStart = 0; seqStart < data.length; seqStart += burst) {
    const seqEnd = Math.min(data.length, seqStart + burst);
    for (let off = seqStart; off < seqEnd; off += seg) {
      const end = Math.min(seqEnd, off + seg);
      out.push(makePdu('DataIn', {
        final: end === seqEnd, acknowledge: false, overflow: false, underflow: false, statusPresent: false, status: 0, lun,
        itt: r.itt, ttt: NO_TAG, statSN: conn.statSN, expCmdSN: 0, maxCmdSN: 0, dataSN: out.length, bufferOffset: off,
        residualCount: 0, ahs: [], data: data.subarray(off, end),
      }));
    }
  }
  return out;
}

/** The task's status as a SCSI Response with the SNACK Tag (§11.16.5), whether it first went as one or on a Data-In. */
function taggedStatus(st: Status, snackTag: number, dataInCount: number): Status {
  if (st.type === 'ScsiResponse') return { ...st, snackTag, expDataSN: dataInCount } as Status;
  const d = st as DataIn;
  return makePdu('ScsiResponse', {
    final: true, bidiOverflow: false, bidiUnderflow: false, overflow: d.overflow, underflow: d.underflow, response: 0,
    status: d.status, itt: d.itt, snackTag, statSN: d.statSN, expCmdSN: 0, maxCmdSN: 0, expDataSN: dataInCount,
    bidiReadResidualCount: 0, residualCount: d.residualCount, ahs: [], data: Buffer.alloc(0),
  }) as Status;
}
