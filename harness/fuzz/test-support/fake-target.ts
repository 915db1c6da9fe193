// The fake session behind a loopback TCP listener (bounded: closes itself after `lifetimeMs`). A planted
// crash destroys every connection and stops listening, as a dying process would; the child-process
// variant (fake-target-main.ts) exits instead.
import net from 'node:net';
import { Framer, FrameError } from '../../pdu/framer.js';
import { encodePduBytes } from '../../pdu/registry.js';
import { FakeSession, RamLun, type FakeFault } from './fake-session.js';

/** A running fake target. */
export interface FakeTarget {
  url: string;
  port: number;
  /** True once a planted crash fired. */
  readonly crashed: boolean;
  close(): Promise<void>;
}

/**
 * Starts a fake target on 127.0.0.1 (an ephemeral port unless `port`: a restarted target comes back where it was).
 * `loginDelayMs` holds each Login Response back, as istgt does (about 1 s per login).
 */
export async function startFakeTarget(o: { faults?: FakeFault[]; lifetimeMs?: number; onCrash?: () => void; port?: number; loginDelayMs?: number } = {}): Promise<FakeTarget> {
  const lun = new RamLun();
  const faults = new Set(o.faults ?? []);
  const sockets = new Set<net.Socket>();
  let crashed = false;
  const server = net.createServer(sock => {
    sockets.add(sock);
    sock.setNoDelay(true);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => {});
    const framer = new Framer();
    const session = new FakeSession(lun, faults);
    sock.on('data', chunk => {
      let pdus;
      try { pdus = framer.push(chunk); } catch (e) { if (e instanceof FrameError) { sock.destroy(); return; } throw e; }
      const out: Buffer[] = [];
      for (const f of pdus) {
        const a = session.handleFramed(f);
        if (a.crash) { crashed = true; for (const s of sockets) s.resetAndDestroy(); server.close(); o.onCrash?.(); return; }
        for (const r of a.reply) out.push(encodePduBytes(r));
        if (a.close) { if (out.length) sock.end(Buffer.concat(out)); else sock.end(); return; }
      }
      // One write per batch of replies (PERF-NOTES: batching writes is the main lever).
      if (!out.length) return;
      const bytes = out.length === 1 ? out[0]! : Buffer.concat(out);
      if (o.loginDelayMs && pdus.some(f => (f.bhs[0]! & 0x3f) === 0x03)) setTimeout(() => { if (!sock.destroyed) sock.write(bytes); }, o.loginDelayMs);
      else sock.write(bytes);
    });
  });
  await new Promise<void>(r => server.listen(o.port ?? 0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const life = setTimeout(() => void close(), o.lifetimeMs ?? 120_000);
  life.unref();
  async function close(): Promise<void> {
    clearTimeout(life);
    for (const s of sockets) s.destroy();
    await new Promise<void>(r => server.close(() => r()));
  }
  return { url: `iscsi://127.0.0.1:${port}/iqn.2026-11.test:fake/0`, port, get crashed() { return crashed; }, close };
}
