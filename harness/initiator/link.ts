// One connection's PDU link: frames received bytes into an inbox, sends any PDU (or raw bytes), waits with deadlines.
import { TransportError, UsageError } from '../errors.js';
import { FrameError, Framer } from '../pdu/framer.js';
import { decodePdu, encodePdu, type LengthOverrides, type Pdu } from '../pdu/registry.js';
import { toWire } from '../pdu/wire.js';
import { now, type Connection } from '../transport/tcp.js';
import type { ExpectOutcome, PduMatch, Received, SessionClosed, SessionObserver } from './observer.js';

/** How to send a PDU: lying lengths, bad digests, non-zero padding. */
export interface SendOptions {
  lengths?: LengthOverrides;
  /** Flip the header digest (needs HeaderDigest=CRC32C in force). */
  badHeaderDigest?: boolean;
  /** Flip the data digest (needs DataDigest=CRC32C in force and a data segment). */
  badDataDigest?: boolean;
  /** Padding bytes to send instead of zeros. */
  pad?: Buffer;
  /** Deadline for the kernel to take the bytes; default 5000 ms. */
  timeoutMs?: number;
}

/** PDUs held unread at most; older ones are dropped (and counted) so a chatty target cannot exhaust memory. */
export const INBOX_LIMIT = 10_000;

/** Frames, decodes and queues everything the target sends; a LoginResponse holds framing until the reader resumes it. */
export class Link {
  private readonly framer = new Framer({ onDigestError: 'mark' });
  private readonly inbox: Received[] = [];
  private readonly waiters = new Set<() => void>();
  private digests = { header: false, data: false };
  // Digests switch on exactly after the final Login Response (RFC 7143 §13.1), which may arrive glued to the
  // next PDU: framing stops after every Login Response until the login logic has set digests (or a reader asks).
  private paused = false;
  private info: SessionClosed | null = null;
  /** PDUs dropped because the inbox was full. */
  dropped = 0;

  constructor(
    readonly conn: Connection,
    private readonly observer: SessionObserver | undefined,
    /** Sees each PDU first; returning true consumes it (auto-answered NOP-In pings). */
    private readonly intercept: (r: Received) => boolean,
  ) {
    conn.onData(d => { this.framer.write(d); this.pump(); });
    void conn.closed.then(i => {
      this.pump();
      this.info ??= i;
      this.observer?.closed?.(this.info.reason, this.info);
      this.wake();
    });
  }

  /** The close, once the connection has ended. */
  get closeInfo(): SessionClosed | null {
    return this.info;
  }

  /** Switches digests for both directions from the next PDU on; resumes framing held after a Login Response. */
  setDigests(d: { header: boolean; data: boolean }): void {
    this.digests = { ...d };
    this.framer.setDigests(d);
    this.resume();
  }

  /** Digests in force. */
  get digestsInForce(): { header: boolean; data: boolean } {
    return { ...this.digests };
  }

  /** Lets framing continue after a Login Response with digests unchanged. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.pump();
  }

  /** Encodes and sends a PDU (or sends raw bytes as they are); returns the wire bytes. */
  async send(p: Pdu | Buffer, o: SendOptions = {}): Promise<Buffer> {
    let wire: Buffer;
    let pdu: Pdu | undefined;
    if (Buffer.isBuffer(p)) {
      wire = p;
      if (p.length >= 48) pdu = decodePdu(p.subarray(0, 48), Buffer.alloc(0), Buffer.alloc(0));
    } else {
      pdu = p;
      const parts = encodePdu(p, o.lengths);
      wire = toWire({ ...parts, ...(o.pad && { pad: o.pad }) }, { headerDigest: this.digests.header, dataDigest: this.digests.data });
      if (o.badHeaderDigest) {
        if (!this.digests.header) throw new UsageError('badHeaderDigest needs HeaderDigest=CRC32C in force', 'ERR_NO_DIGEST');
        wire[48 + parts.ahs.length]! ^= 0xff;
      }
      if (o.badDataDigest) {
        if (!this.digests.data || parts.data.length === 0) throw new UsageError('badDataDigest needs DataDigest=CRC32C and data', 'ERR_NO_DIGEST');
        wire[wire.length - 1]! ^= 0xff;
      }
    }
    if (this.info) throw new TransportError(`cannot send: connection closed (${this.info.reason})`, 'ERR_CLOSED');
    if (pdu) this.observer?.sent?.(pdu, wire);
    await this.conn.write(wire, o.timeoutMs);
    return wire;
  }

  /** The next PDU (or the next one matching); TransportError ERR_TIMEOUT on silence, ERR_CLOSED when the connection ended. */
  async receive(o: { timeoutMs: number; match?: PduMatch }): Promise<Received> {
    const r = await this.expectOneOf([o.match ?? (() => true)], o.timeoutMs);
    if (r.kind === 'pdu') return r.received;
    if (r.kind === 'closed')
      throw new TransportError(`connection closed (${r.info.reason}${r.info.frameError ? `, ${r.info.frameError}` : ''}) while waiting for a PDU`, 'ERR_CLOSED');
    throw new TransportError(`no PDU${o.match ? ' matching' : ''} within ${o.timeoutMs} ms`, 'ERR_TIMEOUT');
  }

  /**
   * Waits for the first of: a queued or arriving PDU matching one of `alts` (taken from the inbox; PDUs that match
   * none stay there), the connection ending, or silence for `timeoutMs`. Silence is an outcome, never an error.
   */
  async expectOneOf(alts: readonly PduMatch[], timeoutMs: number): Promise<ExpectOutcome> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (let i = 0; i < this.inbox.length; i++) {
        const r = this.inbox[i]!;
        const index = alts.findIndex(m => m(r.pdu, r));
        if (index >= 0) {
          this.inbox.splice(i, 1);
          return { kind: 'pdu', index, received: r };
        }
      }
      if (this.paused) {
        this.resume();
        continue;
      }
      if (this.info) return { kind: 'closed', info: this.info };
      const left = deadline - Date.now();
      if (left <= 0) return { kind: 'silence', ms: timeoutMs };
      await new Promise<void>(resolve => {
        const done = (): void => { clearTimeout(timer); this.waiters.delete(done); resolve(); };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
      });
    }
  }

  /** PDUs received and not yet taken, oldest first. */
  pending(): readonly Received[] {
    return this.inbox;
  }

  private pump(): void {
    if (this.info?.frameError) return;
    try {
      while (!this.paused) {
        const framed = this.framer.next();
        if (!framed) break;
        const pdu = decodePdu(framed.bhs, framed.ahs, framed.data);
        const r: Received = { pdu, framed, time: now() };
        this.observer?.received?.(pdu, framed);
        if (pdu.type === 'LoginResponse') this.paused = true;
        if (this.intercept(r)) continue;
        if (this.inbox.length >= INBOX_LIMIT) { this.inbox.shift(); this.dropped++; }
        this.inbox.push(r);
      }
    } catch (e) {
      if (!(e instanceof FrameError)) throw e;
      // A stream we cannot frame cannot be resynchronised: the connection is over for us.
      this.info = { reason: 'error', error: e, frameError: e.code };
      this.conn.reset();
    }
    this.wake();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
