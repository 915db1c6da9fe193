// Reference target vs tgtd under libiscsi's iscsi-perf: same LUN file size in /dev/shm, same CPU placement, one run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// ../shared sits beside the repo (DEVELOPERS.md); CI gets a copy of it there too.
const TGTD_SH = fileURLToPath(new URL('../../shared/targets/tgtd.sh', import.meta.url));
const REF_PORT = 3389;
const TGT_PORT = 3289;
const TGT_CTL = 9;
const SIZE_MIB = 256;
const SECONDS = Number(process.env.TARGET_PERF_SECONDS ?? 5);
// PERF-NOTES: QD32 is fastest with initiator and target apart, so each side gets a CPU of its own, for both targets.
const TARGET_CPU = '0';
const INITIATOR_CPU = '1';
/** Printed beside the figures so a reader knows what the ratios were measured under. */
export const PLACEMENT = `target on CPU ${TARGET_CPU}, iscsi-perf on CPU ${INITIATOR_CPU} (taskset), LUN files in /dev/shm`;

/** One iscsi-perf workload: blocks of 512 B per request and requests in flight. */
interface Workload { name: string; blocks: number; qd: number; goal?: number }
const WORKLOADS: Workload[] = [
  { name: '4 KiB reads QD1', blocks: 8, qd: 1 },
  { name: '4 KiB reads QD32', blocks: 8, qd: 32, goal: 1 },
  { name: '1 MiB reads QD8', blocks: 2048, qd: 8 },
];

/** IOPS and MiB/s of one run (iscsi-perf labels MiB/s "MB/s"), and the target's CPU time per I/O (load-proof). */
export interface PerfResult { iops: number; mbps: number; cpuUsPerIo?: number }

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const TICK_US = 1e6 / Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim() || 100);
const SAMPLE = /iops current (\d+) \((\d+) MB\/s\)/g;

/**
 * Parses iscsi-perf's progress lines. The first second is dropped (JIT warm-up of the reference target, connection
 * ramp), the rest of the per-second "iops current" figures are averaged; with one sample only, that one is used.
 */
export function parsePerf(out: string): PerfResult | undefined {
  const samples = [...out.matchAll(SAMPLE)].map(m => ({ iops: Number(m[1]), mbps: Number(m[2]) }));
  const use = samples.length > 1 ? samples.slice(1) : samples;
  if (!use.length) return undefined;
  return { iops: use.reduce((s, x) => s + x.iops, 0) / use.length, mbps: use.reduce((s, x) => s + x.mbps, 0) / use.length };
}

// utime + stime of every thread of a process, in clock ticks; undefined once it is gone.
function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is [0], so utime (field 14) is [11] and stime [12].
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch { return undefined; }
}

/**
 * Runs iscsi-perf pinned to the initiator CPU for SECONDS, then SIGINT (it runs until interrupted). stdbuf unbuffers
 * its progress lines so the target's CPU time can be read as each second's line arrives: CPU per I/O over the same
 * window as the IOPS figure does not move with other load on the machine the way IOPS does.
 */
function runPerf(url: string, w: Workload, targetPid: number): Promise<PerfResult | undefined> {
  return new Promise(resolve => {
    const p = spawn('taskset', ['-c', INITIATOR_CPU, 'stdbuf', '-o0', 'iscsi-perf', '-m', String(w.qd), '-b', String(w.blocks), url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const ticks: number[] = [];
    p.stdout.on('data', d => {
      const before = (out.match(SAMPLE) ?? []).length;
      out += d;
      if ((out.match(SAMPLE) ?? []).length > before) ticks.push(cpuTicks(targetPid) ?? NaN);
    });
    p.stderr.on('data', d => (out += d));
    const stop = setTimeout(() => p.kill('SIGINT'), SECONDS * 1000 + 300);
    const hard = setTimeout(() => p.kill('SIGKILL'), SECONDS * 1000 + 5000);
    p.on('close', () => {
      clearTimeout(stop); clearTimeout(hard);
      const r = parsePerf(out);
      const ios = [...out.matchAll(SAMPLE)].slice(1).reduce((s, m) => s + Number(m[1]), 0);
      const cpu = ticks.length > 1 ? (ticks[ticks.length - 1]! - ticks[0]!) * TICK_US : NaN;
      resolve(r && ios > 0 && Number.isFinite(cpu) ? { ...r, cpuUsPerIo: cpu / ios } : r);
    });
  });
}

// Starts the reference target pinned to the target CPU on a /dev/shm file; resolves once it listens.
async function startReference(store: string): Promise<{ proc: ChildProcess; url: string }> {
  const args = ['-c', TARGET_CPU, process.execPath, ...(process.env.TARGET_PERF_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    'bin/iscsi-conformance.js', 'target', '--listen', `127.0.0.1:${REF_PORT}`, '--lun', `0:file:${store}:${SIZE_MIB}MiB`];
  const proc = spawn('taskset', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`reference target did not start: ${out}`)), 30_000);
    const on = (d: Buffer) => {
      out += d;
      const m = /^(iscsi:\/\/\S+)$/m.exec(out);
      if (m && /listening/.test(out)) { clearTimeout(t); resolve(m[1]!); }
    };
    proc.stdout!.on('data', on);
    proc.stderr!.on('data', on);
    proc.on('exit', c => reject(new Error(`reference target exited (${c}): ${out}`)));
  });
  return { proc, url };
}

// Ends our target process by pid (SIGINT lets --cpu-prof write its profile), SIGKILL if it lingers.
async function stopReference(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const gone = new Promise(r => proc.once('exit', r));
  proc.kill('SIGINT');
  if (await Promise.race([gone.then(() => true), sleep(5000).then(() => false)])) return;
  proc.kill('SIGKILL');
  await gone;
}

const tgtd = (op: string, ...extra: string[]) =>
  spawnSync('taskset', ['-c', TARGET_CPU, TGTD_SH, op, '--port', String(TGT_PORT), '--ctl', String(TGT_CTL), ...extra], { encoding: 'utf8', timeout: 60_000 });

const ROUNDS = Math.max(1, Number(process.env.TARGET_PERF_ROUNDS ?? 2));

/** A target to measure: its LUN URL and the pid whose CPU time is its cost. */
interface Endpoint { url: string; pid: number }

// Mean of the rounds that produced a figure.
function mean(xs: (PerfResult | undefined)[]): PerfResult | undefined {
  const ok = xs.filter((x): x is PerfResult => !!x);
  if (!ok.length) return undefined;
  const avg = (k: keyof PerfResult) => ok.reduce((s, x) => s + (x[k] ?? NaN), 0) / ok.length;
  const cpu = avg('cpuUsPerIo');
  return { iops: avg('iops'), mbps: avg('mbps'), ...(Number.isFinite(cpu) ? { cpuUsPerIo: cpu } : {}) };
}

/**
 * Per workload, alternates the two targets (ref, tgtd, tgtd, ref, ...) so drifting load on a shared machine falls on
 * both alike; `urls[1]` undefined runs the reference only.
 */
async function measure(urls: [Endpoint, Endpoint | undefined]): Promise<[(PerfResult | undefined)[], (PerfResult | undefined)[]]> {
  const ref: (PerfResult | undefined)[] = [];
  const tgt: (PerfResult | undefined)[] = [];
  for (const w of WORKLOADS) {
    const runs: [(PerfResult | undefined)[], (PerfResult | undefined)[]] = [[], []];
    for (let round = 0; round < ROUNDS; round++) {
      for (const which of round % 2 ? [1, 0] : [0, 1]) {
        const e = urls[which];
        if (e) runs[which]!.push(await runPerf(e.url, w, e.pid));
      }
    }
    ref.push(mean(runs[0])); tgt.push(mean(runs[1]));
  }
  return [ref, tgt];
}

/** iscsi-perf against the reference target and tgtd; rows per workload with the reference/tgtd ratio. */
export async function benchTargetPerf(): Promise<BenchRow[]> {
  if (!has('iscsi-perf') || !has('taskset')) return [{ name: 'target perf SKIPPED: iscsi-perf or taskset missing', value: 0, unit: '-' }];
  const store = `/dev/shm/iscsi-bench-ref-${process.pid}.img`;
  const tgtState = `/dev/shm/iscsi-bench-tgtd-${process.pid}`;
  let ref: (PerfResult | undefined)[] = [];
  let tgt: (PerfResult | undefined)[] | undefined;
  let note = '';
  let tgtStarted = false;
  let target: { proc: ChildProcess; url: string } | undefined;
  try {
    target = await startReference(store);
    let tgtUrl: Endpoint | undefined;
    if (!has('tgtd') || !has('tgtadm')) note = 'tgt not installed, tgtd half skipped';
    else {
      // tgtd.sh keeps its LUN file (lun1.img) in the state dir, so a state dir in /dev/shm puts the disk there too.
      const st = tgtd('start', '--size', String(SIZE_MIB), '--store', 'file', '--state', tgtState);
      tgtStarted = true;
      // tgtd's LUN 0 is its controller; the disk is LUN 1.
      if (st.status === 0) tgtUrl = { url: `iscsi://127.0.0.1:${TGT_PORT}/iqn.2026-11.test.tgt:target0/1`, pid: Number(readFileSync(`${tgtState}/tgtd.pid`, 'utf8')) };
      else note = `tgtd did not start (${(st.stderr || st.stdout).trim().split('\n').pop()}), tgtd half skipped`;
    }
    const [r, t] = await measure([{ url: target.url, pid: target.proc.pid! }, tgtUrl]);
    ref = r;
    if (tgtUrl) tgt = t;
  } finally {
    if (target) await stopReference(target.proc);
    if (tgtStarted) tgtd('stop', '--state', tgtState);
    rmSync(store, { force: true });
    rmSync(tgtState, { recursive: true, force: true });
  }
  const rows: BenchRow[] = [{ name: `placement: ${PLACEMENT}; ${SECONDS} s x ${ROUNDS} per target, first s dropped`, value: SIZE_MIB, unit: 'MiB LUN' }];
  const figures = (who: string, w: Workload, x: PerfResult | undefined): BenchRow[] => [
    { name: `${w.name} ${who}`, value: x?.iops ?? 0, unit: 'IOPS' },
    { name: `${w.name} ${who}`, value: x?.mbps ?? 0, unit: 'MiB/s' },
    { name: `${w.name} ${who} target CPU per I/O`, value: x?.cpuUsPerIo ?? 0, unit: 'µs' },
  ];
  WORKLOADS.forEach((w, i) => {
    const r = ref[i];
    const t = tgt?.[i];
    rows.push(...figures('reference', w, r));
    if (!tgt) return;
    rows.push(...figures('tgtd', w, t));
    rows.push({ name: `${w.name} IOPS reference/tgtd`, value: r && t?.iops ? r.iops / t.iops : 0, unit: 'x', ...(w.goal ? { goal: w.goal } : {}) });
    // Inverse of CPU cost: above 1 means the reference target spends less CPU per I/O than tgtd.
    rows.push({ name: `${w.name} CPU per I/O tgtd/reference`, value: r?.cpuUsPerIo && t?.cpuUsPerIo ? t.cpuUsPerIo / r.cpuUsPerIo : 0, unit: 'x' });
  });
  if (note) rows.push({ name: `tgtd SKIPPED: ${note}`, value: 0, unit: '-' });
  return rows;
}

// Run on its own (`npx tsx bench/target-perf.ts`) while profiling or comparing, without the other suites.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchTargetPerf()) console.log(`${r.name.padEnd(60)} ${r.value.toFixed(r.value < 10 ? 2 : 0).padStart(9)} ${r.unit}${r.goal ? ` goal ≥ ${r.goal}` : ''}`);
}
