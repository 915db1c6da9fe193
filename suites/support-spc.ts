// Helpers for the SPC suites: exclusive state-changing cases, commands that drain unit attentions,
// and the small SCSI exchanges cases share.
import type { CaseDef } from '../harness/runner/case.js';
import type { CaseApi } from '../harness/runner/case-api.js';
import type { Conn } from '../harness/runner/conn.js';
import { describeEvent, type CaseEvent, type ScsiEvent } from '../harness/runner/outcomes.js';
import { Inquiry, ReportLuns, TestUnitReady } from '../harness/scsi/commands/spc.js';
import { SenseKey } from './support.js';

/**
 * Cases that change LU-wide state (reservations, mode pages, registrations): the runner runs them
 * with no other case in flight, so parallel cases never meet a reservation or a stray unit attention.
 */
export const exclusive = (cases: readonly CaseDef[]): CaseDef[] => cases.map(c => ({ ...c, exclusive: true }));

/** Runs a command, answering up to three unit attentions first (a fresh nexus may hold several). */
export async function cmd(t: CaseApi, c: Conn, cdb: Buffer, o: { read?: number; write?: Buffer; lun?: number } = {}): Promise<CaseEvent> {
  for (let i = 0; ; i++) {
    const e = await c.scsi(cdb, o);
    if (i < 3 && e.kind === 'scsi' && e.status === 0x02 && e.sense?.key === SenseKey.UNIT_ATTENTION) {
      t.note(`UNIT ATTENTION ${e.sense.asc.toString(16)}/${e.sense.ascq.toString(16)} before the command; sent again`);
      continue;
    }
    return e;
  }
}

/** A command that must end GOOD for the case to go on (a set-up step): its Data-In. */
export async function good(t: CaseApi, c: Conn, cdb: Buffer, what: string, o: { read?: number; write?: Buffer; lun?: number } = {}): Promise<Buffer> {
  const e = await cmd(t, c, cdb, o);
  if (e.kind !== 'scsi' || e.status !== 0) t.fail(`${what} returns GOOD`, describeEvent(e));
  return (e as ScsiEvent).data;
}

/** True when the event is CHECK CONDITION with this key and ASC/ASCQ. */
export const isSense = (e: CaseEvent, key: number, asc: number, ascq = 0): boolean =>
  e.kind === 'scsi' && e.status === 0x02 && e.sense?.key === key && e.sense.asc === asc && e.sense.ascq === ascq;

/** True when the target refused the command as unknown (INVALID COMMAND OPERATION CODE). */
export const unsupported = (e: CaseEvent): boolean => isSense(e, SenseKey.ILLEGAL_REQUEST, 0x20);

/**
 * Logs in the second initiator (its own I_T nexus; requires: ['second-initiator']) and answers its first
 * unit attention with TEST UNIT READY, so that no case's first real command on it meets one.
 */
export async function login2(t: CaseApi): Promise<Conn> {
  if (!t.target.initiatorName2) t.skip('no second initiator name');
  const c = await t.login({ initiatorName: t.target.initiatorName2 });
  await cmd(t, c, TestUnitReady.encode({}));
  return c;
}

/** Standard INQUIRY data (255 bytes asked). */
export const standardInquiry = (t: CaseApi, c: Conn): Promise<Buffer> =>
  good(t, c, Inquiry.encode({ allocationLength: 255 }), 'standard INQUIRY', { read: 255 });

/** The page codes VPD page 0x00 lists. */
export async function vpdPages(t: CaseApi, c: Conn): Promise<number[]> {
  const d = await good(t, c, Inquiry.encode({ evpd: true, pageCode: 0, allocationLength: 255 }), 'INQUIRY VPD page 0x00', { read: 255 });
  return [...d.subarray(4, 4 + (d.length >= 4 ? d.readUInt16BE(2) : 0))];
}

/** A VPD page the LU lists, or skip. */
export async function vpdPage(t: CaseApi, c: Conn, code: number, alloc = 1024): Promise<Buffer> {
  if (!(await vpdPages(t, c)).includes(code)) t.skip(`the LU does not list VPD page 0x${code.toString(16)}`);
  return good(t, c, Inquiry.encode({ evpd: true, pageCode: code, allocationLength: alloc }), `INQUIRY VPD page 0x${code.toString(16)}`, { read: alloc });
}

/** LUN numbers REPORT LUNS lists (peripheral and flat addressing). */
export async function listedLuns(t: CaseApi, c: Conn): Promise<Set<number>> {
  const d = await good(t, c, ReportLuns.encode({ selectReport: 0, allocationLength: 4096 }), 'REPORT LUNS', { read: 4096 });
  const out = new Set<number>();
  for (let o = 8; o + 8 <= d.length; o += 8) out.add(d.readUInt16BE(o) & 0x3fff);
  return out;
}

/** A LUN number REPORT LUNS does not list (the target has no LU there). */
export async function absentLun(t: CaseApi, c: Conn): Promise<number> {
  const listed = await listedLuns(t, c);
  return [200, 201, 202, 255, 77].find(n => !listed.has(n)) ?? t.skip('every candidate LUN exists');
}

/** Hex for notes and messages. */
export const hex = (n: number, w = 2): string => `0x${n.toString(16).padStart(w, '0')}`;
