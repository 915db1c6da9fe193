// The types a session shares with its observers (passive checker, recorders) and with cases.
import type { FramedPdu } from '../pdu/framer.js';
import type { Pdu } from '../pdu/registry.js';
import type { CloseInfo } from '../transport/tcp.js';

/** A PDU as received: decoded value, the framed bytes (digestOk false when a digest was wrong), arrival time (s). */
export interface Received {
  pdu: Pdu;
  framed: FramedPdu;
  time: number;
}

/** Why a session's connection ended; `frame` when our side gave up on an unframeable stream. */
export interface SessionClosed extends CloseInfo {
  /** Set when the stream could not be framed (hostile length, truncated PDU): the error code. */
  frameError?: string;
}

/** Hooks called for every PDU in both directions, login included. They must not throw. */
export interface SessionObserver {
  sent?(pdu: Pdu, wire: Buffer): void;
  received?(pdu: Pdu, framed: FramedPdu): void;
  /** `reason` is the CloseInfo reason ('fin', 'reset', 'local', 'error'); `info` has the error and frame error. */
  closed?(reason: string, info: SessionClosed): void;
}

/** A test for one received PDU (used by receive and expectOneOf). */
export type PduMatch = (pdu: Pdu, r: Received) => boolean;

/** What `expectOneOf` saw first: a PDU matching alternative `index`, the connection ending, or silence. */
export type ExpectOutcome =
  | { kind: 'pdu'; index: number; received: Received }
  | { kind: 'closed'; info: SessionClosed }
  | { kind: 'silence'; ms: number };
