// The session's CmdSN window (RFC 7143 §4.2.2.1): in-order delivery of non-immediate commands, immediate ones at once.
import type { FaultSet } from './faults/define.js';
import { snAdd, snInWindow, snLt } from './serial.js';

/** What happened to a submitted command. */
export type WindowOutcome = 'delivered' | 'queued' | 'dropped';

/** ExpCmdSN/MaxCmdSN bookkeeping and the queue of commands that arrived ahead of ExpCmdSN. */
export class CmdWindow {
  private pending = new Map<number, () => void>();

  constructor(public expCmdSN: number, readonly size: number, private readonly faults: FaultSet) {}

  /** The highest CmdSN the initiator may send: the window stays `size` wide (§4.2.2.1). */
  get maxCmdSN(): number {
    return this.faults.apply('maxCmdSN', snAdd(this.expCmdSN, this.size - 1), this.expCmdSN);
  }

  /** Commands waiting for a gap to be filled. */
  get queued(): number {
    return this.pending.size;
  }

  /**
   * Submits a command. Immediate commands run at once and do not advance ExpCmdSN; others run in CmdSN order, and
   * one outside [ExpCmdSN, MaxCmdSN] is silently dropped, the connection kept (§4.2.2.1).
   */
  submit(cmdSN: number, immediate: boolean, deliver: () => void): WindowOutcome {
    if (immediate) {
      if (this.faults.apply('immediateAdvances', false) && cmdSN === this.expCmdSN) this.advance();
      deliver();
      return 'delivered';
    }
    const inWindow = snInWindow(cmdSN, this.expCmdSN, snAdd(this.expCmdSN, this.size - 1));
    if (!this.faults.apply('windowAccept', inWindow, cmdSN)) return 'dropped';
    if (!inWindow) { deliver(); return 'delivered'; } // only under a fault: taken without touching the window
    if (cmdSN !== this.expCmdSN) {
      if (this.pending.has(cmdSN)) return 'dropped'; // a duplicate of a queued command
      this.pending.set(cmdSN, deliver);
      return 'queued';
    }
    this.advance();
    deliver();
    this.drain();
    return 'delivered';
  }

  /** Marks a CmdSN as received without a command (e.g. a task aborted before it arrived, §11.5.1). */
  consume(cmdSN: number): void {
    if (cmdSN === this.expCmdSN) { this.advance(); this.drain(); return; }
    if (snLt(this.expCmdSN, cmdSN) && !this.pending.has(cmdSN)) this.pending.set(cmdSN, () => {});
  }

  /** Forgets queued commands (session end). */
  clear(): void {
    this.pending.clear();
  }

  private advance(): void {
    this.expCmdSN = snAdd(this.expCmdSN, 1);
  }

  private drain(): void {
    for (let next = this.pending.get(this.expCmdSN); next; next = this.pending.get(this.expCmdSN)) {
      this.pending.delete(this.expCmdSN);
      this.advance();
      next();
    }
  }
}
