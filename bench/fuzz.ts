// Fuzz throughput: PDUs/s against the reference target in another process over TCP (batches of generated PDUs in
// one write on a logged-in session), in-process without sockets (generate + encode + the target's framer,
// decode, dispatch and reply encoding on a stand-in socket), beside raw Node TCP ping-pong and batched echo
// on this machine (the ceilings).
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { Framer } from '../harness/pdu/framer.js';
import { ScriptConnection } from '../harness/script/connection.js';
import { login } from '../harness/script/login.js';
import { parseUrl } from '../harness/initiator/url.js';
import { bundledTargetCommand, spawnTarget } from '../harness/fuzz/target-process.js';
import { drawBatch, encodeBatch } from './fuzz-batch.js';
import type { BenchRow } from './types.js';

const BATCH = 64;

/** Raw Node TCP against an echo server in a child process: one 48-byte message in flight, and batches of 64. */
async function tcpCeiling(seconds: number): Promise<{ pingPong: number; batched: number }> {
  const server = spawn(process.execPath, ['-e', `const s=require('net').createServer(c=>{c.setNoDelay(true);c.on('data',d=>c.write(d))}).listen(0,'127.0.0.1',()=>console.log(s.address().port));setTimeout(()=>process.exit(0),${(seconds * 2 + 10) * 1000})`], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>(r => server.stdout!.once('data', d => r(Number(String(d).trim()))));
    const net = await import('node:net');
    const sock = net.connect({ host: '127.0.0.1', port, noDelay: true });
    await new Promise(r => sock.once('connect', r));
    const run = async (per: number): Promise<number> => {
      const msg = Buffer.alloc(48 * per, 1);
      let got = 0, sent = 0;
      const end = performance.now() + seconds * 1000, t0 = performance.now();
      await new Promise<void>(resolve => {
        const onData = (d: Buffer) => { got += d.length; if (got >= sent) next(); };
        const next = () => { if (performance.now() >= end) { sock.off('data', onData); resolve(); return; } sent += msg.length; sock.write(msg); };
        sock.on('data', onData);
        next();
      });
      return got / 48 / ((performance.now() - t0) / 1000);
    };
    const pingPong = await run(1), batched = await run(BATCH);
    sock.destroy();
    return { pingPong, batched };
  } finally { server.kill('SIGKILL'); }
}

/** PDUs/s to the reference target in its own process: login once, then batches of 64 answered PDUs per write. */
async function overTcp(seconds: number): Promise<number> {
  const target = await spawnTarget(bundledTargetCommand());
  try {
    const u = parseUrl(target.url);
    const c = await ScriptConnection.open({ host: u.host, port: u.port });
    const l = await login(c, { initiatorName: 'iqn.2026-11.org.iscsi-conformance:bench', targetName: u.target! }, { timeoutMs: 5000 });
    if (!l.ok) throw new Error(`bench login failed: ${l.problem}`);
    // Clear the power-on UNIT ATTENTION so every TUR is answered the same way.
    let itt = 0x1000, sent = 0, seed = 1;
    const t0 = performance.now(), end = t0 + seconds * 1000;
    while (performance.now() < end) {
      const buf = encodeBatch(drawBatch(seed++, BATCH), itt, c.cmdSN, c.expStatSN);
      itt += BATCH;
      if (!(await c.sendBytes(buf))) throw new Error('target closed the bench connection');
      for (let got = 0; got < BATCH;) {
        const r = await c.next(5000);
        if (r.kind !== 'pdu') throw new Error(`bench: ${r.kind} after ${sent + got} PDUs`);
        got++;
      }
      sent += BATCH;
    }
    const rate = sent / ((performance.now() - t0) / 1000);
    await c.close(true);
    return rate;
  } finally { await target.close(); }
}

/** A socket stand-in: the target writes into it, we count the PDUs it writes. */
class FakeSocket extends EventEmitter {
  remoteAddress = '127.0.0.1'; remotePort = 1; destroyed = false; writable = true; writableLength = 0;
  private readonly framer = new Framer();
  answered = 0;
  setNoDelay(): this { return this; } setTimeout(): this { return this; } cork(): void {} uncork(): void {}
  isPaused(): boolean { return false; } pause(): this { return this; } resume(): this { return this; }
  write(b: Buffer): boolean { this.answered += this.framer.push(b).length; return true; }
  end(): this { this.destroyed = true; this.emit('close'); return this; }
  destroy(): this { return this.end(); }
}

/** PDUs/s through the reference target's connection, framer, dispatch and handlers with no socket at all. */
async function inProcess(seconds: number): Promise<number> {
  const [{ parseTargetConfig }, { TargetContext }, { FaultSet }, { silentLogger }, { Connection }, { dispatch }, { createScsiDevice }, { encodePduBytes, makePdu }, { encodeText }] = await Promise.all([
    import('../reference-target/config.js'), import('../reference-target/context.js'), import('../reference-target/faults/define.js'),
    import('../reference-target/log.js'), import('../reference-target/connection.js'), import('../reference-target/dispatch.js'),
    import('../reference-target/scsi/index.js'), import('../harness/pdu/registry.js'), import('../harness/text/codec.js'),
  ]);
  const config = parseTargetConfig({ port: 0 });
  const device = await createScsiDevice(config.luns, {});
  const ctx = new TargetContext(config, device, silentLogger, new FaultSet([]), () => {});
  const sock = new FakeSocket();
  new Connection(ctx, sock as never, dispatch);
  const settle = async (want: number) => { for (let i = 0; i < 10_000 && sock.answered < want; i++) await new Promise(r => setImmediate(r)); };
  const keys = [['InitiatorName', 'iqn.2026-11.org.iscsi-conformance:bench'], ['SessionType', 'Normal'], ['TargetName', config.iqn], ['HeaderDigest', 'None'], ['DataDigest', 'None']].map(([key, value]) => ({ key: key!, value: value! }));
  sock.emit('data', encodePduBytes(makePdu('LoginRequest', { immediate: true, transit: true, csg: 1, nsg: 3, isid: 0x801234567800, itt: 1, cmdSN: 1, data: encodeText(keys) })));
  await settle(1);
  let itt = 0x1000, sent = 0, seed = 1;
  const t0 = performance.now(), end = t0 + seconds * 1000;
  while (performance.now() < end) {
    sock.emit('data', encodeBatch(drawBatch(seed++, BATCH * 4), itt, 1, 1));
    itt += BATCH * 4; sent += BATCH * 4;
    await settle(1 + sent);
    if (sock.answered < 1 + sent) throw new Error(`in-process bench: ${sock.answered - 1} of ${sent} answered`);
  }
  const rate = sent / ((performance.now() - t0) / 1000);
  sock.end();
  await device.close();
  return rate;
}

/** The fuzz suite for `npm run bench`. */
export async function benchFuzz(): Promise<BenchRow[]> {
  const ceil = await tcpCeiling(1.5);
  const tcp = await overTcp(3);
  const local = await inProcess(2);
  const pp = { name: 'raw Node TCP ping-pong, 48 B, 1 in flight', value: ceil.pingPong };
  const bt = { name: `raw Node TCP echo, 48 B x ${BATCH} per write`, value: ceil.batched };
  return [
    { name: 'raw Node TCP ping-pong (1 in flight, 2 procs)', value: ceil.pingPong, unit: 'msg/s' },
    { name: `raw Node TCP echo, batches of ${BATCH} (2 procs)`, value: ceil.batched, unit: 'msg/s', ceiling: pp },
    { name: `fuzz PDUs -> reference target, TCP, batches of ${BATCH}`, value: tcp, unit: 'PDU/s', ceiling: bt, goal: 20_000 },
    { name: 'fuzz PDUs -> target dispatch, in-process, no socket', value: local, unit: 'PDU/s', goal: 200_000 },
  ];
}
