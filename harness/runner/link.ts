// One TCP connection to the target for a case: PDUs out, a queue of events in (PDU, closed,
// silence), every byte seen by observers (trace, pcap, passive checker). Transport faults inside
// a case become a `closed` event (STYLE.md "Errors"), never an exception.
import { Socket, connect as tcpConnect } from 'node:net';
import { TransportError } from '../errors.js';
import { Framer, type FramedPdu } from '../pdu/framer.js';
import { decodePdu, encodePdu, type LengthOverrides, type Pdu } from '../pdu/registry.js';
import { toWire } from '../pdu/wire.js';

/** What arrives on a link. */
export type LinkEvent =
  | { kind: 'pdu'; pdu: Pdu; framed: FramedPdu }
  | { kind: 'closed'; reason: string }
  | { kind: 'silence'; ms: number };

/** Hooks that see every PDU both ways (same shape as the initiator's observer). */
export interface LinkObserver {
  sent?(pdu: Pdu | undefined, wire: Buffer): void;
  received?(pdu: Pdu, framed: FramedPdu, wire: Buffer): void;
  closed?(reason: string): void;
}

/** Where to connect. */
export interface Endpoint { host: string; port: number }

/** Opens a TCP connection within `deadlineMs`; refuses or times out with a TransportError. */
export function openLink(ep: Endpoint, deadlineMs: number, observer: LinkObserver = {}): Promise<Link> {
  return new Promise((resolve, reject) => {
    const sock = tcpConnect({ host: ep.host, port: ep.port, noDelay: true });
    const timer = setTimeout(() => { sock.destroy(); reject(new TransportError(`no TCP connection to ${ep.host}:${ep.port} within ${deadlineMs} ms`, 'ERR_CONNECT_TIMEOUT')); }, deadlineMs);
    sock.once('connect', () => { clearTimeout(timer); sock.removeAllListeners('error'); resolve(new Link(sock, observer)); });
    sock.once('error', e => { clearTimeout(timer); sock.destroy(); reject(new TransportError(`cannot connect to ${ep.host}:${ep.port}: ${(e as NodeJS.ErrnoException).code ?? e.message}`, 'ERR_CONNECT')); });
  });
}

/** An open connection; `next` waits for the next event with a bound on the wait. */
export class Link {
  private readonly framer = new Framer();
  private readonly queue: LinkEvent[] = [];
  private waiter: ((e: LinkEvent) => void) | undefined;
  private closeReason: string | undefined;

  constructor(private readonly sock: Socket, private readonly observer: LinkObserver) {
    sock.on('data', chunk => this.onData(chunk));
    sock.on('error', e => this.onClosed(`connection error: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
    sock.on('end', () => this.onClosed('closed by target (FIN)'));
    sock.on('close', () => this.onClosed('connection closed'));
  }

  /** True once the connection is gone (either side). */
  get isClosed(): boolean { return this.closeReason !== undefined; }

  /** Local and remote ports, for the pcap recorder. */
  get ports(): { local: number; remote: number } { return { local: this.sock.localPort ?? 0, remote: this.sock.remotePort ?? 0 }; }

  /** Sends a PDU exactly as given (bad fields included); lengths may lie on purpose. */
  send(pdu: Pdu, lengths: LengthOverrides = {}): void {
    const parts = encodePdu(pdu, lengths);
    const wire = toWire(parts);
    this.observer.sent?.(pdu, wire);
    if (!this.isClosed) this.sock.write(wire);
  }

  /** Sends raw bytes (a broken PDU the codec would not build). */
  sendRaw(bytes: Buffer): void {
    this.observer.sent?.(undefined, bytes);
    if (!this.isClosed) this.sock.write(bytes);
  }

  /** The next event, or `silence` after `waitMs` with nothing received. */
  next(waitMs: number): Promise<LinkEvent> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closeReason !== undefined) return Promise.resolve({ kind: 'closed', reason: this.closeReason });
    return new Promise(resolve => {
      const timer = setTimeout(() => { this.waiter = undefined; resolve({ kind: 'silence', ms: waitMs }); }, Math.max(0, waitMs));
      this.waiter = e => { clearTimeout(timer); this.waiter = undefined; resolve(e); };
    });
  }

  /** Closes the socket at once (RST semantics are not needed: the case is over). */
  close(reason = 'closed by the harness'): void {
    if (this.closeReason === undefined) this.closeReason = reason;
    this.sock.destroy();
  }

  private push(e: LinkEvent): void {
    if (this.waiter) this.waiter(e); else this.queue.push(e);
  }

  private onData(chunk: Buffer): void {
    let framed: FramedPdu[];
    try { framed = this.framer.push(chunk); } catch (e) {
      for (const f of (e as { framed?: FramedPdu[] }).framed ?? []) this.deliver(f);
      this.onClosed(`unframeable bytes from target: ${(e as Error).message}`);
      this.sock.destroy();
      return;
    }
    for (const f of framed) this.deliver(f);
  }

  private deliver(f: FramedPdu): void {
    const pdu = decodePdu(f.bhs, f.ahs, f.data);
    const wire = Buffer.concat([f.bhs, f.ahs, f.headerDigest ?? Buffer.alloc(0), f.data, f.pad, f.dataDigest ?? Buffer.alloc(0)]);
    this.observer.received?.(pdu, f, wire);
    this.push({ kind: 'pdu', pdu, framed: f });
  }

  private onClosed(reason: string): void {
    if (this.closeReason !== undefined && reason === 'connection closed') { this.finishClose(); return; }
    if (this.closeReason === undefined) this.closeReason = reason;
    this.finishClose();
  }

  private closedReported = false;
  private finishClose(): void {
    if (this.closedReported) return;
    this.closedReported = true;
    this.observer.closed?.(this.closeReason!);
    this.push({ kind: 'closed', reason: this.closeReason! });
  }
}
