// SCSI Command handler (RFC 7143 §11.3): task slot, immediate/unsolicited data rules, then R2Ts or execution.
import type { PduNamed } from '../../harness/pdu/registry.js';
import { EMPTY_BUFFER } from '../../harness/pdu/wire.js';
import type { Connection } from '../connection.js';
import { IscsiSense, sendStatus } from './iscsi-sense.js';
import { Reason, protocolError, reject } from './reject.js';
import { maybeExecute, place, sendR2ts } from './r2t.js';
import type { Task } from './task.js';

type ScsiCommand = PduNamed<'ScsiCommand'>;

const TASK_SET_FULL = 0x28;
const EXTENDED_CDB = 1;

/** Starts a task for a delivered SCSI Command (already in CmdSN order). */
export function handleScsiCommand(conn: Connection, cmd: ScsiCommand, bhs: Buffer): void {
  const session = conn.session!;
  const { device, config } = conn.ctx;
  if (session.tasks.has(cmd.itt)) return reject(conn, bhs, Reason.invalidPduField, `ITT 0x${cmd.itt.toString(16)} is already in use (§4.2.4)`);
  if (session.tasks.size >= config.limits.cmdWindow * 2) return taskSetFull(conn, cmd);
  const bad = checkData(conn, cmd);
  if (bad) return protocolError(conn, bhs, bad);
  const cdb = fullCdb(cmd);
  const edtl = cmd.expectedDataTransferLength;
  const base = { nexus: session.nexus, lun: cmd.lun, cdb, attr: cmd.attr, expectedDataTransferLength: edtl };
  const need = cmd.write ? Math.min(edtl, device.dataOutLength(base)) : 0;
  if (need > config.limits.maxBufferedBytes) return insufficientResources(conn, cmd);
  if (!conn.ctx.reserveBuffer(need)) return taskSetFull(conn, cmd);
  const unsolicitedOpen = !cmd.final && cmd.write;
  const task: Task = {
    itt: cmd.itt, conn, cmd, cdb, need, buffer: need ? Buffer.alloc(need) : EMPTY_BUFFER, reserved: need, received: 0,
    unsolicitedEnd: unsolicitedOpen ? Math.min(conn.params.firstBurstLength, edtl) : cmd.data.length,
    unsolicitedOpen, unsolicitedDataSN: 0, unsolicitedReceived: 0, r2ts: new Map(),
    nextR2tOffset: 0, sn: 0, dataInCount: 0, state: 'collecting', aborted: false,
  };
  task.nextR2tOffset = Math.min(task.unsolicitedEnd, need);
  place(task, 0, cmd.data);
  session.tasks.set(cmd.itt, task);
  sendR2ts(task);
  maybeExecute(task);
}

// §11.3, §13.10, §13.11, §13.14: immediate data only with W, only when ImmediateData=Yes, within FirstBurstLength
// and EDTL; F=0 (unsolicited Data-Out follows) only when InitialR2T=No.
function checkData(conn: Connection, cmd: ScsiCommand): string | undefined {
  const p = conn.params;
  const n = cmd.data.length;
  if (!cmd.read && !cmd.write && cmd.expectedDataTransferLength) return 'R and W both 0 with a non-zero Expected Data Transfer Length (§11.3.1)';
  if (n && !cmd.write) return 'immediate data in a command without the W bit (§11.3.1)';
  if (n && !p.immediateData) return 'immediate data although ImmediateData=No (§13.11)';
  if (n > p.firstBurstLength) return `immediate data of ${n} bytes exceeds FirstBurstLength ${p.firstBurstLength} (§13.14)`;
  if (n > cmd.expectedDataTransferLength) return `immediate data of ${n} bytes exceeds EDTL ${cmd.expectedDataTransferLength} (§11.3)`;
  if (!cmd.final && !cmd.write) return 'F=0 on a command without the W bit (§11.3.1)';
  if (!cmd.final && p.initialR2T) return 'F=0 (unsolicited Data-Out to follow) although InitialR2T=Yes (§13.10)';
  if (!cmd.final && n >= Math.min(p.firstBurstLength, cmd.expectedDataTransferLength))
    return 'F=0 but the immediate data already fills the unsolicited burst (§11.3.1)';
  return undefined;
}

/** The CDB: 16 bytes from the BHS plus an Extended CDB AHS when present (§11.3.5, §11.2.2.3). */
function fullCdb(cmd: ScsiCommand): Buffer {
  const ext = cmd.ahs.find(a => 'ahsType' in a && a.ahsType === EXTENDED_CDB);
  return ext && 'data' in ext ? Buffer.concat([cmd.cdb, ext.data]) : cmd.cdb;
}

function taskSetFull(conn: Connection, cmd: ScsiCommand): void {
  sendStatus(conn, cmd, TASK_SET_FULL);
}

// A transfer larger than we are willing to buffer.
function insufficientResources(conn: Connection, cmd: ScsiCommand): void {
  sendStatus(conn, cmd, 0x02, IscsiSense.insufficientResources());
}
