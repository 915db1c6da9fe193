// What one command family declares to the dispatcher: the harness/scsi CDB declaration it serves,
// how it meets unit attentions and reservations, and the function that runs it.
import type { Cdb, CdbValue } from '../../harness/scsi/cdb.js';
import type { LogicalUnit } from './logical-unit.js';
import type { Access } from './pr-state.js';
import type { Reply } from './reply.js';
import type { ScsiRequest } from './device.js';

/** Identity strings and the LU inventory, as INQUIRY and REPORT LUNS need them. */
export interface DeviceInfo {
  vendor: string;
  product: string;
  revision: string;
  serial: string;
  targetName: string;
  /** Exported LUs by number. */
  luns: ReadonlyMap<number, LogicalUnit>;
  /** Fault ids switched on (see faults.ts). */
  faults: ReadonlySet<string>;
}

/** What a handler sees. `lu` is absent only for handlers that run on a LUN that does not exist. */
export interface Ctx<V, L extends LogicalUnit | undefined = LogicalUnit> {
  req: ScsiRequest;
  /** The decoded CDB. */
  v: V;
  /** The I_T nexus key. */
  nexus: string;
  lu: L;
  dev: DeviceInfo;
}

interface HandlerBase<V> {
  /** The harness/scsi declaration served; families sharing one function pass the plain Cdb with an explicit V. */
  cdb: Cdb<V & CdbValue> | Cdb;
  /** Service actions served by an opcode-wide declaration (PERSISTENT RESERVE IN/OUT), for REPORT SUPPORTED OPERATION CODES. */
  serviceActions?: readonly number[];
  /** Runs despite a pending unit attention (SPC-4: INQUIRY, REPORT LUNS, REQUEST SENSE). */
  uaExempt?: boolean;
  /** Medium access for the persistent reservation table; default 'write' for destructive commands, else 'read'. */
  access?(v: V): Access;
  /** Allowed through another nexus's RESERVE(6/10) (SPC-2 reservation table). */
  reserve2Allowed?(v: V): boolean;
}

/** A command that needs an existing LU. */
export interface LuHandler<V> extends HandlerBase<V> {
  anyLun?: false;
  run(ctx: Ctx<V>): Promise<Reply>;
}

/** A command that also answers for a LUN that does not exist (INQUIRY, REPORT LUNS, REQUEST SENSE). */
export interface AnyLunHandler<V> extends HandlerBase<V> {
  anyLun: true;
  run(ctx: Ctx<V, LogicalUnit | undefined>): Promise<Reply>;
}

/** Either kind of handler. */
export type Handler<V = CdbValue> = LuHandler<V> | AnyLunHandler<V>;

/** Identity function that keeps a handler's CDB value type (one call per command in each family file). */
export function defineHandler<V>(h: Handler<V>): Handler<CdbValue> {
  return h as unknown as Handler<CdbValue>;
}

/** The Data-Out a write command may use: what arrived, cut to what the CDB asks for. */
export function dataOut(req: ScsiRequest, wanted: number): Buffer {
  return req.dataOut.subarray(0, Math.min(wanted, req.dataOut.length));
}
