// TCP transport: deadlines on reads, peer FIN and RST, refused connects, local close, tap sees both directions.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Connection, type WireTap } from './tcp.js';

const servers: net.Server[] = [];
const conns: Connection[] = [];
afterEach(async () => {
  await Promise.all(conns.splice(0).map(c => c.close(100)));
  await Promise.all(servers.splice(0).map(s => new Promise(r => s.close(r))));
});

/** A loopback server that hands each accepted socket to `onSocket`; closes with the test. */
async function serve(onSocket: (s: net.Socket) => void): Promise<number> {
  const srv = net.createServer(s => { s.on('error', () => {}); onSocket(s); });
  servers.push(srv);
  await new Promise<void>(r => srv.listen(0, '127.0.0.1', r));
  const held = new Set<net.Socket>();
  srv.on('connection', s => { held.add(s); s.on('close', () => held.delete(s)); });
  srv.on('close', () => { for (const s of held) s.destroy(); });
  const close = srv.close.bind(srv);
  srv.close = (cb?: (err?: Error) => void) => { for (const s of held) s.destroy(); return close(cb); };
  return (srv.address() as net.AddressInfo).port;
}

const open = async (port: number, tap?: WireTap): Promise<Connection> => {
  const c = await connect('127.0.0.1', port, { timeoutMs: 1000, ...(tap && { tap }) });
  conns.push(c);
  return c;
};

describe('tcp connection', () => {
  it('a peer that accepts and never answers gives a timeout, not a hang', async () => {
    const port = await serve(() => {});
    const c = await open(port);
    const t0 = Date.now();
    expect(await c.readChunk(150)).toEqual({ kind: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('echoes data and reports the peer FIN', async () => {
    const port = await serve(s => s.once('data', d => s.end(d)));
    const c = await open(port);
    await c.write(Buffer.from('ping'));
    const r = await c.readChunk(1000);
    expect(r.kind === 'data' && r.data.toString()).toBe('ping');
    expect(await c.readChunk(1000)).toEqual({ kind: 'closed', info: { reason: 'fin' } });
    expect((await c.closed).reason).toBe('fin');
    await expect(c.write(Buffer.from('x'))).rejects.toMatchObject({ code: 'ERR_CLOSED' });
  });

  it('reports a reset', async () => {
    const port = await serve(s => s.once('data', () => s.resetAndDestroy()));
    const c = await open(port);
    await c.write(Buffer.from('x'));
    const r = await c.readChunk(1000);
    expect(r.kind).toBe('closed');
    expect((await c.closed).reason).toBe('reset');
  });

  it('a refused connect is TargetUnreachable', async () => {
    const port = await serve(() => {});
    await new Promise(r => servers.pop()!.close(r));
    await expect(connect('127.0.0.1', port, { timeoutMs: 1000 })).rejects.toMatchObject({ code: 'ERR_TARGET_UNREACHABLE' });
  });

  it('local close resolves as local, even against a peer that never closes its side', async () => {
    const port = await serve(() => {});
    const c = await open(port);
    expect(await c.close(100)).toMatchObject({ reason: 'local' });
    expect(c.isClosed).toBe(true);
  });

  it('push mode delivers buffered and later chunks; the tap sees both directions', async () => {
    const seen: string[] = [];
    const tap: WireTap = { opened: () => seen.push('open'), data: (d, b) => seen.push(`${d}:${b}`), closed: i => seen.push(`closed:${i.reason}`) };
    const port = await serve(s => s.on('data', d => s.write(d)));
    const c = await open(port, tap);
    await c.write(Buffer.from('a'));
    const got: string[] = [];
    await new Promise<void>(r => { c.onData(d => { got.push(d.toString()); r(); }); });
    await c.close(100);
    expect(got.join('')).toBe('a');
    expect(seen).toEqual(['open', 'out:a', 'in:a', 'closed:local']);
  });
});
