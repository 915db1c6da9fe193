// Completing a SCSI task: run it on the SCSI layer, then Data-In and status with residuals (RFC 7143 §11.4, §11.7).
import { makePdu } from '../../harness/pdu/registry.js';
import { EMPTY_BUFFER } from '../../harness/pdu/wire.js';
import type { Connection } from '../connection.js';
import type { ScsiRequest, ScsiResult } from '../scsi/device.js';
import { sendDataIn } from './data-in.js';
import type { Task } from './task.js';

const GOOD = 0x00;
const CONDITION_MET = 0x04;

/** Residual flags and count from what the CDB wanted to move against EDTL (§11.4.5). */
export function residual(transferLength: number, edtl: number): { overflow: boolean; underflow: boolean; residualCount: number } {
  if (transferLength > edtl) return { overflow: true, underflow: false, residualCount: transferLength - edtl };
  if (transferLength < edtl) return { overflow: false, underflow: true, residualCount: edtl - transferLength };
  return { overflow: false, underflow: false, residualCount: 0 };
}

/** The request the SCSI layer sees for a task. */
export function scsiRequest(conn: Connection, task: Task): ScsiRequest {
  return {
    nexus: conn.session!.nexus, lun: task.cmd.lun, cdb: task.cdb, attr: task.cmd.attr,
    expectedDataTransferLength: task.cmd.expectedDataTransferLength, dataOut: task.buffer.subarray(0, task.need),
    task,
  };
}

/** Hands a task whose Data-Out is complete to the SCSI layer; its answer goes back on the task's connection. */
export function execute(task: Task): void {
  const conn = task.conn;
  const { device, faults, log } = conn.ctx;
  task.state = 'executing';
  const req = scsiRequest(conn, task);
  device.execute(req).then(
    res => complete(task, faults.apply('scsiResult', res, req)),
    (e: unknown) => {
      log.warn(`c${conn.id} SCSI layer threw for ITT 0x${task.itt.toString(16)}: ${(e as Error).message}`);
      complete(task, { status: 0x02, sense: Buffer.from([0x70, 0, 0x04, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x44, 0, 0, 0, 0, 0]) });
    },
  ).catch((e: unknown) => conn.close(`internal error completing a task: ${(e as Error).stack ?? e}`));
}

/**
 * Sends the task's Data-In and status. GOOD status without sense rides on the last Data-In (S=1); anything else
 * (CHECK CONDITION with sense, no data) goes in a SCSI Response whose data segment is SenseLength + sense (§11.4.7).
 */
export function complete(task: Task, res: ScsiResult): void {
  const conn = task.conn;
  const session = conn.session;
  if (task.aborted || !session || conn.phase !== 'ffp') return;
  task.state = 'done';
  session.removeTask(task.itt);
  if (res.abortNexuses) abortTasksOf(conn, res.abortNexuses, task.cmd.lun);
  const cmd = task.cmd;
  const edtl = cmd.expectedDataTransferLength;
  const dataIn = cmd.read ? res.dataIn ?? EMPTY_BUFFER : EMPTY_BUFFER;
  // Reads: what the command would send (already cut to its allocation length) against EDTL, so a short answer to a
  // large allocation length is an underflow and an allocation-length cut is none (§11.4.5.1). Writes: the CDB's bytes.
  const wanted = cmd.read && res.dataIn ? dataIn.length : res.transferLength ?? (cmd.read ? 0 : task.need);
  const r = residual(wanted, edtl);
  const data = dataIn.subarray(0, Math.min(dataIn.length, edtl));
  const collapse = data.length > 0 && !res.sense && (res.status === GOOD || res.status === CONDITION_MET);
  if (collapse) return sendDataIn(conn, task, data, { status: res.status, ...r });
  if (data.length) sendDataIn(conn, task, data);
  const sense = res.sense && res.sense.length ? Buffer.concat([Buffer.from([res.sense.length >> 8, res.sense.length & 0xff]), res.sense]) : EMPTY_BUFFER;
  conn.send(makePdu('ScsiResponse', {
    final: true, bidiOverflow: false, bidiUnderflow: false, overflow: r.overflow, underflow: r.underflow,
    response: 0, status: res.status, itt: task.itt, snackTag: 0, statSN: 0, expCmdSN: 0, maxCmdSN: 0,
    expDataSN: task.dataInCount ? task.sn : 0, bidiReadResidualCount: 0, residualCount: r.residualCount, ahs: [], data: sense,
  }), true);
}

// PREEMPT AND ABORT: every task of the preempted nexuses on the LU goes, on every session of theirs (SPC-4).
function abortTasksOf(conn: Connection, nexuses: readonly string[], lun: bigint): void {
  for (const s of conn.ctx.sessions.values()) {
    if (!nexuses.includes(s.nexus.key)) continue;
    for (const t of [...s.tasks.values()]) if (t.cmd.lun === lun) s.abortTask(t.itt);
  }
}
