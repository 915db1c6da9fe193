// Task Management Function handler (RFC 7143 §11.5, §11.6): aborts and resets, with the SCSI layer told.
import { makePdu, type PduNamed } from '../../harness/pdu/registry.js';
import type { Connection } from '../connection.js';
import { snInWindow, snLt } from '../serial.js';
import type { ScsiReset } from '../scsi/device.js';

type Tmf = PduNamed<'TaskManagementRequest'>;

/** TMF Response codes (§11.6.1). */
export const TmfResult = { complete: 0, noTask: 1, noLun: 2, reassignNotSupported: 4, notSupported: 5, rejected: 255 } as const;

const RESET_KIND: Record<number, ScsiReset> = { 2: 'abort-task-set', 4: 'clear-task-set', 5: 'lun-reset', 6: 'target-warm-reset', 7: 'target-cold-reset' };

/** Runs one TMF and answers it; a TARGET COLD RESET then ends every session (§11.5.1). */
export function handleTmf(conn: Connection, tmf: Tmf): void {
  const response = run(conn, tmf);
  conn.send(makePdu('TaskManagementResponse', {
    final: true, response, itt: tmf.itt, statSN: 0, expCmdSN: 0, maxCmdSN: 0, ahs: [], data: Buffer.alloc(0),
  }), true);
  if (tmf.function === 7 && response === TmfResult.complete) {
    queueMicrotask(() => { for (const s of [...conn.ctx.sessions.values()]) s.end('TARGET COLD RESET'); });
  }
}

function run(conn: Connection, tmf: Tmf): number {
  const { ctx } = conn;
  const session = conn.session!;
  const fn = tmf.function;
  const lunKnown = ctx.device.luns().includes(tmf.lun) || !ctx.faults.apply('tmfChecksLun', true);
  switch (fn) {
    case 1: return abortTask(conn, tmf, lunKnown);
    case 2: case 4: case 5: {
      if (!lunKnown) return TmfResult.noLun;
      const sessions = fn === 2 ? [session] : [...ctx.sessions.values()];
      for (const s of sessions) for (const t of [...s.tasks.values()]) if (t.cmd.lun === tmf.lun) s.abortTask(t.itt);
      ctx.device.reset(RESET_KIND[fn]!, session.nexus, tmf.lun);
      return TmfResult.complete;
    }
    case 6: case 7:
      for (const s of ctx.sessions.values()) for (const t of [...s.tasks.values()]) s.abortTask(t.itt);
      ctx.device.reset(RESET_KIND[fn]!, session.nexus);
      return TmfResult.complete;
    case 8: return TmfResult.reassignNotSupported; // TASK REASSIGN needs ErrorRecoveryLevel 2 (§7.2)
    case 3: case 9: case 10: case 11: case 12: return TmfResult.notSupported;
    default: return TmfResult.rejected;
  }
}

// §11.5.1 / §11.6.1: a task that still exists is aborted (no SCSI Response follows, TaskReporting=RFC3720). An unknown
// task whose RefCmdSN is before this TMF's CmdSN counts as done: Function Complete, and a RefCmdSN not yet received
// is consumed so that the command is ignored if it shows up. A RefCmdSN at or after the TMF names no task at all.
function abortTask(conn: Connection, tmf: Tmf, lunKnown: boolean): number {
  const session = conn.session!;
  const task = session.tasks.get(tmf.referencedTaskTag);
  if (task) {
    if (task.cmd.lun !== tmf.lun && !lunKnown) return TmfResult.noLun;
    session.abortTask(task.itt);
    return TmfResult.complete;
  }
  if (!lunKnown) return TmfResult.noLun;
  if (!snLt(tmf.refCmdSN, tmf.cmdSN) && !tmf.immediate) return TmfResult.noTask;
  const w = session.window;
  if (snInWindow(tmf.refCmdSN, w.expCmdSN, w.maxCmdSN)) w.consume(tmf.refCmdSN);
  return TmfResult.complete;
}
