// Dispatch (STYLE.md "Reference target"): the phase check first, then CmdSN ordering, then opcode -> handler.
import type { FramedPdu } from '../harness/pdu/framer.js';
import type { Pdu, PduNamed } from '../harness/pdu/registry.js';
import type { Connection } from './connection.js';
import { handleDataOut } from './ffp/data-out.js';
import { handleLogout } from './ffp/logout.js';
import { handleNopOut } from './ffp/nop-out.js';
import { Reason, reject } from './ffp/reject.js';
import { handleScsiCommand } from './ffp/scsi-command.js';
import { handleTextRequest } from './ffp/text-request.js';
import { handleTmf } from './ffp/tmf.js';
import { handleLoginRequest } from './login/login-request.js';
import { failLogin } from './login/respond.js';
import { fail, Status } from './login/status.js';

/** One Full Feature Phase handler: whether it is a command in CmdSN order, whether Discovery allows it. */
interface FfpEntry {
  ordered: boolean;
  discovery: boolean;
  run(conn: Connection, pdu: never, bhs: Buffer): void;
}

const FFP: Partial<Record<Pdu['type'], FfpEntry>> = {
  NopOut: { ordered: true, discovery: true, run: handleNopOut },
  ScsiCommand: { ordered: true, discovery: false, run: handleScsiCommand },
  TaskManagementRequest: { ordered: true, discovery: false, run: handleTmf },
  TextRequest: { ordered: true, discovery: true, run: handleTextRequest },
  LogoutRequest: { ordered: true, discovery: true, run: handleLogout },
  DataOut: { ordered: false, discovery: false, run: handleDataOut },
};

/** Routes one received PDU by connection phase and opcode. */
export function dispatch(conn: Connection, pdu: Pdu, framed: FramedPdu): void {
  const bhs = framed.bhs;
  if (conn.phase === 'login') return loginPhase(conn, pdu, bhs);
  if (conn.phase !== 'ffp' || !conn.session) return;
  if ('expStatSN' in pdu) conn.expStatSN = pdu.expStatSN;
  const { faults } = conn.ctx;
  if (pdu.type === 'Raw') {
    const reason = faults.apply('unknownOpcodeReason', Reason.commandNotSupported, pdu.opcode);
    if (reason !== null) reject(conn, bhs, reason, `opcode 0x${pdu.opcode.toString(16)} is not supported (§11.2.1.2)`);
    return;
  }
  if (pdu.type === 'SnackRequest') return reject(conn, bhs, Reason.protocolError, 'SNACK at ErrorRecoveryLevel 0 (§7.1.5)');
  const entry = FFP[pdu.type];
  if (!entry) return reject(conn, bhs, Reason.protocolError, `${pdu.type} is not something an initiator sends in Full Feature Phase`);
  if (conn.session.type === 'Discovery' && !entry.discovery && faults.apply('discoveryRejectsScsi', true))
    return reject(conn, bhs, Reason.protocolError, `${pdu.type} in a Discovery session (§4.3)`);
  if (!entry.ordered) return entry.run(conn, pdu as never, bhs);
  const cmd = pdu as PduNamed<'ScsiCommand'>;
  const immediate = cmd.immediate || (pdu.type === 'NopOut' && pdu.itt === 0xffffffff);
  const outcome = conn.session.window.submit(cmd.cmdSN, immediate, () => {
    if (conn.phase === 'ffp') entry.run(conn, pdu as never, bhs);
  });
  if (outcome === 'dropped') conn.ctx.log.warn(`c${conn.id} dropped ${pdu.type} CmdSN ${cmd.cmdSN} outside [${conn.session.window.expCmdSN}, ${conn.session.window.maxCmdSN}] (§4.2.2.1)`);
}

// §11.12, §8.1: only Login Requests belong to the login phase; anything else ends it with 0x020b.
function loginPhase(conn: Connection, pdu: Pdu, bhs: Buffer): void {
  if (pdu.type === 'LoginRequest') return handleLoginRequest(conn, pdu);
  const req = { type: 'LoginRequest', csg: 0, isid: 0, tsih: 0, itt: bhs.readUInt32BE(16) } as PduNamed<'LoginRequest'>;
  failLogin(conn, req, fail(Status.invalidDuringLogin, `${pdu.type} received during the login phase`));
}
