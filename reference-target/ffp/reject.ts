// Reject reasons (RFC 7143 §11.17.1) and the ERL 0 answer to a broken data sequence: Reject, then drop the connection.
import type { Connection } from '../connection.js';

/** Reject reason codes the target uses. */
export const Reason = {
  dataDigestError: 0x02,
  snackReject: 0x03,
  protocolError: 0x04,
  commandNotSupported: 0x05,
  invalidPduField: 0x09,
  waitingForLogout: 0x0c,
} as const;

/** Rejects a PDU and keeps the connection. */
export function reject(conn: Connection, bhs: Buffer, reason: number, why: string): void {
  conn.ctx.log.warn(`c${conn.id} reject 0x${reason.toString(16).padStart(2, '0')}: ${why}`);
  conn.sendRejectFor(bhs, reason);
}

/**
 * A protocol error the target cannot recover from at ErrorRecoveryLevel 0 (§7.1.5: only session recovery):
 * Reject with reason 0x04 so the initiator learns why, then close the connection.
 */
export function protocolError(conn: Connection, bhs: Buffer, why: string): void {
  reject(conn, bhs, Reason.protocolError, why);
  conn.closeAfterFlush(`protocol error: ${why}`);
}
