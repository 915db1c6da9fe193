// `npm run soak`: one target process under 60 s of libiscsi load while a second client sends 10 000 malformed PDUs.
// Bounded (SOAK_SECONDS, per-tool timeouts), loopback only; stops only the processes it started, by pid.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { arbitraryPdu, encodePdu, type Pdu } from '../../harness/pdu/registry.js';
import { toWire } from '../../harness/pdu/wire.js';
import { RawClient } from '../test-support/raw-client.js';
import { summarizeCu } from './cu-summary.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const IQN = 'iqn.2026-11.org.iscsi-conformance:soak';
const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const PDUS = Number(process.env.SOAK_PDUS ?? 10_000);
const SEED = Number(process.env.SOAK_SEED ?? 20261126);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** VmRSS of a live process in KiB, undefined once it is gone. */
function rssKiB(pid: number): number | undefined {
  try { return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]); } catch { return undefined; }
}

/** Starts the target on an ephemeral loopback port; resolves with the process and its port once it listens. */
function startTarget(): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'harness/cli/bin.ts', 'target', '--listen', '127.0.0.1:0', '--iqn', IQN, '--lun', '0:ram:16MiB', '--lun', '1:ram:64MiB'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error('target did not start within 30 s')); }, 30_000);
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /iscsi:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) { clearTimeout(timer); resolve({ proc, port: Number(m[1]) }); }
      if (out.length > 1 << 16) out = out.slice(-4096); // its log keeps coming for the whole soak
    });
    proc.stderr!.on('data', () => {});
    proc.once('exit', code => { clearTimeout(timer); reject(new Error(`target exited early (${code})`)); });
  });
}

/** Runs a tool to completion (SIGKILL at the timeout); never throws. */
function tool(cmd: string, args: string[], timeoutMs: number, intAfterMs?: number): Promise<{ code: number | null; out: string }> {
  return new Promise(resolve => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (d: Buffer) => { out = (out + d.toString()).slice(-20_000); };
    p.stdout.on('data', keep);
    p.stderr.on('data', keep);
    // iscsi-perf runs until interrupted.
    const int = intAfterMs === undefined ? undefined : setTimeout(() => p.kill('SIGINT'), intAfterMs);
    const kill = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('error', e => { out += String(e); });
    p.on('close', code => { clearTimeout(kill); if (int) clearTimeout(int); resolve({ code, out }); });
  });
}

/** What the libiscsi side did: runs per tool and the failures with the tail of their output. */
interface LoadStats { runs: Record<string, number>; failures: string[] }

// Runs `step` again and again until the deadline, counting runs and recording failures.
async function loop(stats: LoadStats, name: string, deadline: number, step: () => Promise<string | undefined>): Promise<void> {
  while (Date.now() < deadline) {
    const bad = await step();
    stats.runs[name] = (stats.runs[name] ?? 0) + 1;
    // The first line says which tool and how; then the lines that name the problem (or the tail).
    const [head, ...rest] = bad?.split('\n') ?? [];
    const why = rest.filter(l => /fail|error|abort|reconnect/i.test(l));
    if (bad) stats.failures.push(`${name}: ${head} | ${(why.length ? why : rest.slice(-3)).join(' | ').slice(0, 600)}`);
  }
}

/** iscsi-perf reads in 10 s slices, and a loop of INQUIRY / READ CAPACITY(16) / WRITE(10) write+read-back tests. */
function libiscsiLoad(url: string, deadline: number): Promise<LoadStats> {
  const stats: LoadStats = { runs: {}, failures: [] };
  const perf = loop(stats, 'iscsi-perf', deadline, async () => {
    const ms = Math.max(1500, Math.min(10_000, deadline - Date.now()));
    const r = await tool('iscsi-perf', ['-m', '8', '-b', '8', url], ms + 15_000, ms);
    const ok = r.code === 0 && /iops current [1-9]/.test(r.out) && !/fail|error/i.test(r.out);
    return ok ? undefined : `iscsi-perf exit ${r.code}\n${r.out.replace(/\r/g, '\n')}`;
  });
  const tools = loop(stats, 'inq+readcapacity16+Write10.Simple', deadline, async () => {
    const inq = await tool('iscsi-inq', [url], 20_000);
    if (inq.code !== 0) return `iscsi-inq exit ${inq.code}\n${inq.out}`;
    const cap = await tool('iscsi-readcapacity16', [url], 20_000);
    if (cap.code !== 0) return `iscsi-readcapacity16 exit ${cap.code}\n${cap.out}`;
    // Write10.Simple writes blocks and reads them back; destructive, hence --dataloss on a soak-only RAM LUN.
    const cu = await tool('iscsi-test-cu', ['--dataloss', '--test', 'SCSI.Write10.Simple', url], 60_000);
    const s = summarizeCu(cu.out);
    if (cu.code !== 0 || s.run !== 1 || s.failed !== 0) return `iscsi-test-cu exit ${cu.code}, run ${s.run}, failed ${s.failed} ${s.failures.join(' ')}\n${cu.out}`;
    return undefined;
  });
  return Promise.all([perf, tools]).then(() => stats);
}

const TMF = 0x02;
const TARGET_RESETS = new Set([6, 7]); // TARGET WARM RESET, TARGET COLD RESET (RFC 7143 §11.5.1)
const LU_ADDRESSED = new Set([0x01, TMF, 0x05]); // SCSI Command, TMF, Data-Out

/**
 * One malformed PDU as it goes on the wire, confined to the fuzzer's own LUN 0: whatever these do to shared SCSI state
 * (RESERVE, MODE SELECT, writes, LUN RESET) is legitimate and must not count as a libiscsi failure on LUN 1, so their
 * LUN field is zeroed, and target-wide resets (which rightly drop every session) are left out.
 */
export function confine(p: Pdu): Buffer | undefined {
  const e = encodePdu(p);
  const op = e.bhs[0]! & 0x3f;
  if (op === TMF && TARGET_RESETS.has(e.bhs[1]! & 0x7f)) return undefined;
  if (LU_ADDRESSED.has(op)) e.bhs.fill(0, 8, 16);
  return toWire(e);
}

/** What the malformed-PDU client did. */
interface FuzzStats { sent: number; connections: number; loggedIn: number; dropped: number }

/**
 * Sends the sampled PDUs, half the connections after a normal login (so FFP handlers see them), half raw. A connection
 * the target drops is replaced; pacing spreads the PDUs over the soak so they overlap the libiscsi load throughout.
 */
async function malformedClient(port: number, pdus: Buffer[], deadline: number, targetAlive: () => boolean): Promise<FuzzStats> {
  const st: FuzzStats = { sent: 0, connections: 0, loggedIn: 0, dropped: 0 };
  let sock: net.Socket | undefined;
  const perTick = Math.max(1, Math.ceil(pdus.length / Math.max(1, (deadline - Date.now() - 5000) / 50)));
  for (let i = 0; i < pdus.length && Date.now() < deadline + 30_000 && targetAlive(); ) {
    if (!sock || sock.destroyed) {
      if (sock) st.dropped++;
      sock = await connect(port, st.connections++ % 2 === 0, st).catch(() => undefined);
      if (!sock) { await sleep(50); continue; }
    }
    for (let n = 0; n < perTick && i < pdus.length && !sock.destroyed; n++, i++) {
      sock.write(pdus[i]!);
      st.sent++;
    }
    await sleep(50);
  }
  sock?.destroy();
  return st;
}

// A socket to the target, logged in first when asked (and the login succeeds); what comes back is read and dropped.
async function connect(port: number, login: boolean, st: FuzzStats): Promise<net.Socket> {
  const c = await RawClient.connect(port);
  if (login) {
    const r = await c.login(IQN).catch(() => undefined);
    if (r && r.rsp.statusClass === 0) st.loggedIn++;
  }
  c.socket.removeAllListeners('data');
  c.socket.on('data', () => {});
  return c.socket;
}

async function main(): Promise<number> {
  if (spawnSync('iscsi-perf', []).error || spawnSync('iscsi-test-cu', ['--help']).error) {
    console.log('soak skipped: libiscsi tools (libiscsi-bin) are not installed');
    return 0;
  }
  // near-valid PDUs get past the framer into the handlers; 'any' ones exercise decode and framing errors.
  const pdus = fc.sample(fc.oneof(arbitraryPdu('near-valid'), arbitraryPdu('any')), { seed: SEED, numRuns: PDUS * 2 })
    .map(confine).filter((b): b is Buffer => !!b).slice(0, PDUS);
  const { proc, port } = await startTarget();
  const pid = proc.pid!;
  let crashes = 0;
  let exit = '';
  let stopping = false;
  proc.once('exit', (code, sig) => { if (!stopping) { crashes++; exit = `code ${code} signal ${sig}`; } });
  const alive = () => crashes === 0;
  // libiscsi on LUN 1; the malformed PDUs are confined to LUN 0.
  const url = `iscsi://127.0.0.1:${port}/${IQN}/1`;
  await sleep(1000); // let the JIT and allocator settle before the "before" figure
  const rss: number[] = [rssKiB(pid) ?? 0];
  const before = rss[0]!;
  const sampler = setInterval(() => { const r = rssKiB(pid); if (r) rss.push(r); }, 5000);
  const deadline = Date.now() + SECONDS * 1000;
  console.log(`soak: target pid ${pid} on 127.0.0.1:${port}, ${SECONDS} s, ${pdus.length} malformed PDUs (seed ${SEED})`);
  const [load, fuzz] = await Promise.all([libiscsiLoad(url, deadline), malformedClient(port, pdus, deadline, alive)]);
  clearInterval(sampler);
  await sleep(1000);
  const after = rssKiB(pid);
  if (after) rss.push(after);
  // Ours to end: SIGTERM asks initiators to log out and exits; SIGKILL if it lingers.
  if (alive()) {
    stopping = true;
    const gone = new Promise(r => proc.once('exit', r));
    proc.kill('SIGTERM');
    const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(t);
  }
  const mib = (k?: number) => (k === undefined ? 'n/a' : `${(k / 1024).toFixed(1)} MiB`);
  console.log(`RSS before ${mib(before)}, after ${mib(after)}, max ${mib(Math.max(...rss))} (${rss.length} samples: ${rss.map(k => (k / 1024).toFixed(0)).join(' ')} MiB)`);
  console.log(`malformed PDUs sent ${fuzz.sent} over ${fuzz.connections} connections (${fuzz.loggedIn} logged in, ${fuzz.dropped} dropped by the target)`);
  console.log(`libiscsi runs: ${Object.entries(load.runs).map(([k, v]) => `${k} ${v}`).join(', ')}; failures ${load.failures.length}`);
  for (const f of load.failures.slice(0, 10)) console.log(`  FAIL ${f}`);
  console.log(`target crashes: ${crashes}${exit && crashes ? ` (${exit})` : ''}`);
  const ok = crashes === 0 && load.failures.length === 0 && fuzz.sent === pdus.length;
  console.log(ok ? 'soak: ok' : 'soak: FAILED');
  return ok ? 0 : 1;
}

process.exitCode = await main();
