// SPC-4 PERSISTENT RESERVE OUT: REGISTER, RESERVE, RELEASE, CLEAR, PREEMPT, PREEMPT AND ABORT and
// REGISTER AND IGNORE EXISTING KEY, with PRgeneration and the unit attentions SPC-4 asks for.
// (SCSI-NOTES PERSISTENT RESERVE OUT; REGISTER AND MOVE is not supported)
import { PersistentReserveOut } from '../../../harness/scsi/commands/spc-reservation.js';
import { dataOut, defineHandler, type Ctx } from '../handler.js';
import type { LogicalUnit } from '../logical-unit.js';
import { allRegistrants, validPrType } from '../pr-state.js';
import { check, conflict, good, invalidCdbField, invalidParamField, paramListLengthError, SenseKey, type Reply } from '../reply.js';

interface Params { key: bigint; sark: bigint; flags: number }
interface Op { sa: number; scope: number; type: number; p: Params; nexus: string; lu: LogicalUnit }

const RESERVATIONS_PREEMPTED = 0x03, RESERVATIONS_RELEASED = 0x04;
const PREEMPT_AND_ABORT = 5;
const ua = (lu: LogicalUnit, nexuses: Iterable<string>, ascq: number) => { for (const n of nexuses) lu.ua.queue(n, 0x2a, ascq); };

function register(o: Op, ignoreKey: boolean): Reply {
  const { lu, nexus, p } = o;
  const current = lu.pr.registrations.get(nexus);
  if (!ignoreKey && p.key !== (current ?? 0n)) return conflict();
  if (p.sark === 0n) {
    if (current === undefined) return good(); // nothing registered, nothing to remove
    ua(lu, lu.pr.unregister(nexus), RESERVATIONS_RELEASED);
  } else {
    lu.pr.registrations.set(nexus, p.sark);
  }
  lu.pr.generation++;
  return good();
}

function reserve(o: Op): Reply {
  const r = o.lu.pr.reservation;
  if (!r) { o.lu.pr.reservation = { holder: o.nexus, type: o.type, scope: o.scope }; return good(); }
  // Holding it already with the same type and scope is GOOD; anything else conflicts (SPC-4).
  return o.lu.pr.isHolder(o.nexus) && r.type === o.type && r.scope === o.scope ? good() : conflict();
}

function release(o: Op): Reply {
  const { lu, nexus } = o;
  const r = lu.pr.reservation;
  if (!r || !lu.pr.isHolder(nexus)) return good();
  if (r.type !== o.type || r.scope !== o.scope) return check(SenseKey.ILLEGAL_REQUEST, 0x26, 0x04); // INVALID RELEASE OF PERSISTENT RESERVATION
  lu.pr.reservation = undefined;
  // Others lose access they had through the reservation only for registrants-only / all-registrants types.
  if (r.type >= 5) ua(lu, lu.pr.otherRegistrants(nexus), RESERVATIONS_RELEASED);
  return good();
}

function clear(o: Op): Reply {
  ua(o.lu, o.lu.pr.otherRegistrants(o.nexus), RESERVATIONS_PREEMPTED);
  o.lu.pr.clear();
  o.lu.pr.generation++;
  return good();
}

/** PREEMPT, and PREEMPT AND ABORT, whose task abortion the iSCSI layer does from the reply's abortNexuses. */
function preempt(o: Op): Reply {
  const { lu, nexus, p } = o;
  const r = lu.pr.reservation;
  const victims = (key: bigint | undefined) => [...lu.pr.registrations].filter(([n, k]) => n !== nexus && (key === undefined || k === key)).map(([n]) => n);
  let removed: string[];
  if (r && allRegistrants(r.type) && p.sark === 0n) {
    removed = victims(undefined);
    lu.pr.reservation = { holder: nexus, type: o.type, scope: o.scope };
  } else if (r && !allRegistrants(r.type) && lu.pr.registrations.get(r.holder) === p.sark) {
    removed = victims(p.sark);
    const changed = r.type !== o.type || r.scope !== o.scope;
    lu.pr.reservation = { holder: nexus, type: o.type, scope: o.scope };
    for (const n of removed) lu.pr.registrations.delete(n);
    if (changed) ua(lu, lu.pr.otherRegistrants(nexus), RESERVATIONS_RELEASED);
  } else {
    if (p.sark === 0n) return invalidParamField(8);
    removed = victims(p.sark);
    if (removed.length === 0) return conflict();
  }
  for (const n of removed) lu.pr.registrations.delete(n);
  ua(lu, removed, RESERVATIONS_PREEMPTED);
  lu.pr.generation++;
  // SPC-4 "Preempting and aborting": the tasks of every preempted I_T nexus on this LU are aborted (TAS=0: no status).
  return o.sa === PREEMPT_AND_ABORT && removed.length ? { kind: 'good', abortNexuses: removed } : good();
}

/** Parses the basic 24-byte parameter list; SPEC_I_PT, ALL_TG_PT and APTPL are not supported (capabilities say so). */
function params(ctx: Ctx<{ parameterListLength: number }>): Params | Reply {
  const len = ctx.v.parameterListLength;
  const d = dataOut(ctx.req, len);
  if (len !== 24 || d.length < 24) return paramListLengthError();
  const flags = d[20];
  if (flags & 0x08) return invalidParamField(20, 3);
  if (flags & 0x04) return invalidParamField(20, 2);
  if (flags & 0x01) return invalidParamField(20, 0);
  return { key: d.readBigUInt64BE(0), sark: d.readBigUInt64BE(8), flags };
}

type V = { serviceAction: number; scope: number; type: number; parameterListLength: number };

async function run(ctx: Ctx<V>): Promise<Reply> {
  const { v, lu, nexus } = ctx;
  if (v.serviceAction > 6) return invalidCdbField(1, 4); // REGISTER AND MOVE and undefined SAs
  const p = params(ctx);
  if ('kind' in p) return p;
  const o: Op = { sa: v.serviceAction, scope: v.scope, type: v.type, p, nexus, lu };
  if (v.serviceAction === 0) return register(o, false);
  if (v.serviceAction === 6) return register(o, true);
  // Every other action needs a registration with the matching key.
  if (lu.pr.registrations.get(nexus) !== p.key) return conflict();
  if (v.serviceAction === 3) return clear(o);
  if (v.scope !== 0) return invalidCdbField(2, 7);     // LU_SCOPE only
  if (!validPrType(v.type)) return invalidCdbField(2, 3);
  return [reserve, release, undefined, preempt, preempt][v.serviceAction - 1]!(o);
}

/** PERSISTENT RESERVE OUT: reservations are checked by the service action itself, never by the access table. */
export const handlers = [
  defineHandler<V>({ cdb: PersistentReserveOut, access: () => 'none', serviceActions: [0, 1, 2, 3, 4, 5, 6], run }),
];
