// PERSISTENT RESERVE IN/OUT plumbing for the PR sections: CDBs and parameter lists from the declarations,
// decoded READ KEYS / READ RESERVATION, support detection (skip), and a clean slate before and after a case.
import type { CaseApi } from '../../harness/runner/case-api.js';
import type { Conn } from '../../harness/runner/conn.js';
import { pass, scsiStatus, type CaseEvent } from '../../harness/runner/outcomes.js';
import { PersistentReserveIn, PersistentReserveOut } from '../../harness/scsi/commands/spc-reservation.js';
import { PrOutParameterList, ReadKeysData, ReadReservationData, ReportCapabilitiesData } from '../../harness/scsi/data/pr.js';
import { Read10, Write10 } from '../../harness/scsi/commands/sbc-rw.js';
import { TestUnitReady } from '../../harness/scsi/commands/spc.js';
import { cmd, good, hex, isSense, login2, unsupported } from '../support-spc.js';

/** PR OUT service actions and reservation types (SPC-4). */
export const SA = { REGISTER: 0, RESERVE: 1, RELEASE: 2, CLEAR: 3, PREEMPT: 4, PREEMPT_AND_ABORT: 5, REGISTER_IGNORE: 6 } as const;
export const TYPE = { WE: 1, EA: 3, WE_RO: 5, EA_RO: 6, WE_AR: 7, EA_AR: 8 } as const;
export const TYPE_NAME: Record<number, string> = { 1: 'Write Exclusive', 3: 'Exclusive Access', 5: 'Write Exclusive - Registrants Only', 6: 'Exclusive Access - Registrants Only', 7: 'Write Exclusive - All Registrants', 8: 'Exclusive Access - All Registrants' };
/** PERSISTENT RESERVATION TYPE MASK bit of each type (REPORT CAPABILITIES bytes 4..5). */
const MASK: Record<number, number> = { 1: 0x0200, 3: 0x0800, 5: 0x2000, 6: 0x4000, 7: 0x8000, 8: 0x0001 };
export const allRegistrants = (type: number): boolean => type === TYPE.WE_AR || type === TYPE.EA_AR;

/** PERSISTENT RESERVE IN of a service action. */
export const prIn = (t: CaseApi, c: Conn, sa: number, alloc = 1024): Promise<CaseEvent> =>
  cmd(t, c, PersistentReserveIn.encode({ serviceAction: sa, allocationLength: alloc }), { read: alloc });

/** PERSISTENT RESERVE OUT with the basic 24-byte parameter list (or a list `len` long). */
export function prOut(t: CaseApi, c: Conn, sa: number, o: { key?: bigint; sark?: bigint; type?: number; scope?: number; len?: number } = {}): Promise<CaseEvent> {
  const list = PrOutParameterList.encode({ reservationKey: o.key ?? 0n, serviceActionReservationKey: o.sark ?? 0n });
  const data = o.len === undefined ? list : Buffer.concat([list, Buffer.alloc(Math.max(0, o.len - 24))]).subarray(0, o.len);
  return cmd(t, c, PersistentReserveOut.encode({ serviceAction: sa, scope: o.scope ?? 0, type: o.type ?? 0, parameterListLength: data.length }), { write: data });
}

/** READ KEYS: PRgeneration and the registered keys. */
export async function readKeys(t: CaseApi, c: Conn): Promise<{ gen: number; keys: bigint[] }> {
  const d = await good(t, c, PersistentReserveIn.encode({ serviceAction: 0, allocationLength: 1024 }), 'PERSISTENT RESERVE IN READ KEYS', { read: 1024 });
  const v = ReadKeysData.decode(d).value;
  return { gen: v.prGeneration, keys: v.items.map(i => i.key) };
}

/** READ RESERVATION: undefined when nothing is held. */
export async function readReservation(t: CaseApi, c: Conn): Promise<{ gen: number; key: bigint; type: number; scope: number } | undefined> {
  const d = await good(t, c, PersistentReserveIn.encode({ serviceAction: 1, allocationLength: 1024 }), 'PERSISTENT RESERVE IN READ RESERVATION', { read: 1024 });
  const v = ReadReservationData.decode(d).value;
  return v.additionalLength === 0 ? undefined : { gen: v.prGeneration, key: v.reservationKey, type: v.type, scope: v.scope };
}

/** REPORT CAPABILITIES, or skip when persistent reservations are not offered at all. */
export async function prCaps(t: CaseApi, c: Conn): Promise<{ typeMask: number | undefined }> {
  const e = await prIn(t, c, 2, 8);
  if (unsupported(e)) t.skip('PERSISTENT RESERVE IN is not supported (INVALID COMMAND OPERATION CODE)');
  if (e.kind === 'scsi' && e.status === 0 && e.data.length >= 6) {
    const v = ReportCapabilitiesData.decode(e.data).value;
    return { typeMask: v.tmv ? v.typeMask : undefined };
  }
  return { typeMask: undefined };
}

/** Skips a case for a reservation type REPORT CAPABILITIES does not offer. */
export async function needType(t: CaseApi, c: Conn, type: number): Promise<void> {
  const { typeMask } = await prCaps(t, c);
  if (typeMask !== undefined && (typeMask & MASK[type]!) === 0) t.skip(`type ${type} (${TYPE_NAME[type]}) is not in the PERSISTENT RESERVATION TYPE MASK`);
}

/** Drops every registration and reservation: REGISTER AND IGNORE EXISTING KEY, then CLEAR. */
export async function clearAll(t: CaseApi, c: Conn, key: bigint): Promise<void> {
  // A pending unit attention (say RESERVATIONS PREEMPTED) is answered first by a command without data.
  await cmd(t, c, TestUnitReady.encode({}));
  const r = await prOut(t, c, SA.REGISTER_IGNORE, { sark: key });
  if (unsupported(r)) t.skip('PERSISTENT RESERVE OUT is not supported (INVALID COMMAND OPERATION CODE)');
  const e = await prOut(t, c, SA.CLEAR, { key });
  if (e.kind !== 'scsi' || e.status !== 0) t.note(`CLEAR for a clean slate did not end GOOD (${e.kind === 'scsi' ? hex(e.status) : e.kind})`);
}

/**
 * Runs `body` between two clean slates (the second also after a failure), so a PR case never leaves
 * registrations or a reservation behind for later cases.
 */
export async function withCleanPr(t: CaseApi, c: Conn, body: () => Promise<void>): Promise<void> {
  await prCaps(t, c);
  await clearAll(t, c, KEY.cleanup);
  try { await body(); } finally { await clearAll(t, c, KEY.cleanup).catch(() => undefined); }
}

/** The outcome "status GOOD", shared by the reservation cases. */
export const GOOD = pass(scsiStatus(0));

/**
 * Logs in two nexuses, registers KEY.a for the first and KEY.b for the second (REGISTER AND IGNORE
 * EXISTING KEY), runs `body` and clears everything afterwards: the common start of two-initiator cases.
 */
export async function withTwoRegistrants(t: CaseApi, body: (c: Conn, d: Conn) => Promise<void>): Promise<void> {
  const c = await t.login();
  const d = await login2(t);
  await withCleanPr(t, c, async () => {
    await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { sark: KEY.a }), GOOD);
    await t.expect(prOut(t, d, SA.REGISTER_IGNORE, { sark: KEY.b }), GOOD);
    await body(c, d);
  });
}

/** Keys the cases register (any non-zero value; distinct so a mix-up shows). */
export const KEY = { a: 0x1111_2222_3333_4444n, b: 0x5555_6666_7777_8888n, c: 0x0abc_def0_1234_5678n, cleanup: 0x0c1e_a0c1_e0a0_c1ean } as const;

/** True for RESERVATION CONFLICT status. */
export const conflict = (e: CaseEvent): boolean => e.kind === 'scsi' && e.status === 0x18;
/** True for a CHECK CONDITION with this key/ASC. */
export { isSense };

/** READ(10) of one block at LBA 0 from `c`: its event. */
export const readBlock = (t: CaseApi, c: Conn, blockSize: number): Promise<CaseEvent> => cmd(t, c, Read10.encode({ lba: 0, transferLength: 1 }), { read: blockSize });
/** WRITE(10) of one block at LBA 0 from `c` (the caller writes back what was there). */
export const writeBlock = (t: CaseApi, c: Conn, data: Buffer): Promise<CaseEvent> => cmd(t, c, Write10.encode({ lba: 0, transferLength: 1 }), { write: data });
