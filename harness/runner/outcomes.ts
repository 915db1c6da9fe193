// Graded outcomes for t.expect (Autobahn / h2spec style): each alternative names what may arrive,
// graded pass / nonStrict / informational; first match wins; silence is an outcome of its own.
import { LoginStatus, RejectReason, ScsiStatus } from '../pdu/types/codes.js';
import { printPdu, type Pdu, type PduNamed } from '../pdu/registry.js';
import type { FramedPdu } from '../pdu/framer.js';

/** Sense data as far as the cases need it (SPC-4 §4.5: fixed 0x70/0x71, descriptor 0x72/0x73). */
export interface Sense { key: number; asc: number; ascq: number }

/** A finished SCSI command: status (from the SCSI Response or a Data-In with S), data, sense. */
export interface ScsiEvent {
  kind: 'scsi';
  status: number;
  /** iSCSI Response code (0 = Command Completed at Target). */
  response: number;
  sense?: Sense;
  data: Buffer;
  underflow: boolean;
  overflow: boolean;
  residualCount: number;
  /** The PDU that carried the status. */
  pdu: Pdu;
}

/** What arrives on a connection: a PDU (with its framing when known), the end of the connection, or silence. */
export type LinkEvent =
  | { kind: 'pdu'; pdu: Pdu; framed?: FramedPdu }
  | { kind: 'closed'; reason: string }
  | { kind: 'silence'; ms: number };

/** Anything t.expect can judge: a link event or a finished SCSI command. */
export type CaseEvent = LinkEvent | ScsiEvent;

/** How an accepted alternative counts: nonStrict fails under --strict; informational is noted only. */
export type Grade = 'pass' | 'nonStrict' | 'informational';

/** A predicate over what arrived, with the words that describe it in a failure. */
export interface Matcher {
  describe: string;
  test(e: CaseEvent): boolean;
  /** Only for silence(ms): how long nothing must arrive. */
  silenceMs?: number;
}

/** A graded alternative. */
export interface Outcome extends Matcher { grade: Grade }

/** An alternative that passes. */
export const pass = (m: Matcher): Outcome => ({ ...m, grade: 'pass' });
/** Tolerated, but fails under --strict (e.g. closing where a Reject is asked for). */
export const nonStrict = (m: Matcher): Outcome => ({ ...m, grade: 'nonStrict' });
/** Accepted and written into the notes; never fails. */
export const informational = (m: Matcher): Outcome => ({ ...m, grade: 'informational' });

const hex = (n: number, w = 2): string => `0x${n.toString(16).padStart(w, '0')}`;

/** A PDU of a type, optionally with a predicate. */
export function pdu<const N extends Pdu['type']>(type: N, pred: (p: PduNamed<N>) => boolean = () => true, describe: string = type): Matcher {
  return { describe, test: e => e.kind === 'pdu' && e.pdu.type === type && pred(e.pdu as PduNamed<N>) };
}

/** A Login Response with this status (class << 8 | detail), or only this class when detail is omitted. */
export function loginStatus(cls: number, detail?: number): Matcher {
  const code = (cls << 8) | (detail ?? 0);
  const name = detail === undefined ? `status class ${hex(cls)}` : `status ${hex(code, 4)} (${LoginStatus[code] ?? 'unnamed'})`;
  return pdu('LoginResponse', p => p.statusClass === cls && (detail === undefined || p.statusDetail === detail), `Login Response with ${name}`);
}

/** A Reject, optionally with this reason. */
export function reject(reason?: number): Matcher {
  const name = reason === undefined ? '' : ` reason ${hex(reason)} (${(RejectReason as Record<number, string>)[reason] ?? '?'})`;
  return pdu('Reject', p => reason === undefined || p.reason === reason, `Reject${name}`);
}

/** The target closed the connection. */
export const closed = (): Matcher => ({ describe: 'connection closed by the target', test: e => e.kind === 'closed' });

/** Nothing at all arrived for `ms` milliseconds. */
export const silence = (ms: number): Matcher => ({ describe: `no PDU for ${ms} ms`, test: e => e.kind === 'silence', silenceMs: ms });

/** A SCSI command that ended with this status (GOOD = 0). */
export function scsiStatus(status: number, pred: (e: ScsiEvent) => boolean = () => true, extra = ''): Matcher {
  const name = (ScsiStatus as Record<number, string>)[status] ?? hex(status);
  return { describe: `SCSI status ${name}${extra}`, test: e => e.kind === 'scsi' && e.response === 0 && e.status === status && pred(e) };
}

/** CHECK CONDITION with this sense key and, when given, ASC/ASCQ. */
export function sense(key: number, asc?: number, ascq?: number): Matcher {
  const what = `sense key ${hex(key, 1)}${asc === undefined ? '' : ` ASC/ASCQ ${hex(asc)}/${hex(ascq ?? 0)}`}`;
  return scsiStatus(0x02, e => e.sense !== undefined && e.sense.key === key
    && (asc === undefined || e.sense.asc === asc) && (ascq === undefined || e.sense.ascq === ascq), ` with ${what}`);
}

/** Decodes sense bytes (fixed or descriptor format); undefined when too short or of unknown format. */
export function parseSense(b: Buffer): Sense | undefined {
  const code = (b[0] ?? 0) & 0x7f;
  if ((code === 0x70 || code === 0x71) && b.length >= 14) return { key: b[2]! & 0x0f, asc: b[12]!, ascq: b[13]! };
  if ((code === 0x72 || code === 0x73) && b.length >= 4) return { key: b[1]! & 0x0f, asc: b[2]!, ascq: b[3]! };
  return undefined;
}

/** One line for an event, as the "actual" of a failure. */
export function describeEvent(e: CaseEvent): string {
  switch (e.kind) {
    case 'pdu': return printPdu(e.pdu);
    case 'closed': return `connection closed (${e.reason})`;
    case 'silence': return `no PDU within ${e.ms} ms`;
    case 'scsi': {
      const st = (ScsiStatus as Record<number, string>)[e.status] ?? hex(e.status);
      const sn = e.sense ? ` sense ${hex(e.sense.key, 1)}/${hex(e.sense.asc)}/${hex(e.sense.ascq)}` : '';
      const res = e.underflow ? ` underflow residual ${e.residualCount}` : e.overflow ? ` overflow residual ${e.residualCount}` : '';
      return `SCSI ${e.response === 0 ? '' : `response ${hex(e.response)} `}status ${st}${sn}, ${e.data.length} data bytes${res}`;
    }
  }
}
