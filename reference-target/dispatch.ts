// Dispatch (STYLE.md "Reference target"): the phase check first, then CmdSN ordering, then opcode -> handler.
import type { FramedPdu } from '../harness/pdu/framer.js';
import type { Pdu, PduNamed } from '../harness/pdu/registry.js';
import type { Connection } from './connection.js';
import { handleDataOut } from './ffp/data-out.js';
import { handleLogout } from './ffp/logout.js';
import { handleNopOut } from './ffp/nop-out.js';
import { Reason, reject } from './ffp/reject.js';
import { handleScsiCommand } from './ffp/scsi-command.js';
import { handleSnack } from './ffp/snack.js';
import { handleTextRequest } from './ffp/text-request.js';
import { handleTmf } from './ffp/tmf.js';
import { handleLoginRequest } from './login/login-request.js';
import { failLogin } from './login/respond.js';
import { fail, Status } from './login/status.js';

/** One Full Feature Phase handler: whether it is a command in CmdSN order, whether Discovery allows it. */
interface FfpEntry {
  ordered: boolean;
  /** Whether a Discovery session accepts this PDU; absent means never. */
  discovery?: (pdu: never) => boolean;
  run(conn: Connection, pdu: never, bhs: Buffer): void;
}

// §4.3: a Discovery session accepts only Text Requests (SendTargets, checked by the text handler once the whole
// text is in) and a Logout with reason 0 "close the session"; every other request, NOP-Out included, is rejected.
const FFP: Partial<Record<Pdu['type'], FfpEntry>> = {
  NopOut: { ordered: true, run: handleNopOut },
  ScsiCommand: { ordered: true, run: handleScsiCommand },
  TaskManagementRequest: { ordered: true, run: handleTmf },
  TextRequest: { ordered: true, discovery: () => true, run: handleTextRequest },
  LogoutRequest: { ordered: true, discovery: (p: PduNamed<'LogoutRequest'>) => p.reasonCode === 0, run: handleLogout },
  DataOut: { ordered: false, run: handleDataOut },
};

/** Routes one received PDU by connection phase and opcode. */
export function dispatch(conn: Connection, pdu: Pdu, framed: FramedPdu): void {
  const bhs = framed.bhs;
  if (conn.phase === 'login') return loginPhase(conn, pdu);
  if (conn.phase !== 'ffp' || !conn.session) return;
  if ('expStatSN' in pdu) {
    conn.expStatSN = pdu.expStatSN;
    conn.recovery?.acknowledge(pdu.expStatSN);
  }
  // Only at ERL >= 1 does a PDU with a data digest error get here (connection.ts): a Data-Out's header is still good
  // and its task must learn of the loss (§7.8); any other such PDU was discarded with its Reject.
  if (framed.digestOk === false) return pdu.type === 'DataOut' ? handleDataOut(conn, pdu, bhs, true) : undefined;
  const { faults } = conn.ctx;
  if (pdu.type === 'Raw') {
    const reason = faults.apply('unknownOpcodeReason', Reason.commandNotSupported, pdu.opcode);
    if (reason !== null) reject(conn, bhs, reason, `opcode 0x${pdu.opcode.toString(16)} is not supported (§11.2.1.2)`);
    return;
  }
  if (pdu.type === 'SnackRequest') {
    if (conn.recovery) return handleSnack(conn, pdu, bhs); // it exists exactly when the operational ERL is >= 1
    return reject(conn, bhs, Reason.protocolError, 'SNACK at ErrorRecoveryLevel 0 (§7.1.5)');
  }
  const entry = FFP[pdu.type];
  if (!entry) return reject(conn, bhs, Reason.protocolError, `${pdu.type} is not something an initiator sends in Full Feature Phase`);
  if (conn.session.type === 'Discovery' && !entry.discovery?.(pdu as never) && faults.apply('discoveryRejectsScsi', true))
    return reject(conn, bhs, Reason.protocolError, `${pdu.type} in a Discovery session (§4.3)`);
  if (!entry.ordered) return entry.run(conn, pdu as never, bhs);
  const cmd = pdu as PduNamed<'ScsiCommand'>;
  const immediate = cmd.immediate || (pdu.type === 'NopOut' && pdu.itt === 0xffffffff);
  const outcome = conn.session.window.submit(cmd.cmdSN, immediate, () => {
    if (conn.phase === 'ffp') entry.run(conn, pdu as never, bhs);
  });
  if (outcome === 'dropped') conn.ctx.log.warn(`c${conn.id} dropped ${pdu.type} CmdSN ${cmd.cmdSN} outside [${conn.session.window.expCmdSN}, ${conn.session.window.maxCmdSN}] (§4.2.2.1)`);
}

// §4.2.4: only Login Requests belong to the login phase. Before it has started, anything else ends the connection
// at once; once started, anything else gets a Login reject (0x020b) in the login's own task (§6.3: one ITT).
function loginPhase(conn: Connection, pdu: Pdu): void {
  if (pdu.type === 'LoginRequest') return handleLoginRequest(conn, pdu);
  const st = conn.login;
  if (!st) return conn.close(`${pdu.type} before any Login Request (§4.2.4)`);
  const req = { type: 'LoginRequest', csg: 0, isid: st.isid, tsih: st.tsih, itt: st.itt } as PduNamed<'LoginRequest'>;
  failLogin(conn, req, fail(Status.invalidDuringLogin, `${pdu.type} received during the login phase`));
}
