// Reject reasons (RFC 7143 §11.17.1), the ERL 0 answer to a protocol error (Reject, then drop), and format errors (§7.7).
import type { Connection } from '../connection.js';

/** Reject reason codes the target uses. */
export const Reason = {
  dataDigestError: 0x02,
  snackReject: 0x03,
  protocolError: 0x04,
  commandNotSupported: 0x05,
  invalidDataAck: 0x08,
  invalidPduField: 0x09,
  waitingForLogout: 0x0c,
} as const;

/** Rejects a PDU and keeps the connection; `dataSNOrR2TSN` only for a Data/R2T SNACK's Protocol Error (§11.17.2). */
export function reject(conn: Connection, bhs: Buffer, reason: number, why: string, dataSNOrR2TSN = 0): void {
  conn.ctx.log.warn(`c${conn.id} reject 0x${reason.toString(16).padStart(2, '0')}: ${why}`);
  conn.sendRejectFor(bhs, reason, dataSNOrR2TSN);
}

/**
 * A protocol error the target cannot recover from at ErrorRecoveryLevel 0 (§7.1.5: only session recovery):
 * Reject with reason 0x04 so the initiator learns why, then close the connection.
 */
export function protocolError(conn: Connection, bhs: Buffer, why: string): void {
  reject(conn, bhs, Reason.protocolError, why);
  conn.closeAfterFlush(`protocol error: ${why}`);
}

/**
 * A format error (§7.7: an illegal or inconsistent header field): every connection of the session is terminated at
 * once and the error escalates to session recovery, which at ErrorRecoveryLevel 0 ends the session.
 */
export function formatError(conn: Connection, why: string): void {
  conn.ctx.log.warn(`c${conn.id} format error: ${why}`);
  if (conn.session) conn.session.end(`format error: ${why}`);
  else conn.close(`format error: ${why}`);
}
