// `npm run test:interop`: the reference target in its own process against libiscsi's tools and test suite.
// Bounded: every tool has a timeout, every target process is stopped by its pid. Skips (exit 0) without libiscsi.
// INTEROP_SUITE_TIMEOUT (s, default 600) bounds iscsi-test-cu; INTEROP_SECURE_SUITE=1 reruns it over CHAP + digests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeCu } from './cu-summary.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const IQN = 'iqn.2026-11.org.iscsi-conformance:interop';
const CHAP = { user: 'alice', secret: 'alicesecret12' };
const MUTUAL = { user: 'tgt1', secret: 'targetsecret12' };
const SUITE_TIMEOUT_S = Number(process.env.INTEROP_SUITE_TIMEOUT ?? 600);

interface Target { proc: ChildProcess; portal: string; log: string }
let targets = 0;

/** Starts `iscsi-conformance target` on an ephemeral loopback port; resolves when it prints its URL. */
// The target's log goes to a file, not a pipe: the tools run under spawnSync, which stops this process from draining
// a pipe, and a target whose stderr pipe fills blocks in its (synchronous) write and stalls the suite until its timeout.
function startTarget(args: string[]): Promise<Target> {
  const log = join(tmpdir(), `iscsi-interop-target-${process.pid}-${++targets}.log`);
  const fd = openSync(log, 'w');
  const proc = spawn(process.execPath, ['--import', 'tsx', 'harness/cli/bin.ts', 'target', '--listen', '127.0.0.1:0', '--iqn', IQN, ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', fd] });
  closeSync(fd);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error('target did not start within 30 s')); }, 30_000);
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /iscsi:\/\/([^/\s]+)\//.exec(out);
      if (m) { clearTimeout(timer); resolve({ proc, portal: m[1]!, log }); }
    });
    proc.once('exit', code => { clearTimeout(timer); reject(new Error(`target exited early (${code})`)); });
  });
}

/** Stops a target with SIGTERM (it asks initiators to log out, then exits), SIGKILL after 5 s. */
function stopTarget(t: Target): Promise<void> {
  return new Promise(resolve => {
    if (t.proc.exitCode !== null) return resolve();
    const kill = setTimeout(() => t.proc.kill('SIGKILL'), 5000);
    t.proc.once('exit', () => { clearTimeout(kill); resolve(); });
    t.proc.kill('SIGTERM');
  });
}

/** Runs a tool with a timeout; returns exit status and output. */
function tool(cmd: string, args: string[], timeoutS = 20): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

const results: { name: string; ok: boolean; note?: string }[] = [];
function check(name: string, ok: boolean, note?: string): void {
  results.push({ name, ok, ...(note ? { note } : {}) });
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${note ? ` (${note})` : ''}\n`);
}

async function main(): Promise<number> {
  if (spawnSync('iscsi-inq', ['--help']).error) {
    process.stdout.write('test:interop skipped: libiscsi tools (libiscsi-bin) are not installed\n');
    return 0;
  }
  const plain = await startTarget(['--lun', '0:ram:64MiB']);
  const secure = await startTarget(['--lun', '0:ram:16MiB', '--digest', '--chap', `${CHAP.user}:${CHAP.secret}`, '--mutual-chap', `${MUTUAL.user}:${MUTUAL.secret}`]);
  try {
    const url = `iscsi://${plain.portal}/${IQN}/0`;
    const ls = tool('iscsi-ls', ['-s', `iscsi://${plain.portal}`]);
    check('iscsi-ls (discovery, SendTargets=All)', ls.ok && ls.out.includes(IQN));
    check('iscsi-inq', tool('iscsi-inq', [url]).ok);
    const rc = tool('iscsi-readcapacity16', [url]);
    check('iscsi-readcapacity16', rc.ok && rc.out.includes('Total size:67108864'));
    const chapUrl = `iscsi://${CHAP.user}%${CHAP.secret}@${secure.portal}/${IQN}/0`;
    check('CHAP login (iscsi-inq), header digest CRC32C', tool('iscsi-inq', [chapUrl]).ok);
    check('mutual CHAP login (iscsi-readcapacity16), header digest CRC32C',
      tool('iscsi-readcapacity16', [`${chapUrl}?target_user=${MUTUAL.user}&target_password=${MUTUAL.secret}`]).ok);
    check('wrong CHAP secret is refused', !tool('iscsi-inq', [`iscsi://${CHAP.user}%wrongsecret99@${secure.portal}/${IQN}/0`]).ok);
    check('no CHAP on a CHAP target is refused', !tool('iscsi-inq', [`iscsi://${secure.portal}/${IQN}/0`]).ok);
    const ls2 = tool('iscsi-ls', ['-s', `iscsi://${CHAP.user}%${CHAP.secret}@${secure.portal}`]);
    check('iscsi-ls with CHAP', ls2.ok && ls2.out.includes(IQN));
    const perf = tool('iscsi-perf', ['-t', '2', url], 15);
    check('iscsi-perf runs', /iops|MB\/s|IOPS/i.test(perf.out), perf.ok ? undefined : 'non-zero exit after the time limit is normal');
    const started = Date.now();
    const cu = tool('iscsi-test-cu', ['--test', 'ALL', '--dataloss', url], SUITE_TIMEOUT_S);
    const s = summarizeCu(cu.out);
    const wall = ((Date.now() - started) / 1000).toFixed(1);
    check('iscsi-test-cu --test ALL --dataloss finished', s.run > 0, `wall ${wall} s`);
    process.stdout.write(`\niscsi-test-cu: run ${s.run}, passed ${s.passed} (of which ${s.skippedTests} skipped tests, real passes ${s.passed - s.skippedTests}), ` +
      `failed ${s.failed}, [SKIPPED] lines ${s.skippedLines}\n  tgtd 1.0.85 for comparison: run 230, passed 222, failed 8, [SKIPPED] lines 81\n`);
    for (const f of s.failures) process.stdout.write(`  failed: ${f}\n`);
    if (process.env.INTEROP_SECURE_SUITE === '1') {
      // The same suite over CHAP with header digests (the --digest target), when asked for: it doubles the run time.
      const s2 = summarizeCu(tool('iscsi-test-cu', ['--test', 'ALL', '--dataloss', chapUrl], SUITE_TIMEOUT_S).out);
      check('iscsi-test-cu ALL over CHAP + CRC32C header digests finished', s2.run > 0,
        `run ${s2.run}, passed ${s2.passed}, failed ${s2.failed}${s2.failures.length ? `: ${s2.failures.join(', ')}` : ''}`);
    }
  } finally {
    await Promise.all([stopTarget(plain), stopTarget(secure)]);
  }
  const bad = results.filter(r => !r.ok);
  process.stdout.write(`\n${results.length - bad.length}/${results.length} interop checks passed\n`);
  if (bad.length) process.stdout.write(`target logs: ${plain.log} ${secure.log}\n`);
  else for (const t of [plain, secure]) rmSync(t.log, { force: true });
  return bad.length ? 1 : 0;
}

main().then(code => { process.exitCode = code; }, (e: unknown) => {
  process.stderr.write(`test:interop: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
