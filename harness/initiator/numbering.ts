// Session and connection numbering from the initiator's side: CmdSN, ExpStatSN, the command window, ITTs (RFC 7143 §4.2.2).
import type { Pdu } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';

/** a < b in 32-bit serial number arithmetic (RFC 1982, required by RFC 7143 §4.2.2.1). */
export const serialLt = (a: number, b: number): boolean => a !== b && ((b - a) >>> 0) < 0x80000000;
/** a <= b in serial arithmetic. */
export const serialLe = (a: number, b: number): boolean => a === b || serialLt(a, b);

/** The counters one connection of a session keeps; values are what the next PDU should carry. */
export class Numbering {
  /** CmdSN for the next command; immediate commands carry it without advancing it (§4.2.2.1). */
  cmdSN: number;
  /** StatSN we expect next: acknowledges every status up to it. */
  expStatSN = 0;
  expCmdSN: number;
  maxCmdSN: number;
  private itt: number;

  constructor(initialCmdSN = 1, firstItt = 1) {
    this.cmdSN = initialCmdSN >>> 0;
    this.expCmdSN = this.cmdSN;
    this.maxCmdSN = this.cmdSN;
    this.itt = (firstItt - 1) >>> 0;
  }

  /** A fresh Initiator Task Tag; never 0xffffffff, which is reserved (§11.2.1.7 via §11.18/§11.19). */
  nextItt(): number {
    this.itt = (this.itt + 1) >>> 0;
    if (this.itt === NO_TAG) this.itt = 0;
    return this.itt;
  }

  /** The CmdSN for a command; advances unless the command is immediate (§4.2.2.1). */
  takeCmdSN(immediate: boolean): number {
    const sn = this.cmdSN;
    if (!immediate) this.cmdSN = (this.cmdSN + 1) >>> 0;
    return sn;
  }

  /** True when a non-immediate command with `cmdSN` is inside the window the target last advertised. */
  inWindow(cmdSN = this.cmdSN): boolean {
    return serialLe(this.expCmdSN, cmdSN) && serialLe(cmdSN, this.maxCmdSN);
  }

  /**
   * Learns from a received PDU. Status-bearing PDUs acknowledge StatSN+1; R2T and a NOP-In ping (ITT 0xffffffff)
   * carry the next StatSN without using one (§11.8, §11.19), so they acknowledge StatSN itself. The window only
   * moves forward, and a MaxCmdSN below ExpCmdSN-1 is ignored (§4.2.2.1).
   */
  onReceived(p: Pdu): void {
    if (p.type === 'Raw') return;
    const r = p as unknown as Record<string, unknown>;
    if (typeof r.statSN === 'number' && !(p.type === 'DataIn' && !p.statusPresent)) {
      const carriesNext = p.type === 'R2t' || (p.type === 'NopIn' && p.itt === NO_TAG);
      const ack = carriesNext ? r.statSN : (r.statSN + 1) >>> 0;
      if (p.type === 'LoginResponse' || serialLt(this.expStatSN, ack)) this.expStatSN = ack;
    }
    if (typeof r.expCmdSN === 'number' && typeof r.maxCmdSN === 'number') {
      const exp = r.expCmdSN, max = r.maxCmdSN;
      if (serialLt(max, (exp - 1) >>> 0)) return;
      if (p.type === 'LoginResponse' || serialLt(this.expCmdSN, exp)) this.expCmdSN = exp;
      if (p.type === 'LoginResponse' || serialLt(this.maxCmdSN, max)) this.maxCmdSN = max;
    }
  }
}
