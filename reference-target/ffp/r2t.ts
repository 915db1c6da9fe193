// Solicited data (RFC 7143 §11.8): R2Ts up to MaxOutstandingR2T, each at most MaxBurstLength, R2TSN per task.
import { makePdu } from '../../harness/pdu/registry.js';
import { execute } from './complete.js';
import { IscsiSense, sendStatus } from './iscsi-sense.js';
import type { OutstandingR2t, Task } from './task.js';

/** Sends R2Ts for the rest of the task's Data-Out while fewer than MaxOutstandingR2T are open (§13.17). */
export function sendR2ts(task: Task): void {
  const conn = task.conn;
  const session = conn.session!;
  const { faults } = conn.ctx;
  while (task.r2ts.size < conn.params.maxOutstandingR2T && task.nextR2tOffset < task.need) {
    const length = faults.apply('r2tLength', Math.min(conn.params.maxBurstLength, task.need - task.nextR2tOffset));
    if (task.sn === 0 && task.nextR2tOffset === task.unsolicitedEnd) task.sn = faults.apply('firstR2TSN', 0);
    const r: OutstandingR2t = { ttt: session.newTtt(), r2tSN: task.sn, offset: task.nextR2tOffset, length, received: 0, nextDataSN: 0 };
    sendR2t(task, r);
    task.r2ts.set(r.ttt, r);
    task.sn = (task.sn + 1) >>> 0;
    task.nextR2tOffset += length;
  }
}

/** Sends one R2T; again for an R2T SNACK, where it carries the current StatSN (§11.16) and nothing else new. */
export function sendR2t(task: Task, r: OutstandingR2t): void {
  task.conn.send(makePdu('R2t', {
    final: true, lun: task.cmd.lun, itt: task.itt, ttt: r.ttt, statSN: 0, expCmdSN: 0, maxCmdSN: 0,
    r2tSN: r.r2tSN, bufferOffset: r.offset, desiredDataTransferLength: r.length, ahs: [], data: Buffer.alloc(0),
  }), false);
}

/** Copies Data-Out bytes into the task buffer (only what the command uses) and counts them. */
export function place(task: Task, offset: number, data: Buffer): void {
  const end = Math.min(task.need, offset + data.length);
  if (end <= offset) return;
  data.copy(task.buffer, offset, 0, end - offset);
  task.received += end - offset;
}

/** Runs the task once every byte it needs has arrived and no sequence is still open. */
export function maybeExecute(task: Task): void {
  if (task.state !== 'collecting' || task.unsolicitedOpen || task.r2ts.size > 0 || task.nextR2tOffset < task.need) return;
  if (task.crcError) return failCrc(task);
  execute(task);
}

// §7.8 option b: a Data-Out lost to a data digest error ends the task with CHECK CONDITION "Protocol Service CRC
// error", sent only now that all its data has arrived. (Option a, a recovery R2T, would need holes tracked per burst.)
function failCrc(task: Task): void {
  task.state = 'done';
  task.conn.session?.removeTask(task.itt);
  sendStatus(task.conn, task.cmd, 0x02, IscsiSense.protocolServiceCrcError());
}
