// The "internal failure" oracle: a target that catches its own crash and answers CHECK CONDITION, HARDWARE ERROR,
// INTERNAL TARGET FAILURE (44/00) hides the crash from the exit and reset oracles (the reference target does exactly
// that when its SCSI layer throws). No standard forbids that answer, so this is no checker rule: it is a fuzz oracle,
// added on top of whatever checker the run uses, and only for commands the fuzzer itself sent.
import type { FramedPdu } from '../pdu/framer.js';
import type { Pdu } from '../pdu/registry.js';
import { decodeSense } from '../scsi/sense.js';
import type { PduChecker } from '../script/connection.js';
import { violation, type Violation } from '../violation.js';

/** Rule ID of the oracle's verdicts. */
export const INTERNAL_FAILURE_RULE = 'fuzz/internal-target-failure';

const HARDWARE_ERROR = 0x04, INTERNAL_TARGET_FAILURE = 0x44, CHECK_CONDITION = 0x02;

/** Sense key and ASC of a SCSI Response data segment (SenseLength + sense), when it holds decodable sense. */
export function senseOf(data: Buffer): { key: number; asc: number; ascq: number } | undefined {
  if (data.length < 2) return undefined;
  const len = data.readUInt16BE(0);
  if (len < 8 || len > data.length - 2) return undefined;
  try {
    const v = decodeSense(data.subarray(2, 2 + len)).value;
    return { key: v.senseKey, asc: v.asc, ascq: v.ascq };
  } catch {
    return undefined; // malformed sense is check/sense-data's business
  }
}

/** A checker that also reports INTERNAL TARGET FAILURE answers, naming the opcode of the command that got one. */
function withOracle(base: PduChecker | undefined): PduChecker {
  const opcodes = new Map<number, number>();
  return {
    onInitiatorPdu(pdu: Pdu, framed?: FramedPdu): Violation[] {
      if (pdu.type === 'ScsiCommand') opcodes.set(pdu.itt, pdu.cdb[0] ?? 0);
      return base?.onInitiatorPdu(pdu, framed) ?? [];
    },
    onTargetPdu(pdu: Pdu, framed?: FramedPdu): Violation[] {
      const out = base?.onTargetPdu(pdu, framed) ?? [];
      if (pdu.type !== 'ScsiResponse' || pdu.response !== 0 || pdu.status !== CHECK_CONDITION) return out;
      const s = senseOf(pdu.data);
      if (s?.key !== HARDWARE_ERROR || s.asc !== INTERNAL_TARGET_FAILURE) return out;
      const op = opcodes.get(pdu.itt);
      const what = op === undefined ? `ITT 0x${pdu.itt.toString(16)}` : `opcode 0x${op.toString(16).padStart(2, '0')}`;
      return [...out, violation(INTERNAL_FAILURE_RULE, 'spc4/sense-key-hardware-error',
        `HARDWARE ERROR, INTERNAL TARGET FAILURE (44/${s.ascq.toString(16).padStart(2, '0')}) for ${what}: the target failed inside while executing it`)];
    },
    onClose(reason?: string): Violation[] { return base?.onClose(reason) ?? []; },
  };
}

/** Wraps a checker factory (or none) so every connection also runs the internal-failure oracle. */
export const fuzzChecker = (make?: () => PduChecker): (() => PduChecker) => () => withOracle(make?.());
