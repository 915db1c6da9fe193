// Helpers for the TMF, logout and recovery suites: live tasks held at an R2T, TMF sends and answers, liveness, ERL.
import type { CaseApi } from '../harness/runner/case-api.js';
import { samLun, type Conn } from '../harness/runner/conn.js';
import { describeEvent, pdu, type CaseEvent, type Matcher } from '../harness/runner/outcomes.js';
import { reportLunsCdb, rw10Cdb } from '../harness/initiator/cdbs.js';
import type { PduNamed } from '../harness/pdu/registry.js';
import { NO_TAG, TmfResponse } from '../harness/pdu/types/codes.js';
import { scsi } from './support.js';

/** TMF function codes (RFC 7143 §11.5.1, RFC 7144 §6.3). */
export const Fn = { ABORT_TASK: 1, ABORT_TASK_SET: 2, CLEAR_ACA: 3, CLEAR_TASK_SET: 4, LU_RESET: 5, WARM_RESET: 6, COLD_RESET: 7, TASK_REASSIGN: 8, I_T_NEXUS_RESET: 11 } as const;
/** TMF response codes (§11.6.1). */
export const Tmf = { COMPLETE: 0, NO_TASK: 1, NO_LUN: 2, STILL_ALLEGIANT: 3, REASSIGN_UNSUPPORTED: 4, NOT_SUPPORTED: 5, AUTH_FAILED: 6, REJECTED: 255 } as const;

/** A task the target holds open: a WRITE whose Data-Out we keep back after its R2T. */
export interface HeldTask { itt: number; cmdSN: number; r2t: PduNamed<'R2t'>; lun: number }

/**
 * Sends a one-block WRITE(10) with F=1 and no data, and waits for the R2T that asks for it: the task now exists
 * at the target and cannot end until we answer (RFC 7143 §11.8). A first UNIT ATTENTION is cleared beforehand.
 */
export async function holdWrite(t: CaseApi, c: Conn, o: { lun?: number; lba?: number } = {}): Promise<HeldTask> {
  const lun = o.lun ?? t.target.lun;
  await scsi(t, c, Buffer.from([0, 0, 0, 0, 0, 0]), { lun }); // TEST UNIT READY: consumes a pending UNIT ATTENTION
  const cmd = c.send('ScsiCommand', {
    final: true, write: true, read: false, attr: 1, lun: samLun(lun), expectedDataTransferLength: 512,
    cdb: rw10Cdb('write', o.lba ?? 0, 1),
  });
  for (;;) {
    const e = await c.receive();
    if (e.kind === 'pdu' && e.pdu.type === 'R2t' && e.pdu.itt === cmd.itt) return { itt: cmd.itt, cmdSN: cmd.cmdSN, r2t: e.pdu, lun };
    if (e.kind === 'pdu' && e.pdu.type === 'NopIn') continue;
    t.skip(`a one-block WRITE(10) without data did not leave a task waiting at an R2T (got ${describeEvent(e)}), so there is no live task to manage`);
  }
}

/** Answers a held task's R2T with its one block (F=1), so the target may finish or account for it. */
export function releaseWrite(c: Conn, h: HeldTask): void {
  c.send('DataOut', { final: true, itt: h.itt, ttt: h.r2t.ttt, lun: samLun(h.lun), dataSN: 0, bufferOffset: h.r2t.bufferOffset, data: Buffer.alloc(h.r2t.desiredDataTransferLength) });
}

/** Sends a TMF request, immediate unless told; the Referenced Task Tag defaults to the reserved 0xffffffff (§11.5.4). */
export function sendTmf(c: Conn, fn: number, f: Partial<Omit<PduNamed<'TaskManagementRequest'>, 'type'>> = {}): PduNamed<'TaskManagementRequest'> {
  return c.send('TaskManagementRequest', { immediate: true, final: true, function: fn, referencedTaskTag: NO_TAG, refCmdSN: 0, expDataSN: 0, ...f });
}

const tmfName = (r: number): string => `${r} (${(TmfResponse as Record<number, string>)[r] ?? 'unassigned'})`;

/** A TMF Response to this request with one of these response codes. */
export function tmfResponse(req: { itt: number }, codes: readonly number[]): Matcher {
  return pdu('TaskManagementResponse', p => p.itt === req.itt && codes.includes(p.response),
    `Task Management Function Response with ITT 0x${req.itt.toString(16)} and response ${codes.map(tmfName).join(' or ')}`);
}

/**
 * Reads up to the TMF Response for `tmfItt`. Before it, what belongs to the covered tasks (their SCSI Response,
 * R2T, Data-In, a Reject of our Data-Out) may still arrive (§11.5.1 lets responses precede the TMF response).
 */
export async function untilTmfResponse(t: CaseApi, c: Conn, tmfItt: number, tasks: readonly number[] = []): Promise<CaseEvent> {
  for (;;) {
    const e = await c.receive();
    if (e.kind === 'pdu' && e.pdu.type === 'TaskManagementResponse' && e.pdu.itt === tmfItt) return e;
    if (e.kind === 'pdu' && (e.pdu.type === 'NopIn' || e.pdu.type === 'Reject' || e.pdu.type === 'AsyncMessage')) continue;
    if (e.kind === 'pdu' && 'itt' in e.pdu && tasks.includes(e.pdu.itt)) { t.note(`before the TMF response: ${describeEvent(e)}`); continue; }
    return e; // closed, silence or something unrelated: the caller's t.expect judges it
  }
}

/**
 * Proves that nothing more arrives for the covered tasks after the TMF response (§11.5.1: "no responses for the
 * tasks covered ... after the task management response"): a NOP-Out ping must be answered, and no PDU for `tasks`
 * may come before its NOP-In.
 */
export async function noLateResponse(t: CaseApi, c: Conn, tasks: readonly number[], ref = 'rfc7143/11.5.1'): Promise<void> {
  const ping = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG, data: Buffer.alloc(0) });
  for (;;) {
    const e = await c.receive();
    if (e.kind === 'pdu' && e.pdu.type === 'NopIn' && e.pdu.itt === ping.itt) return;
    if (e.kind === 'pdu' && e.pdu.type === 'Reject') { t.note(`after the TMF response: ${describeEvent(e)}`); continue; }
    if (e.kind === 'pdu' && 'itt' in e.pdu && tasks.includes(e.pdu.itt)) t.fail('no PDU for a task covered by the TMF after the TMF response', describeEvent(e), ref);
    if (e.kind === 'pdu' && e.pdu.type === 'NopIn') continue;
    t.fail(`a NOP-In answering the ping (ITT 0x${ping.itt.toString(16)}) after the TMF response`, describeEvent(e), ref);
  }
}

/** The connection still serves: a NOP-Out ping is answered by a NOP-In with its ITT (§11.18, §11.19). */
export async function alive(t: CaseApi, c: Conn, why: string, ref?: string): Promise<void> {
  const ping = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG, data: Buffer.alloc(0) });
  for (;;) {
    const e = await c.receive();
    if (e.kind === 'pdu' && e.pdu.type === 'NopIn' && e.pdu.itt === ping.itt) return;
    if (e.kind === 'pdu' && (e.pdu.type === 'NopIn' || e.pdu.type === 'AsyncMessage')) continue;
    t.fail(`the connection keeps serving ${why}: a NOP-In answers a NOP-Out ping`, describeEvent(e), ref);
  }
}

/**
 * Logs in offering ErrorRecoveryLevel=level and skips unless the target accepts it (§13.20: the lower value wins,
 * §7.1.5: recovery beyond the negotiated level may fail).
 */
export async function loginErl(t: CaseApi, level: number): Promise<Conn> {
  const c = await t.connect();
  const r = await t.tryLogin(c, { keys: { ErrorRecoveryLevel: String(level) } });
  if (!r.ok) t.fail('login offering ErrorRecoveryLevel reaches Full Feature Phase', `${describeEvent(r.event)}${r.problem ? ` (${r.problem})` : ''}`, 'rfc7143/13.20');
  const got = Number(r.keys.ErrorRecoveryLevel ?? '0');
  if (!(got >= level)) t.skip(`target does not offer ErrorRecoveryLevel >= ${level} (answered ${r.keys.ErrorRecoveryLevel ?? 'nothing'})`);
  return c;
}

/** LUN numbers from REPORT LUNS (peripheral and flat addressing, SAM-5 §4.7). */
export async function reportedLuns(t: CaseApi, c: Conn): Promise<number[]> {
  const e = await scsi(t, c, reportLunsCdb(4096), { read: 4096, lun: t.target.lun });
  if (e.kind !== 'scsi' || e.status !== 0 || e.data.length < 8) t.fail('REPORT LUNS returns GOOD with a LUN list', describeEvent(e), 'spc4/report-luns');
  const d = (e as { data: Buffer }).data;
  const n = Math.min(d.readUInt32BE(0), d.length - 8) >> 3;
  return Array.from({ length: n }, (_, i) => { const b0 = d[8 + i * 8]!, b1 = d[9 + i * 8]!; return b0 >> 6 === 1 ? ((b0 & 0x3f) << 8) | b1 : b1; });
}

/** A LUN number the target does not report (the smallest free one from 1 up). */
export function absentLun(luns: readonly number[]): number {
  let n = 1;
  while (luns.includes(n)) n++;
  return n;
}

/** TEST UNIT READY CDB. */
export const TUR = Buffer.alloc(6);
