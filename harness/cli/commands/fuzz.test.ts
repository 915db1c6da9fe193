// `fuzz` and `replay` in-process: --list-modes, usage errors, a bounded run against the fake target, and replay
// of a seed script (exit 0) and of a finding that still fires (exit 1).
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTarget } from '../../../reference-target/index.js';
import { startFakeTarget, type FakeTarget } from '../../fuzz/test-support/fake-target.js';
import { bufferIo } from '../io.js';
import { runCli } from '../main.js';

let t: FakeTarget;
const tmp = mkdtempSync(join(tmpdir(), 'fuzz-cli-'));
beforeAll(async () => { t = await startFakeTarget({ faults: ['hang-inquiry-1'] }); });
afterAll(async () => { await t.close(); });

describe('fuzz command', () => {
  it('--list-modes explains every mode', async () => {
    const io = bufferIo();
    expect(await runCli(['fuzz', '--list-modes'], io)).toBe(0);
    for (const m of ['login', 'text', 'ffp', 'cdb', 'bhs', 'seeds', 'session', 'all']) expect(io.stdout).toMatch(new RegExp(`^${m}\\s`, 'm'));
  });

  it('refuses a remote target without --time or --runs, and a bad mode', async () => {
    const a = bufferIo();
    expect(await runCli(['fuzz', 'iscsi://10.1.2.3/iqn.x:y/0'], a)).toBe(2);
    expect(a.stderr).toContain('--time or --runs');
    const b = bufferIo();
    expect(await runCli(['fuzz', t.url, '--mode', 'nope'], b)).toBe(2);
  });

  it('runs a bounded fuzz against a URL, reports PDUs/s and signatures, exit 0 when nothing is found (checker findings about the fake ignored)', async () => {
    const clean = await startFakeTarget();
    const io = bufferIo();
    const code = await runCli(['fuzz', clean.url, '--mode', 'ffp', '--runs', '20', '--seed', '3', '--out', tmp, '--ignore', 'check/', '--ignore', 'text/'], io);
    await clean.close();
    expect(code, io.stderr).toBe(0);
    expect(io.stdout).toMatch(/20 scripts, \d+ PDUs in [\d.]+ s \(\d+ PDUs\/s\), \d+ response signatures, 0 finding/);
  });
});

describe('fuzz command summary', () => {
  it('says when the run stopped early on --max-findings', async () => {
    const io = bufferIo();
    const code = await runCli(['fuzz', t.url, '--mode', 'cdb', '--time', '60s', '--seed', '1', '--out', tmp, '--max-findings', '1', '--step-timeout', '200', '--ignore', 'check/', '--ignore', 'text/'], io);
    expect(code, io.stderr).toBe(1);
    expect(io.stdout).toMatch(/1 finding\(s\); stopped: max findings \(--max-findings 1\), early$/m);
  }, 60_000);
});

describe('fuzz command against a remote target that dies', () => {
  it('stops with "stopped: target unreachable", exit 1, saving the script that killed it with a non-empty pcap, not re-run', async () => {
    const crashy = await startFakeTarget({ faults: ['crash-nop-13'] });
    const out = mkdtempSync(join(tmpdir(), 'fuzz-dead-'));
    const io = bufferIo();
    const code = await runCli(['fuzz', crashy.url, '--mode', 'ffp', '--runs', '3000', '--seed', '1', '--out', out, '--ignore', 'check/', '--ignore', 'text/', '--step-timeout', '300', '--target-wait', '300ms'], io);
    await crashy.close();
    expect(code, io.stderr).toBe(1);
    expect(io.stdout).toMatch(/finding\(s\); stopped: target unreachable$/m);
    expect(io.stderr).toContain('finding: unreachable target-gone: target stopped accepting connections after this script');
    expect(io.stderr).toContain('not re-run: target unreachable (pcap of the run that found it)');
    const file = join(out, 'ffp-unreachable-target-gone.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { finding: { notRerun: string; pcap: string } };
    expect(saved.finding.notRerun).toBe('target unreachable');
    expect(statSync(join(out, saved.finding.pcap)).size).toBeGreaterThan(24); // more than a pcap header
  }, 60_000);

  it('documents the login deadline and the wait for a dead target in --help', async () => {
    const io = bufferIo();
    await runCli(['fuzz', '--help'], io);
    expect(io.stdout).toMatch(/--login-timeout[\s\S]*max\(step-timeout, 5000\)/);
    expect(io.stdout).toContain('--target-wait');
  });
});

describe('replay command', () => {
  it('replays a seed script with exit 0', async () => {
    const io = bufferIo();
    expect(await runCli(['replay', 'corpus/seeds/inquiry-0.json', t.url], io)).toBe(0);
    expect(io.stdout).toContain('verdict: no oracle fired');
  });

  it('exits 1 and says the recorded finding fires again', async () => {
    const file = join(tmp, 'hang.json');
    writeFileSync(file, JSON.stringify({ steps: [{ op: 'login' }, { op: 'scsi', cdb: '120000000100', readLength: 1 }],
      finding: { oracle: { kind: 'hang', rule: 'rfc7143/11.4', message: 'x' } } }));
    const io = bufferIo();
    expect(await runCli(['replay', file, t.url, '--step-timeout', '200'], io)).toBe(1);
    expect(io.stdout).toContain('the recorded finding (hang rfc7143/11.4) fires again');
  });

  it('fires the fuzzer-only internal-failure oracle again, as the fuzz run that found it did', async () => {
    const ref = await startTarget({ host: '127.0.0.1', port: 0, faults: ['fault/crash-on-cdb-reserved-bit'] });
    const file = join(tmp, 'internal.json');
    writeFileSync(file, JSON.stringify({ steps: [{ op: 'login' }, { op: 'scsi', cdb: '25200000000000000000', readLength: 8 }],
      finding: { oracle: { kind: 'violation', rule: 'fuzz/internal-target-failure', message: 'x' } } }));
    const io = bufferIo();
    const code = await runCli(['replay', file, ref.url], io);
    await ref.close(0);
    expect(code).toBe(1);
    expect(io.stdout).toContain('the recorded finding (violation fuzz/internal-target-failure) fires again');
  });

  it('fires a recorded "target-gone" finding again when the target no longer accepts connections after the script', async () => {
    const crashy = await startFakeTarget({ faults: ['crash-nop-13'] });
    const file = join(tmp, 'gone.json');
    writeFileSync(file, JSON.stringify({ steps: [{ op: 'login' }, { op: 'send', pdu: { type: 'NopOut', immediate: true, final: true, ttt: 0xffffffff, data: '00'.repeat(13) } }, { op: 'nop' }, { op: 'probe' }],
      finding: { oracle: { kind: 'unreachable', rule: 'target-gone', message: 'x' }, notRerun: 'target unreachable' } }));
    const io = bufferIo();
    const code = await runCli(['replay', file, crashy.url, '--step-timeout', '300'], io);
    await crashy.close();
    expect(code).toBe(1);
    expect(io.stdout).toContain('the recorded finding (unreachable target-gone) fires again: the target no longer accepts connections');
  });

  it('exits 2 on a malformed script', async () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({ steps: [{ op: 'fly' }] }));
    const io = bufferIo();
    expect(await runCli(['replay', file, t.url], io)).toBe(2);
    expect(io.stderr).toContain('steps.0');
  });
});
