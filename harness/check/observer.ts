// Plugs a checker into the initiator's Session observer ({ sent, received, closed }), reporting each finding.
import type { FramedPdu } from '../pdu/framer.js';
import type { Pdu } from '../pdu/registry.js';
import type { Checker } from './checker.js';
import type { CheckViolation } from './define-rule.js';

/** The observer shape harness/initiator's Session calls for every PDU in both directions. */
export interface PduObserver {
  sent?(pdu: Pdu, wire: Buffer): void;
  received?(pdu: Pdu, framed: FramedPdu): void;
  closed?(reason: string): void;
}

/** Where findings go, with the PDU they belong to (none for findings at close). */
export type FindingSink = (v: CheckViolation, pdu: Pdu | undefined, dir: 'sent' | 'received' | 'closed') => void;

/** Wire bytes we sent, seen as a framed PDU without digest verdicts (we computed the digests ourselves). */
function sentFrame(pdu: Pdu, wire: Buffer): FramedPdu {
  return { bhs: wire.subarray(0, 48), ahs: Buffer.alloc(0), headerDigest: null, data: pdu.data, pad: Buffer.alloc(0),
    dataDigest: null, offset: 0, index: 0, digestOk: null };
}

/** An observer feeding `checker`; every finding is passed to `sink` as it happens. */
export function checkerObserver(checker: Checker, sink: FindingSink): PduObserver {
  return {
    sent(pdu, wire) { for (const v of checker.onInitiatorPdu(pdu, sentFrame(pdu, wire))) sink(v, pdu, 'sent'); },
    received(pdu, framed) { for (const v of checker.onTargetPdu(pdu, framed)) sink(v, pdu, 'received'); },
    closed(reason) { for (const v of checker.onClose(reason)) sink(v, undefined, 'closed'); },
  };
}
