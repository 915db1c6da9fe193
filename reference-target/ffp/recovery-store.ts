// What a connection at ErrorRecoveryLevel >= 1 keeps for SNACK (RFC 7143 §11.16): the numbered responses it sent and
// the Data-In of read tasks, each until ExpStatSN acknowledges it, under count and byte caps so that an initiator that
// never acknowledges cannot make us hold without bound.
import type { KnownPdu, PduNamed } from '../../harness/pdu/registry.js';
import { snLt } from '../serial.js';

type DataIn = PduNamed<'DataIn'>;

/** The Data-In of one read task as sent, and its status once sent. */
export interface HeldRead {
  itt: number;
  /** Data-In PDUs as sent, in DataSN order. */
  dataIns: DataIn[];
  bytes: number;
  /** The status PDU (SCSI Response, or the last Data-In with S=1) and its StatSN, once sent. */
  status?: KnownPdu & { statSN: number };
  /** Dropped to stay inside the caps while still unacknowledged: a SNACK for it gets "SNACK Reject" (§7.8). */
  dropped: boolean;
}

/** What a lookup of a numbered response found (§11.16: acknowledged or never sent is a Protocol Error). */
export type Held<T> = { kind: 'held'; value: T } | { kind: 'acknowledged' } | { kind: 'not-sent' } | { kind: 'dropped' };

/** Caps on what one connection holds. */
export interface HoldLimits {
  maxResponses: number;
  maxReads: number;
  maxReadBytes: number;
}

/** Per-connection retransmission buffer for ERL >= 1. */
export class RecoveryStore {
  /** StatSN -> the numbered response as sent; insertion order is StatSN order. */
  private readonly responses = new Map<number, KnownPdu>();
  private readonly reads = new Map<number, HeldRead>();
  private readBytes = 0;
  /** Everything below this StatSN is acknowledged (the highest ExpStatSN seen, §4.2.2.2). */
  private ackedTo: number;

  constructor(private readonly limits: HoldLimits, firstStatSN: number) {
    this.ackedTo = firstStatSN;
  }

  /** Notes a PDU as it leaves; `statSN` is the StatSN it took when it is a numbered response. */
  sent(pdu: KnownPdu, statSN: number | undefined): void {
    if (pdu.type === 'DataIn') this.noteDataIn(pdu);
    if (statSN === undefined) return;
    this.responses.set(statSN, pdu);
    if (this.responses.size > this.limits.maxResponses) this.responses.delete(this.responses.keys().next().value!);
    if (pdu.type === 'ScsiResponse' || pdu.type === 'DataIn') {
      const r = this.reads.get(pdu.itt);
      if (r && !r.status) r.status = pdu as KnownPdu & { statSN: number };
    }
  }

  /** ExpStatSN from the initiator: every response and read below it is acknowledged and let go (§11.16). */
  acknowledge(expStatSN: number): void {
    if (!snLt(this.ackedTo, expStatSN)) return;
    this.ackedTo = expStatSN;
    for (const sn of this.responses.keys()) {
      if (!snLt(sn, expStatSN)) break;
      this.responses.delete(sn);
    }
    for (const [itt, r] of this.reads) {
      if (!r.status || !snLt(r.status.statSN, expStatSN)) break; // reads finish roughly in order; the caps bound the rest
      this.forget(itt, r);
    }
  }

  /** The numbered response with this StatSN; `nextStatSN` is the one we would send next. */
  response(statSN: number, nextStatSN: number): Held<KnownPdu> {
    if (snLt(statSN, this.ackedTo)) return { kind: 'acknowledged' };
    if (!snLt(statSN, nextStatSN)) return { kind: 'not-sent' };
    const p = this.responses.get(statSN);
    return p ? { kind: 'held', value: p } : { kind: 'dropped' };
  }

  /** The lowest StatSN not yet acknowledged. */
  get firstUnacknowledged(): number {
    return this.ackedTo;
  }

  /** The held Data-In of a task, if we hold any. */
  read(itt: number): HeldRead | undefined {
    return this.reads.get(itt);
  }

  /** Replaces a read's Data-In (R-Data SNACK resegmentation, §11.16.3) and its status. */
  replaceRead(r: HeldRead, dataIns: DataIn[], status: KnownPdu & { statSN: number }): void {
    this.readBytes -= r.bytes;
    r.dataIns = dataIns;
    r.bytes = dataIns.reduce((n, d) => n + d.data.length, 0);
    this.readBytes += r.bytes;
    r.status = status;
    if (this.responses.has(status.statSN)) this.responses.set(status.statSN, status);
    this.trim();
  }

  /** How much is held, for tests and logs. */
  get size(): { responses: number; reads: number; readBytes: number } {
    return { responses: this.responses.size, reads: this.reads.size, readBytes: this.readBytes };
  }

  private noteDataIn(d: DataIn): void {
    let r = this.reads.get(d.itt);
    // A finished task's ITT may be reused once its status arrived, before ExpStatSN acknowledges it (§4.2.4).
    if (r?.status) { this.forget(d.itt, r); r = undefined; }
    if (!r) {
      r = { itt: d.itt, dataIns: [], bytes: 0, dropped: false };
      this.reads.set(d.itt, r);
      if (this.reads.size > this.limits.maxReads) {
        const [oldest, o] = this.reads.entries().next().value!;
        this.forget(oldest, o);
      }
    }
    if (r.dropped) return;
    r.dataIns.push(d);
    r.bytes += d.data.length;
    this.readBytes += d.data.length;
    this.trim();
  }

  // Past the byte cap the oldest reads lose their data but stay as tombstones, so a SNACK for them is told
  // "SNACK Reject" (we no longer have it) rather than "Protocol Error" (never sent).
  private trim(): void {
    for (const r of this.reads.values()) {
      if (this.readBytes <= this.limits.maxReadBytes) return;
      this.readBytes -= r.bytes;
      r.dataIns = [];
      r.bytes = 0;
      r.dropped = true;
    }
  }

  private forget(itt: number, r: HeldRead): void {
    this.readBytes -= r.bytes;
    this.reads.delete(itt);
  }
}
