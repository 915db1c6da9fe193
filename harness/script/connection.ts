// One initiator connection for scripts and the fuzzer: raw bytes out (bad ones included), framed PDUs in,
// sequence numbers tracked from what the target says, every wait bounded by a deadline.
import { TransportError } from '../errors.js';
import { FrameError, Framer, type FramedPdu } from '../pdu/framer.js';
import { decodePdu, encodePdu, type LengthOverrides, type Pdu } from '../pdu/registry.js';
import { padLength, toWire } from '../pdu/wire.js';
import { connect, type CloseInfo, type Connection, type WireTap } from '../transport/tcp.js';
import type { Violation } from '../violation.js';

/** Sees every PDU both ways (the runner's and fuzzer's trace, coverage and checker hang here). */
export interface ScriptObserver {
  sent?(pdu: Pdu | null, wire: Buffer): void;
  received?(pdu: Pdu, framed: FramedPdu): void;
  closed?(reason: string): void;
}

/** The passive checker's shape (harness/check): judges target PDUs on one connection. */
export interface PduChecker {
  onInitiatorPdu(pdu: Pdu, framed?: FramedPdu): Violation[];
  onTargetPdu(pdu: Pdu, framed?: FramedPdu): Violation[];
  onClose(reason?: string): Violation[];
}

/** What the next read gave. */
export type Received = { kind: 'pdu'; pdu: Pdu; framed: FramedPdu } | { kind: 'closed'; reason: string } | { kind: 'timeout' };

/** Options for opening a connection. */
export interface OpenOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  tap?: WireTap;
  observer?: ScriptObserver;
  checker?: PduChecker;
  /** Wait this long between writes so PDUs go out at most this often (PDUs per second); 0 = unlimited. */
  rate?: number;
}

/** Options for one send. */
export interface SendOptions {
  lengths?: LengthOverrides;
  badHeaderDigest?: boolean;
  pad?: Buffer;
  split?: number[];
  truncate?: number;
  repeat?: number;
}

const closeReason = (i: CloseInfo): string => i.reason === 'fin' ? 'closed' : i.reason === 'reset' ? 'reset' : i.reason === 'error' ? `error ${(i.error as NodeJS.ErrnoException | undefined)?.code ?? ''}`.trim() : 'local';

/** An open script connection. */
export class ScriptConnection {
  /** Session numbering as the target last told it. */
  itt = 1; cmdSN = 1; expStatSN = 0; expCmdSN = 1; maxCmdSN = 1;
  /** Digests in force (switched on by login when negotiated). */
  digests = { headerDigest: false, dataDigest: false };
  /** Negotiated MaxRecvDataSegmentLength of the target, FirstBurstLength, ImmediateData... (login fills these). */
  params = { targetMaxRecv: 8192, firstBurst: 65536, maxBurst: 262144, immediateData: true, initialR2T: true };
  tsih = 0;
  fullFeature = false;
  /** A discovery session: only Text and Logout are allowed (§4.3), so a ping is owed nothing. */
  discovery = false;
  readonly violations: Violation[] = [];
  pdusSent = 0; pdusReceived = 0;
  /** PDUs sent since the last answer a step waited for: an expectation with nothing sent before it proves nothing. */
  sentSinceSync = 0;
  private readonly inbox: Received[] = [];
  private waiter: (() => void) | null = null;
  private closedReason: string | null = null;
  private readonly framer = new Framer({ onDigestError: 'mark' });
  private nextWriteAt = 0;

  private constructor(readonly conn: Connection, private readonly o: OpenOptions) {
    conn.onData(d => this.onBytes(d));
    void conn.closed.then(info => this.onClosed(closeReason(info)));
  }

  /** Opens TCP to the target (TargetUnreachable when it cannot). */
  static async open(o: OpenOptions): Promise<ScriptConnection> {
    const c = await connect(o.host, o.port, { timeoutMs: o.connectTimeoutMs ?? 3000, ...(o.tap ? { tap: o.tap } : {}) });
    return new ScriptConnection(c, o);
  }

  get isClosed(): boolean { return this.closedReason !== null; }

  /** Switches digests on after the login that negotiated them (RFC 7143 §13.1). */
  enableDigests(header: boolean, data: boolean): void {
    this.digests = { headerDigest: header, dataDigest: data };
    this.framer.setDigests({ header, data });
  }

  /** Next ITT; 0xffffffff is reserved, so it is skipped. */
  nextItt(): number { const t = this.itt; this.itt = (this.itt + 1) >>> 0; if (this.itt === 0xffffffff) this.itt = 1; return t; }

  /** The wire bytes for a PDU (digests as negotiated, overrides as asked). */
  wire(p: Pdu, o: SendOptions = {}): Buffer {
    const e = encodePdu(p, o.lengths);
    const w = toWire({ ...e, ...(o.pad ? { pad: o.pad } : {}) }, this.digests);
    if (o.badHeaderDigest && this.digests.headerDigest) { const at = 48 + e.ahs.length; w[at] = w[at]! ^ 0xff; }
    return w;
  }

  /** Sends a PDU; notes it for the checker and sequence numbers. Resolves false when the connection is gone. */
  async sendPdu(p: Pdu, o: SendOptions = {}): Promise<boolean> {
    const w = this.wire(p, o);
    this.o.observer?.sent?.(p, w);
    this.noteSent(p, w);
    // Non-immediate commands take a CmdSN (§3.2.2.1); Data-Out and SNACK carry none.
    if (p.type !== 'Raw' && 'cmdSN' in p && 'immediate' in p && !p.immediate) {
      this.cmdSN = (p.cmdSN + 1) >>> 0;
    }
    return this.sendBytes(w, o, p);
  }

  /** ITTs of tasks sent on this connection: a late answer to one of them is not the answer a later step waits for. */
  readonly sentItts = new Set<number>();

  // The checker sees what we sent with its wire header, so it can match a Reject's copy of it (§11.17.4).
  private noteSent(p: Pdu, w: Buffer): void {
    if (w.length >= 20) { this.sentItts.add(w.readUInt32BE(16)); if (this.sentItts.size > 4096) this.sentItts.clear(); }
    if (!this.o.checker) return;
    // The checker judges what the target will read: the wire's own lengths (a lying DataSegmentLength included).
    const ahsLen = w[4]! * 4, dsl = (w[5]! << 16) | (w[6]! << 8) | w[7]!, hd = this.digests.headerDigest ? 4 : 0;
    const ahs = w.subarray(48, Math.min(w.length, 48 + ahsLen)), data = w.subarray(Math.min(w.length, 48 + ahsLen + hd), Math.min(w.length, 48 + ahsLen + hd + dsl));
    const seen = data.length === p.data.length && ahs.length === ahsLen ? p : decodePdu(w.subarray(0, 48), Buffer.from(ahs), Buffer.from(data));
    const framed: FramedPdu = { bhs: w.subarray(0, 48), ahs, headerDigest: null, data, pad: Buffer.alloc(0), dataDigest: null, offset: 0, index: 0, digestOk: null };
    this.violations.push(...this.o.checker.onInitiatorPdu(seen, framed));
    // A lying length leaves bytes the target frames as further PDUs (and may Reject, quoting their "header"):
    // the checker is shown those too, framed as the target will frame them.
    const end = 48 + ahsLen + hd + dsl + padLength(dsl) + (this.digests.dataDigest && dsl ? 4 : 0);
    if (w.length - end >= 48) {
      let next: Pdu | undefined;
      try { next = decodePdu(w.subarray(end, end + 48)); } catch { /* not decodable: the target cannot make sense of it either */ }
      if (next) this.noteSent(next, w.subarray(end));
    }
  }

  /** Sends raw bytes (split, truncated, repeated as asked). */
  async sendBytes(w: Buffer, o: SendOptions = {}, decoded?: Pdu): Promise<boolean> {
    // Raw bytes are shown to the checker too when they hold a whole BHS, so its Reject matching knows them.
    if (!decoded && w.length >= 48) { try { this.noteSent(decodePdu(w.subarray(0, 48)), w); } catch { /* not a PDU: nothing to note */ } }
    const bytes = o.truncate !== undefined ? w.subarray(0, o.truncate) : w;
    const cuts = [...new Set((o.split ?? []).filter(c => c > 0 && c < bytes.length))].sort((a, b) => a - b);
    for (let r = 0; r < (o.repeat ?? 1); r++) {
      // Every copy is a PDU the target reads, so the checker sees each (a repeated command reuses its ITT).
      if (r > 0 && w.length >= 48) { try { this.noteSent(decoded ?? decodePdu(w.subarray(0, 48)), w); } catch { /* not a PDU */ } }
      let at = 0;
      for (const c of [...cuts, bytes.length]) {
        if (!(await this.write(bytes.subarray(at, c)))) return false;
        at = c;
        // A pause between segments so the target really sees them in separate reads.
        if (c < bytes.length) await new Promise(r2 => setTimeout(r2, 1));
      }
      this.pdusSent++;
      this.sentSinceSync++;
    }
    return true;
  }

  private async write(b: Buffer): Promise<boolean> {
    if (this.isClosed) return false;
    if (this.o.rate) {
      const wait = this.nextWriteAt - performance.now();
      if (wait > 0) await new Promise(r => setTimeout(r, wait));
      this.nextWriteAt = Math.max(performance.now(), this.nextWriteAt) + 1000 / this.o.rate;
    }
    try { await this.conn.write(Buffer.from(b), 5000); return true; } catch (e) {
      if (e instanceof TransportError) return false;
      throw e;
    }
  }

  /** The next PDU from the target, its close, or timeout after `timeoutMs`. */
  async next(timeoutMs: number): Promise<Received> {
    const ready = this.inbox.shift();
    if (ready) return ready;
    if (this.closedReason !== null) return { kind: 'closed', reason: this.closedReason };
    return new Promise(resolve => {
      const timer = setTimeout(() => { this.waiter = null; resolve({ kind: 'timeout' }); }, timeoutMs);
      this.waiter = () => {
        clearTimeout(timer); this.waiter = null;
        resolve(this.inbox.shift() ?? { kind: 'closed', reason: this.closedReason ?? 'closed' });
      };
    });
  }

  /** Closes with FIN (or RST); resolves once closed. */
  async close(reset = false): Promise<void> {
    if (reset) this.conn.reset(); else await this.conn.close(500);
  }

  private onBytes(d: Buffer): void {
    let framed: FramedPdu[];
    try { framed = this.framer.push(d); } catch (e) {
      if (!(e instanceof FrameError)) throw e;
      framed = e.framed;
      this.violations.push({ rule: 'check/framing', ref: 'rfc7143/11.2', message: `target bytes cannot be framed: ${e.message}` });
      this.conn.reset();
    }
    for (const f of framed) {
      const pdu = decodePdu(f.bhs, f.ahs, f.data);
      this.pdusReceived++;
      this.track(pdu);
      this.o.observer?.received?.(pdu, f);
      if (this.o.checker) this.violations.push(...this.o.checker.onTargetPdu(pdu, f));
      this.inbox.push({ kind: 'pdu', pdu, framed: f });
    }
    if (framed.length) this.waiter?.();
  }

  // StatSN/ExpCmdSN/MaxCmdSN from every target PDU that carries them (RFC 7143 §4.2.2.2, §3.2.2.1).
  private track(p: Pdu): void {
    const r = p as { statSN?: number; expCmdSN?: number; maxCmdSN?: number; status?: boolean };
    if (p.type === 'Raw' || r.expCmdSN === undefined) return;
    const carriesStatus = p.type !== 'DataIn' || (p as { statusPresent?: boolean }).statusPresent === true;
    if (r.statSN !== undefined && carriesStatus && p.type !== 'R2t') this.expStatSN = (r.statSN + 1) >>> 0;
    if (r.maxCmdSN !== undefined && ((r.maxCmdSN - r.expCmdSN + 1) | 0) >= 0) { this.expCmdSN = r.expCmdSN; this.maxCmdSN = r.maxCmdSN; }
  }

  private onClosed(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    this.o.observer?.closed?.(reason);
    if (this.o.checker) this.violations.push(...this.o.checker.onClose(reason));
    this.waiter?.();
  }
}
