// Data-Out handler (RFC 7143 §11.7): unsolicited and solicited sequences, DataSN and BufferOffset checked in order.
import type { PduNamed } from '../../harness/pdu/registry.js';
import { NO_TAG } from '../../harness/pdu/types/codes.js';
import type { Connection } from '../connection.js';
import { IscsiSense, sendStatus } from './iscsi-sense.js';
import { Reason, protocolError, reject } from './reject.js';
import { maybeExecute, place, sendR2ts } from './r2t.js';
import type { Task } from './task.js';

type DataOut = PduNamed<'DataOut'>;

/**
 * Takes one Data-Out. DataPDUInOrder=Yes and DataSequenceInOrder=Yes are what we negotiate, so each PDU must
 * continue its sequence exactly: the next DataSN (§11.7.5) at the next offset (§13.18), within the burst. At ERL 0 a
 * broken sequence cannot be recovered, so the task ends with CHECK CONDITION, ABORTED COMMAND and the iSCSI
 * condition's ASC/ASCQ (§11.4.7.2); the connection stays, and the rest of the task's Data-Out is discarded.
 */
export function handleDataOut(conn: Connection, d: DataOut, bhs: Buffer, corrupt = false): void {
  const session = conn.session!;
  const task = session.tasks.get(d.itt);
  if (!task || task.conn !== conn) {
    if (session.recentlyAborted(d.itt)) return; // Data-Out of an aborted task is discarded (§11.5.1)
    if (corrupt) return; // already answered with its data digest Reject
    return reject(conn, bhs, Reason.invalidPduField, `Data-Out for unknown ITT 0x${d.itt.toString(16)}`);
  }
  if (task.state !== 'collecting') return protocolError(conn, bhs, `Data-Out for ITT 0x${d.itt.toString(16)} after all its data arrived`);
  // ERL >= 1 and a data digest error: the header is good, so the sequence advances as usual but the bytes are not
  // kept, and the task remembers to end with "Protocol Service CRC error" (§7.8 b; §7.3: ExpDataSN advances).
  if (corrupt) task.crcError = true;
  const bad = d.ttt === NO_TAG ? unsolicited(task, d, corrupt) : solicited(task, d, corrupt);
  if (bad) return terminate(conn, task, bad);
  maybeExecute(task);
}

function terminate(conn: Connection, task: Task, why: string): void {
  conn.ctx.log.warn(`c${conn.id} task ITT 0x${task.itt.toString(16)} terminated: ${why}`);
  conn.session!.abortTask(task.itt);
  const unexpected = why.startsWith('unsolicited Data-Out where none');
  sendStatus(conn, task.cmd, 0x02, unexpected ? IscsiSense.unexpectedUnsolicitedData() : IscsiSense.incorrectAmountOfData());
}

// §13.10, §13.14: the unsolicited burst follows the immediate data and ends exactly at min(FirstBurstLength, EDTL).
function unsolicited(task: Task, d: DataOut, corrupt: boolean): string | undefined {
  if (!task.unsolicitedOpen) return 'unsolicited Data-Out where none is allowed (§13.10)';
  const start = task.cmd.data.length;
  if (lostBefore(task, d, task.unsolicitedDataSN, start + task.unsolicitedReceived, task.unsolicitedEnd)) {
    task.unsolicitedDataSN = d.dataSN;
    task.unsolicitedReceived = d.bufferOffset - start;
  }
  if (d.dataSN !== task.unsolicitedDataSN) return `unsolicited DataSN ${d.dataSN}, expected ${task.unsolicitedDataSN} (§11.7.5)`;
  const expectedOffset = start + task.unsolicitedReceived;
  if (d.bufferOffset !== expectedOffset) return `BufferOffset ${d.bufferOffset}, expected ${expectedOffset} (§13.18)`;
  const end = d.bufferOffset + d.data.length;
  if (end > task.unsolicitedEnd) return `unsolicited data up to ${end} beyond FirstBurstLength/EDTL ${task.unsolicitedEnd} (§13.14)`;
  if (!corrupt) place(task, d.bufferOffset, d.data);
  task.unsolicitedDataSN++;
  task.unsolicitedReceived += d.data.length;
  if (d.final) {
    if (end !== task.unsolicitedEnd) return `unsolicited burst ended at ${end}, expected ${task.unsolicitedEnd} (§11.4.7.2)`;
    task.unsolicitedOpen = false;
  } else if (end === task.unsolicitedEnd) return 'the last unsolicited Data-Out lacks the F bit (§11.7.1)';
  return undefined;
}

// §11.8: a solicited sequence answers one R2T (its TTT), DataSN from 0, offsets inside the R2T's range.
function solicited(task: Task, d: DataOut, corrupt: boolean): string | undefined {
  const r2t = task.r2ts.get(d.ttt);
  if (!r2t) return `Data-Out with TTT 0x${d.ttt.toString(16)} that no open R2T gave (§11.7.4)`;
  if (lostBefore(task, d, r2t.nextDataSN, r2t.offset + r2t.received, r2t.offset + r2t.length)) {
    r2t.nextDataSN = d.dataSN;
    r2t.received = d.bufferOffset - r2t.offset;
  }
  if (d.dataSN !== r2t.nextDataSN) return `DataSN ${d.dataSN}, expected ${r2t.nextDataSN} (§11.7.5)`;
  const expectedOffset = r2t.offset + r2t.received;
  if (d.bufferOffset !== expectedOffset) return `BufferOffset ${d.bufferOffset}, expected ${expectedOffset} (§13.18)`;
  if (r2t.received + d.data.length > r2t.length) return `more data than the R2T asked for (${r2t.length} bytes, §11.8.5)`;
  if (!corrupt) place(task, d.bufferOffset, d.data);
  r2t.received += d.data.length;
  r2t.nextDataSN++;
  if (d.final) {
    if (r2t.received !== r2t.length) return `sequence ended after ${r2t.received} of ${r2t.length} bytes (§11.7.1)`;
    task.r2ts.delete(d.ttt);
    sendR2ts(task);
  } else if (r2t.received === r2t.length) return 'the last Data-Out of a sequence lacks the F bit (§11.7.1)';
  return undefined;
}

/**
 * §7.9: at ERL >= 1 a Data-Out that skips ahead (a later DataSN at a later offset, inside the sequence) means earlier
 * ones were lost to digest errors, which the target "MUST address as described in Section 7.8": like a data digest
 * error, the task ends with "Protocol Service CRC error" once all its data is in. At ERL 0 it stays a sequence error.
 */
function lostBefore(task: Task, d: DataOut, expectedDataSN: number, expectedOffset: number, end: number): boolean {
  if (task.conn.erl < 1 || d.dataSN === expectedDataSN) return false;
  const ahead = ((d.dataSN - expectedDataSN) >>> 0) < 0x80000000 && d.bufferOffset > expectedOffset;
  if (!ahead || d.bufferOffset + d.data.length > end) return false;
  task.conn.ctx.log.warn(`c${task.conn.id} ITT 0x${task.itt.toString(16)}: DataSN ${expectedDataSN}..${d.dataSN - 1} lost (§7.9)`);
  task.crcError = true;
  return true;
}
