// A TCP connection where every wait has a deadline: connect, read, write and close never hang.
import net from 'node:net';
import { TargetUnreachable, TransportError } from '../errors.js';

/** Why a connection ended: the peer's FIN, the peer's RST, our close(), or a socket error. */
export interface CloseInfo {
  reason: 'fin' | 'reset' | 'local' | 'error';
  error?: Error;
}

/** What one read gives: bytes, the end of the connection, or nothing before the deadline. */
export type ReadResult =
  | { kind: 'data'; data: Buffer }
  | { kind: 'closed'; info: CloseInfo }
  | { kind: 'timeout' };

/** Both endpoints of a connection, for recorders and reports. */
export interface Endpoints {
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
}

/** Sees every byte in both directions with the time it passed (the pcap recorder is one). */
export interface WireTap {
  opened(ends: Endpoints, time: number): void;
  data(dir: 'out' | 'in', bytes: Buffer, time: number): void;
  closed(info: CloseInfo, time: number): void;
}

/** Options for `connect`. */
export interface ConnectOptions {
  /** Deadline for the TCP handshake; default 5000 ms. */
  timeoutMs?: number;
  tap?: WireTap;
}

/** Wall-clock time in seconds with sub-millisecond resolution, for capture timestamps. */
export const now = (): number => (performance.timeOrigin + performance.now()) / 1000;

/** One open TCP connection. Reads are pulled with a deadline, or pushed to an `onData` listener. */
export interface Connection {
  readonly endpoints: Endpoints;
  /** Resolves once the bytes are handed to the kernel; rejects with TransportError on a dead socket or timeout. */
  write(buf: Buffer, timeoutMs?: number): Promise<void>;
  /** The next chunk of received bytes, the close, or `timeout` after `timeoutMs`. */
  readChunk(timeoutMs: number): Promise<ReadResult>;
  /** Switches to push mode: every chunk (and chunks already buffered) goes to `fn`. */
  onData(fn: (data: Buffer) => void): void;
  /** Closes with FIN, then destroys after `graceMs` if the peer does not finish; resolves when closed. */
  close(graceMs?: number): Promise<CloseInfo>;
  /** Drops the connection at once with RST (for fuzzing and error cases). */
  reset(): void;
  /** Settles (never rejects) when the connection has ended, with why. */
  readonly closed: Promise<CloseInfo>;
  readonly isClosed: boolean;
}

/** Opens a TCP connection with a deadline; TargetUnreachable when refused or not answered in time. */
export function connect(host: string, port: number, opts: ConnectOptions = {}): Promise<Connection> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host, port, noDelay: true });
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new TargetUnreachable(`no TCP connection to ${host}:${port} within ${timeoutMs} ms`));
    }, timeoutMs);
    sock.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new TargetUnreachable(`cannot connect to ${host}:${port}: ${e.code ?? e.message}`));
    });
    sock.once('connect', () => {
      clearTimeout(timer);
      sock.removeAllListeners('error');
      resolve(new TcpConnection(sock, opts.tap));
    });
  });
}

/** Wraps an accepted or connected socket (servers in tests use this too). */
export function wrapSocket(sock: net.Socket, tap?: WireTap): Connection {
  return new TcpConnection(sock, tap);
}

class TcpConnection implements Connection {
  readonly endpoints: Endpoints;
  readonly closed: Promise<CloseInfo>;
  private queue: Buffer[] = [];
  private listener: ((d: Buffer) => void) | null = null;
  private waiter: (() => void) | null = null;
  private info: CloseInfo | null = null;
  private settle!: (i: CloseInfo) => void;
  private localClose = false;

  constructor(private readonly sock: net.Socket, private readonly tap?: WireTap) {
    this.endpoints = {
      localAddress: sock.localAddress ?? '', localPort: sock.localPort ?? 0,
      remoteAddress: sock.remoteAddress ?? '', remotePort: sock.remotePort ?? 0,
    };
    this.closed = new Promise(r => { this.settle = r; });
    tap?.opened(this.endpoints, now());
    sock.on('data', (d: Buffer) => {
      tap?.data('in', d, now());
      if (this.listener) this.listener(d);
      else this.queue.push(d);
      this.wake();
    });
    let error: Error | undefined;
    sock.on('error', (e: NodeJS.ErrnoException) => { error = e; });
    // 'end' is the peer's FIN; we finish our side so the socket closes instead of staying half-open.
    sock.on('end', () => { if (!this.localClose) sock.end(); });
    sock.on('close', () => {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      const info: CloseInfo = this.localClose && !error ? { reason: 'local' }
        : code === 'ECONNRESET' || code === 'EPIPE' ? { reason: 'reset', error: error! }
          : error ? { reason: 'error', error } : { reason: this.localClose ? 'local' : 'fin' };
      this.finish(info);
    });
  }

  get isClosed(): boolean {
    return this.info !== null;
  }

  write(buf: Buffer, timeoutMs = 5000): Promise<void> {
    if (this.info || this.sock.destroyed || this.sock.writableEnded)
      return Promise.reject(new TransportError(`cannot write: connection ${this.info ? `closed (${this.info.reason})` : 'closing'}`, 'ERR_CLOSED'));
    this.tap?.data('out', buf, now());
    return new Promise((resolve, reject) => {
      // The write callback only fires once the kernel took the bytes; a peer that stops reading would
      // otherwise keep us waiting forever.
      const timer = setTimeout(() => reject(new TransportError(`write of ${buf.length} bytes not accepted within ${timeoutMs} ms`, 'ERR_TIMEOUT')), timeoutMs);
      this.sock.write(buf, e => {
        clearTimeout(timer);
        if (e) reject(new TransportError(`write failed: ${e.message}`, 'ERR_CLOSED'));
        else resolve();
      });
    });
  }

  readChunk(timeoutMs: number): Promise<ReadResult> {
    const take = (): ReadResult | null => {
      const d = this.queue.shift();
      if (d) return { kind: 'data', data: d };
      return this.info ? { kind: 'closed', info: this.info } : null;
    };
    const ready = take();
    if (ready) return Promise.resolve(ready);
    if (this.waiter) return Promise.reject(new TransportError('readChunk called while another read is waiting', 'ERR_CONCURRENT_READ'));
    return new Promise(resolve => {
      const timer = setTimeout(() => { this.waiter = null; resolve({ kind: 'timeout' }); }, Math.max(0, timeoutMs));
      this.waiter = () => { clearTimeout(timer); this.waiter = null; resolve(take()!); };
    });
  }

  onData(fn: (d: Buffer) => void): void {
    this.listener = fn;
    for (const d of this.queue.splice(0)) fn(d);
  }

  close(graceMs = 1000): Promise<CloseInfo> {
    if (!this.info) {
      this.localClose = true;
      this.sock.end();
      const timer = setTimeout(() => this.sock.destroy(), graceMs);
      void this.closed.then(() => clearTimeout(timer));
    }
    return this.closed;
  }

  reset(): void {
    if (this.info) return;
    this.localClose = true;
    this.sock.resetAndDestroy();
  }

  private wake(): void {
    this.waiter?.();
  }

  private finish(info: CloseInfo): void {
    if (this.info) return;
    this.info = info;
    this.tap?.closed(info, now());
    this.settle(info);
    this.wake();
  }
}
