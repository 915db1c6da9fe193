// One command through the SPC-4 checks in order: LUN, unit attention, opcode, CDB fields,
// reservations, then the handler; the reply becomes a ScsiResult in the LU's sense format.
import type { CdbValue } from '../../harness/scsi/cdb.js';
import { lunToNumber } from '../../harness/scsi/lun.js';
import type { ScsiRequest, ScsiResult } from './device.js';
import { fieldPointer } from './field-pointer.js';
import type { Ctx, DeviceInfo, Handler } from './handler.js';
import type { LogicalUnit } from './logical-unit.js';
import { check, conflict, invalidCdbField, invalidOpcode, lunNotSupported, senseBytes, SenseKey, Status, type Reply } from './reply.js';
import { crashTrigger } from './faults.js';
import { lookupHandler } from './table.js';

/** Bytes of Data-Out the CDB asks for (0 for non-write commands and unknown ones). */
export function wantedDataOut(dev: DeviceInfo, req: Omit<ScsiRequest, 'dataOut'>): number {
  if (req.cdb.length === 0) return 0;
  const { handler } = lookupHandler(req.cdb);
  const n = lunToNumber(req.lun);
  const lu = n === undefined ? undefined : dev.luns.get(n);
  if (!handler || !lu || handler.cdb.direction !== 'write' || req.cdb.length < handler.cdb.size) return 0;
  return handler.cdb.transferLength(handler.cdb.decode(req.cdb), lu.blockSize);
}

/** The checks before the handler; a Reply when one of them answers the command. */
function gate(dev: DeviceInfo, req: ScsiRequest, lu: LogicalUnit | undefined, h: Handler | undefined, unknownSa: boolean): Reply | undefined {
  const nexus = req.nexus.key;
  if (!lu && !(h?.anyLun)) return lunNotSupported();
  // SPC-4: a pending unit attention answers any command but INQUIRY, REPORT LUNS and REQUEST SENSE.
  if (lu && !h?.uaExempt) {
    const ua = lu.ua.take(nexus);
    if (ua) return { kind: 'check', sense: ua };
  }
  if (!h) {
    if (unknownSa) return invalidCdbField(1, 4);
    return dev.faults.has('fault/sense-unknown-opcode-wrong') ? invalidCdbField(0) : invalidOpcode();
  }
  if (req.cdb.length < h.cdb.size) return invalidOpcode();
  return undefined;
}

/** INVALID FIELD IN CDB for the first field the declaration rejects, or NACA (no ACA support, SAM-5). */
function fieldCheck(h: Handler, v: CdbValue, raw: Buffer): Reply | undefined {
  const bad = h.cdb.validate(v)[0];
  if (bad) return check(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00, { field: fieldPointer(h.cdb, bad.field, raw) });
  if (v.naca === true) return invalidCdbField(h.cdb.size - 1, 2);
  return undefined;
}

/** RESERVATION CONFLICT from an SPC-2 reservation or the persistent reservation access rules. */
function reservationCheck(dev: DeviceInfo, lu: LogicalUnit, h: Handler, v: CdbValue, nexus: string): Reply | undefined {
  const r2 = lu.reserve2;
  if (r2 !== undefined && r2 !== nexus && !(h.reserve2Allowed?.(v) ?? false) && !dev.faults.has('fault/reserve-ignored')) return conflict();
  const access = h.access?.(v) ?? (h.cdb.destructive ? 'write' : 'read');
  return lu.pr.conflicts(nexus, access) ? conflict() : undefined;
}


/** SAM-5 TASK ABORTED: never sent here, since the iSCSI layer drops an aborted task's answer. */
const TASK_ABORTED = 0x40;
/** Runs one command; throws only for fault/crash-on-cdb-reserved-bit. */
export async function executeCommand(dev: DeviceInfo, req: ScsiRequest): Promise<ScsiResult> {
  const n = lunToNumber(req.lun);
  const lu = n === undefined ? undefined : dev.luns.get(n);
  const descriptor = lu?.modes.descriptorSense ?? false;
  // Aborted while queued behind other commands on the LU: a command the initiator no longer has must not run.
  if (req.task?.aborted) return { status: TASK_ABORTED };
  if (req.cdb.length === 0) return toResult(invalidOpcode(), descriptor);
  if (dev.faults.has('fault/crash-on-cdb-reserved-bit') && crashTrigger(req.cdb)) {
    throw new Error('fault/crash-on-cdb-reserved-bit: READ CAPACITY(10) byte 1 bit 5 set');
  }
  const { handler: h, unknownServiceAction } = lookupHandler(req.cdb);
  lu?.nexuses.add(req.nexus.key);
  const early = gate(dev, req, lu, h, unknownServiceAction);
  if (early || !h) return toResult(early ?? invalidOpcode(), descriptor);
  const v = h.cdb.decode(req.cdb);
  const blockSize = lu?.blockSize ?? 512;
  const transferLength = h.cdb.direction === 'none' ? 0 : h.cdb.transferLength(v, blockSize);
  const pre = fieldCheck(h, v, req.cdb) ?? (lu ? reservationCheck(dev, lu, h, v, req.nexus.key) : undefined);
  let reply: Reply;
  if (pre) {
    reply = pre;
  } else {
    const ctx: Ctx<CdbValue, LogicalUnit | undefined> = { req, v, nexus: req.nexus.key, lu, dev };
    try {
      reply = await (h.run as (c: typeof ctx) => Promise<Reply>)(ctx);
    } catch {
      // A backing store failure: the command fails, the target stays up (SPC-4 INTERNAL TARGET FAILURE).
      reply = check(SenseKey.HARDWARE_ERROR, 0x44, 0x00);
    }
  }
  const cut = h.cdb.direction === 'read' && !(h.cdb.opcode === 0x12 && dev.faults.has('fault/inquiry-alloc-overrun'));
  return toResult(reply, descriptor, transferLength, cut);
}

/** Reply to ScsiResult: sense in the LU's format, Data-In cut to the CDB's length. */
function toResult(r: Reply, descriptor: boolean, transferLength = 0, cut = true): ScsiResult {
  if (r.kind === 'conflict') return { status: Status.RESERVATION_CONFLICT, transferLength };
  if (r.kind === 'check') return { status: Status.CHECK_CONDITION, sense: senseBytes(r.sense, descriptor), transferLength };
  if (r.abortNexuses?.length) return { status: Status.GOOD, transferLength, abortNexuses: r.abortNexuses };
  if (!r.data) return { status: Status.GOOD, transferLength };
  const data = cut && r.data.length > transferLength ? r.data.subarray(0, transferLength) : r.data;
  return { status: Status.GOOD, dataIn: data, transferLength };
}
