// Logout Request handler (RFC 7143 §11.14, §11.15): close the session or one connection; ERL 0 has no recovery.
import { makePdu, type PduNamed } from '../../harness/pdu/registry.js';
import type { Connection } from '../connection.js';
import { Reason, reject } from './reject.js';

/** Logout Response codes (§11.15.1). */
export const LogoutResult = { success: 0, cidNotFound: 1, recoveryNotSupported: 2 } as const;

/** Answers a Logout Request; the connection (or session) closes once the response is written. */
export function handleLogout(conn: Connection, req: PduNamed<'LogoutRequest'>, bhs: Buffer): void {
  const session = conn.session!;
  const reason = req.reasonCode;
  if (reason > 2) return reject(conn, bhs, Reason.invalidPduField, `logout reason code ${reason} (§11.14.1)`);
  let response: number = LogoutResult.success;
  let closeThis = reason === 0;
  if (reason === 1) {
    const other = session.connections.get(req.cid);
    if (req.cid === conn.cid) closeThis = true;
    else if (other) other.close(`logged out by connection ${conn.cid}`);
    else response = LogoutResult.cidNotFound;
  }
  if (reason === 2) response = LogoutResult.recoveryNotSupported; // connection recovery needs ErrorRecoveryLevel 2
  if (conn.ctx.faults.apply('logoutResponds', true)) {
    conn.send(makePdu('LogoutResponse', {
      final: true, response, itt: req.itt, statSN: 0, expCmdSN: 0, maxCmdSN: 0,
      time2Wait: conn.params.defaultTime2Wait, time2Retain: conn.params.defaultTime2Retain, ahs: [], data: Buffer.alloc(0),
    }), true);
  }
  if (!closeThis) return;
  const why = reason === 0 ? 'logout: close session' : 'logout: close connection';
  conn.closeAfterFlush(why);
  if (reason === 0) setImmediate(() => session.end(why));
}
