// One TCP connection: framing and digests in, a corked write queue out, StatSN, phase, timeouts, and a logged close.
import type { Socket } from 'node:net';
import { crc32c } from '../harness/pdu/crc32c.js';
import { FrameError, Framer, type FramedPdu } from '../harness/pdu/framer.js';
import { decodePdu, encodePdu, makePdu, type KnownPdu, type Pdu } from '../harness/pdu/registry.js';
import { toWireChunks } from '../harness/pdu/wire.js';
import { defaultParams, type NegotiatedParams } from '../harness/text/params.js';
import type { TargetContext } from './context.js';
import { RecoveryStore } from './ffp/recovery-store.js';
import type { LoginState } from './login/login-state.js';
import { pduLine } from './log.js';
import { snAdd } from './serial.js';
import type { Session } from './session.js';
import { RawTail } from './raw-tail.js';

/** Where a connection is in its life (RFC 7143 §8.1: login, full feature, logged out). */
export type Phase = 'login' | 'ffp' | 'closing' | 'closed';

/** Handles one decoded PDU; set by the server to the dispatcher. */
export type PduHandler = (conn: Connection, pdu: Pdu, framed: FramedPdu) => void;

/** Stop reading while this many bytes wait in the socket (a slow reader cannot make us buffer without bound). */
const WRITE_HIGH_WATER = 8 * 1024 * 1024;
let nextConnId = 1;

/** A connection and everything that is per connection: CID, StatSN, digests, MaxRecvDataSegmentLength. */
export class Connection {
  readonly id = nextConnId++;
  phase: Phase = 'login';
  session: Session | undefined;
  cid = 0;
  statSN = 0;
  expStatSN = 0;
  /** Values in force on this connection (session-wide ones copied from the session at login). */
  params: NegotiatedParams = defaultParams();
  login: LoginState | undefined;
  /** ExpCmdSN to report before a session exists (the login's CmdSN, §11.13). */
  loginExpCmdSN = 0;
  /** Outstanding target NOP-In ping (TTT), if any. */
  pingTtt: number | undefined;
  hung = false;
  /** What SNACK can ask for again; only at operational ErrorRecoveryLevel >= 1 (§7.1.5, §11.16). */
  recovery: RecoveryStore | undefined;
  private readonly framer: Framer;
  private readonly tail = new RawTail();
  private out: Buffer[] = [];
  private flushQueued = false;
  private digests = { headerDigest: false, dataDigest: false };
  private timers: NodeJS.Timeout[] = [];
  private lastRx = Date.now();
  /** Header digest errors in a row (ERL >= 1 discards them; two in a row mean we lost the PDU boundaries). */
  private headerDigestErrors = 0;

  constructor(readonly ctx: TargetContext, readonly socket: Socket, private readonly handler: PduHandler) {
    this.framer = new Framer({ maxDataSegmentLength: ctx.config.limits.maxRecvDataSegmentLength, onDigestError: 'mark' });
    socket.setNoDelay(true);
    socket.on('data', c => this.onData(c));
    socket.on('error', e => this.close(`socket error: ${e.message}`));
    socket.on('close', () => this.close('peer closed the connection'));
    const l = ctx.config.limits;
    this.timer(setTimeout(() => { if (this.phase === 'login') this.close(`login not finished within ${l.loginTimeoutMs} ms`); }, l.loginTimeoutMs));
  }

  /** Who is on the other end, for logs. */
  get peer(): string {
    return `${this.socket.remoteAddress}:${this.socket.remotePort}`;
  }

  /** The initiator's MaxRecvDataSegmentLength: the largest data segment we may send (§13.12). */
  get sendLimit(): number {
    return this.params.maxRecvDataSegmentLength.initiator;
  }

  /** The operational ErrorRecoveryLevel (§13.20; always 0 for Discovery, §7.4.1). */
  get erl(): number {
    return this.phase === 'login' ? 0 : this.params.errorRecoveryLevel;
  }

  /** ExpCmdSN and MaxCmdSN to put into a response now. */
  numbers(): { expCmdSN: number; maxCmdSN: number } {
    if (this.session) return { expCmdSN: this.session.window.expCmdSN, maxCmdSN: this.session.window.maxCmdSN };
    const exp = this.loginExpCmdSN;
    return { expCmdSN: exp, maxCmdSN: this.ctx.faults.apply('maxCmdSN', snAdd(exp, this.ctx.config.limits.cmdWindow - 1), exp) };
  }

  /**
   * Numbers, encodes and queues a PDU. `status` says it carries status and so takes the next StatSN
   * (§4.2.2.2); other PDUs repeat the current StatSN.
   */
  send(pdu: KnownPdu, status: boolean): void {
    if (this.phase === 'closed') return;
    const p = pdu as KnownPdu & { statSN?: number; expCmdSN?: number; maxCmdSN?: number };
    let numbered: number | undefined;
    if ('statSN' in p) {
      p.statSN = this.statSN;
      if (status) numbered = this.statSN;
      if (status && this.ctx.faults.apply('statSNAdvance', true)) this.statSN = snAdd(this.statSN, 1);
    }
    if ('expCmdSN' in p) Object.assign(p, this.numbers());
    const final = this.ctx.faults.apply('send', pdu, { status, sendLimit: this.sendLimit });
    if (!final) return;
    this.recovery?.sent(final, numbered);
    this.queue(final);
  }

  /**
   * Sends a PDU again as an exact replica, StatSN included, with only ExpCmdSN and MaxCmdSN brought up to date
   * (§11.16: what a Status or Data SNACK asks for); it takes no new StatSN.
   */
  resend(pdu: KnownPdu): void {
    if (this.phase === 'closed') return;
    const copy = { ...pdu } as KnownPdu;
    if ('expCmdSN' in copy) Object.assign(copy, this.numbers());
    this.queue(copy);
  }

  private queue(final: KnownPdu): void {
    this.ctx.log.pdu?.(pduLine('->', this.id, final));
    const { bhs, ahs, data } = encodePdu(final);
    for (const b of toWireChunks({ bhs, ahs, data }, this.digests)) this.out.push(b);
    // Flushed after this event-loop turn, not per microtask: every response to the commands of one received chunk
    // then leaves in one gathering write (at QD32 that write was 26% of the target's CPU, one per response).
    if (!this.flushQueued) { this.flushQueued = true; setImmediate(() => this.flush()); }
  }

  /** Switches digests in both directions, for every PDU after the final login response (§13.1). */
  setDigests(header: boolean, data: boolean): void {
    this.digests = { headerDigest: header, dataDigest: data };
    this.framer.setDigests({ header, data });
  }

  /** Enters Full Feature Phase: our MaxRecvDataSegmentLength bounds what we accept; idle timers start. */
  enterFullFeature(): void {
    this.phase = 'ffp';
    this.framer.setLimits({ maxDataSegmentLength: this.params.maxRecvDataSegmentLength.target });
    const l = this.ctx.config.limits;
    if (l.idleTimeoutMs > 0) {
      this.socket.setTimeout(l.idleTimeoutMs, () => this.close(`idle for ${l.idleTimeoutMs} ms`));
    }
    if (l.nopInIntervalMs > 0) this.timer(setInterval(() => this.idlePing(), l.nopInIntervalMs));
    if (this.erl >= 1) {
      this.recovery = new RecoveryStore({ maxResponses: l.maxHeldResponses, maxReads: l.maxHeldReads, maxReadBytes: l.maxHeldReadBytes }, this.statSN);
    }
  }

  /** Closes once everything queued is written (after a Logout Response or a login failure). */
  closeAfterFlush(reason: string): void {
    if (this.phase === 'closed') return;
    this.phase = 'closing';
    setImmediate(() => this.close(reason));
  }

  /** Closes the connection, logging why; the session loses it (and ends with its last one). */
  close(reason: string): void {
    if (this.phase === 'closed') return;
    this.phase = 'closed';
    for (const t of this.timers) clearTimeout(t);
    this.ctx.log.info(`c${this.id} ${this.peer} closed: ${reason}`);
    this.flush();
    this.socket.end();
    const kill = setTimeout(() => this.socket.destroy(), 2000);
    kill.unref();
    this.socket.once('close', () => clearTimeout(kill));
    this.ctx.connections.delete(this);
    const s = this.session;
    this.session = undefined;
    s?.detach(this);
  }

  // Read through a method so the compiler does not narrow `phase` across handler calls that change it.
  private stopped(): boolean {
    return this.phase === 'closed' || this.phase === 'closing' || this.hung;
  }

  private timer(t: NodeJS.Timeout): void {
    t.unref();
    this.timers.push(t);
  }

  private flush(): void {
    this.flushQueued = false;
    if (!this.out.length || this.socket.destroyed || !this.socket.writable) { this.out = []; return; }
    this.socket.cork();
    for (const b of this.out) this.socket.write(b);
    this.out = [];
    this.socket.uncork();
    if (this.socket.writableLength > WRITE_HIGH_WATER && !this.socket.isPaused()) {
      this.socket.pause();
      this.socket.once('drain', () => { if (!this.hung) this.socket.resume(); });
    }
  }

  private onData(chunk: Buffer): void {
    if (this.hung || this.phase === 'closed' || this.phase === 'closing') return;
    this.lastRx = Date.now();
    this.tail.push(chunk);
    this.framer.write(chunk);
    try {
      for (let f = this.framer.next(); f; f = this.stopped() ? null : this.framer.next()) {
        this.tail.consumedTo(this.framer.position);
        this.receive(f);
      }
    } catch (e) {
      if (e instanceof FrameError) this.onFrameError(e);
      else this.close(`internal error while framing: ${(e as Error).stack ?? e}`);
    }
  }

  // A length the framer refused (§7.6, §13.12): answer with a Reject carrying the header, then drop the connection,
  // since the stream cannot be resynchronised without reading the refused bytes.
  private onFrameError(e: FrameError): void {
    const bhs = this.tail.peek(this.framer.position, 48);
    if (bhs && this.phase === 'ffp') this.sendRejectFor(bhs, 0x04);
    this.close(`framing error ${e.code}: ${e.message}`);
  }

  private receive(f: FramedPdu): void {
    try {
      if (f.digestOk === false) return this.onDigestError(f);
      this.headerDigestErrors = 0;
      const pdu = decodePdu(f.bhs, f.ahs, f.data);
      const act = this.ctx.faults.apply('receive', undefined, pdu);
      if (act === 'crash') return this.ctx.crash(`fault: crash on ${pdu.type}`);
      if (act === 'hang') { this.hung = true; return; }
      this.ctx.log.pdu?.(pduLine('<-', this.id, pdu));
      this.handler(this, pdu, f);
    } catch (e) {
      this.close(`internal error handling PDU #${f.index}: ${(e as Error).stack ?? e}`);
    }
  }

  // §7.8: a bad header digest means no field can be trusted. At ERL 0 the connection goes. At ERL >= 1 ("digest
  // failure recovery", §7.1.5) the PDU is discarded and the initiator recovers it (retry, SNACK-driven status); we
  // have no sync-and-steering layer, so we trust the length this once and close if the next header is bad too,
  // since that means the length was the corrupted field. A bad data digest discards the PDU with Reject reason 0x02;
  // at ERL >= 1 a Data-Out's (trusted) header still goes to its task, which then ends with CHECK CONDITION (§7.8 b).
  private onDigestError(f: FramedPdu): void {
    const header = Buffer.concat([f.bhs, f.ahs]);
    if (f.headerDigest && crc32c(header) !== f.headerDigest.readUInt32LE(0)) {
      if (this.erl < 1 || this.phase !== 'ffp') return this.close('header digest error');
      if (++this.headerDigestErrors > 1) return this.close('header digest errors on two PDUs in a row: PDU boundaries lost (§7.8)');
      this.ctx.log.warn(`c${this.id} header digest error in PDU #${f.index}; discarded (§7.8)`);
      return;
    }
    this.headerDigestErrors = 0;
    this.ctx.log.warn(`c${this.id} data digest error in PDU #${f.index}; rejected`);
    this.sendRejectFor(f.bhs, 0x02);
    if (this.erl < 1 || this.phase !== 'ffp') return;
    const pdu = decodePdu(f.bhs, f.ahs, f.data);
    if (pdu.type === 'DataOut') this.handler(this, pdu, f);
  }

  /** Sends a Reject (§11.17) carrying the rejected PDU's 48-byte header; Reject takes a StatSN. */
  sendRejectFor(bhs: Buffer, reason: number, dataSNOrR2TSN = 0): void {
    this.send(makePdu('Reject', {
      final: true, reason, itt: 0xffffffff, statSN: 0, expCmdSN: 0, maxCmdSN: 0, dataSNOrR2TSN,
      ahs: [], data: Buffer.from(bhs.subarray(0, 48)),
    }), true);
  }

  // No pings in a Discovery session: the NOP-Out answering one is a request §4.3 makes us reject.
  private idlePing(): void {
    if (this.phase !== 'ffp' || this.pingTtt !== undefined) return;
    if (Date.now() - this.lastRx < this.ctx.config.limits.nopInIntervalMs || !this.session || this.session.type === 'Discovery') return;
    this.pingTtt = this.session.newTtt();
    this.send(makePdu('NopIn', { final: true, lun: 0n, itt: 0xffffffff, ttt: this.pingTtt, statSN: 0, expCmdSN: 0, maxCmdSN: 0, ahs: [], data: Buffer.alloc(0) }), false);
  }
}
