// `fuzz` and `replay` in-process: --list-modes, usage errors, a bounded run against the fake target, and replay
// of a seed script (exit 0) and of a finding that still fires (exit 1).
import { mkdtempSync, writeFileSync } from 'node:fs';
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

  it('exits 2 on a malformed script', async () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(file, JSON.stringify({ steps: [{ op: 'fly' }] }));
    const io = bufferIo();
    expect(await runCli(['replay', file, t.url], io)).toBe(2);
    expect(io.stderr).toContain('steps.0');
  });
});
