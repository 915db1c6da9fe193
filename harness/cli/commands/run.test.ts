// `run` and `list` in-process against the fake target: exit codes 0/1/2/3/4, every report file,
// JUnit valid per xmllint, a pcap per failing case, bounded time against hostile fakes.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { xmllintValidate } from '../../report/junit.test.js';
import { useSectionsForTests } from '../../runner/registry.js';
import { fixtureSections } from '../../runner/test-support/fixture-cases.js';
import { startFakeTarget, type FakeTarget } from '../../runner/test-support/fake-target.js';
import { bufferIo } from '../io.js';
import { runCli } from '../main.js';

let fake: FakeTarget | undefined;
const tmp = mkdtempSync(join(tmpdir(), 'run-cli-'));
beforeAll(() => useSectionsForTests(fixtureSections));
afterAll(() => useSectionsForTests(undefined));
afterEach(async () => { await fake?.close(); fake = undefined; });

const profile = join(tmp, 'profile.json');
writeFileSync(profile, JSON.stringify({ expectedFailures: [{ id: 'rfc7143/99.1/6', reason: 'known', clause: 'rfc7143/99.1' }, { id: 'rfc7143/99.1/7', reason: 'was broken' }] }));

describe('run', () => {
  it('runs every verdict, writes every report and exits 1', async () => {
    fake = await startFakeTarget();
    const out = join(tmp, 'all');
    const io = bufferIo();
    const code = await runCli(['run', fake.url, '--out', out, '--profile', profile, '--junit', join(tmp, 'j.xml')], io);
    expect(code).toBe(1);
    for (const f of ['results.tap', 'junit.xml', 'results.json', 'report.html']) expect(existsSync(join(out, f))).toBe(true);
    xmllintValidate(join(out, 'junit.xml'));
    expect(readFileSync(join(tmp, 'j.xml'), 'utf8')).toBe(readFileSync(join(out, 'junit.xml'), 'utf8'));
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { schemaVersion: number; summary: { counts: Record<string, number> }; results: Array<{ id: string; pcap?: string }> };
    expect(json.schemaVersion).toBe(1);
    expect(json.summary.counts).toEqual({ pass: 1, fail: 1, skip: 1, error: 1, timeout: 1, xfail: 1, xpass: 1 });
    const failed = json.results.find(r => r.id === 'rfc7143/99.1/2')!;
    expect(failed.pcap).toBe('pcaps/rfc7143_99.1_2.pcap');
    expect(readFileSync(join(out, failed.pcap!)).readUInt32LE(0)).toBe(0xa1b2c3d4);
    expect(io.stdout).toContain(`replay:   npx iscsi-conformance run ${fake.url} --only rfc7143/99.1/2`);
  });

  it('exits 0 when every selected case passes or skips, with TAP on stdout', async () => {
    fake = await startFakeTarget();
    const io = bufferIo();
    expect(await runCli(['run', fake.url, '--out', join(tmp, 'ok'), '--only', 'rfc7143/99.1/1', '--only', 'rfc7143/99.1/3', '--tap', '-', '--pcap', 'none'], io)).toBe(0);
    expect(io.stdout).toMatch(/^TAP version 14\n/);
    expect(io.stdout).toContain('ok 2 - rfc7143/99.1/3 destructive case # SKIP destructive: rerun with --dataloss');
    expect(io.stderr).toContain('2 case(s): 1 pass, 1 skip');
  });

  it('exits 3 with one line when nothing listens', async () => {
    fake = await startFakeTarget();
    const url = fake.url; await fake.close(); fake = undefined;
    const io = bufferIo();
    expect(await runCli(['run', url, '--out', join(tmp, 'dead')], io)).toBe(3);
    expect(io.stderr.trim().split('\n')).toHaveLength(1);
    expect(io.stderr).toMatch(/unreachable/);
    expect(existsSync(join(tmp, 'dead'))).toBe(false);
  });

  it.each([
    [['run', 'iscsi://127.0.0.1:notaport/iqn.x/0'], /bad iSCSI URL/],
    [['run', 'http://127.0.0.1/iqn.x/0'], /bad iSCSI URL/],
    [['run', 'iscsi://127.0.0.1:3260/iqn.x/0', '--profile', '/nonexistent.json'], /cannot read profile/],
    [['run', 'iscsi://127.0.0.1:3260/iqn.x/0', '--jobs', '0'], /--jobs/],
  ])('exits 2 on %j, nothing run', async (argv, msg) => {
    const io = bufferIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr).toMatch(msg);
  });

  it('exits 2 on a profile that fails its schema, without printing the CHAP secret', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ expectedFailures: [{ id: 'nope', reason: '' }] }));
    const io = bufferIo();
    expect(await runCli(['run', 'iscsi://alice%s3cretvalue@127.0.0.1:1/iqn.x/0', '--profile', bad], io)).toBe(2);
    expect(io.stderr).toMatch(/expectedFailures\.0\.id/);
    expect(io.stderr).not.toContain('s3cretvalue');
  });

  it('exits 4 when the filters select nothing', async () => {
    const io = bufferIo();
    expect(await runCli(['run', 'iscsi://127.0.0.1:1/iqn.x/0', '--only', 'spc/nothing'], io)).toBe(4);
    expect(io.stderr).toMatch(/no case matches/);
  });

  it.each(['silent', 'close-after-login'] as const)('ends in bounded time with full reports against a %s target', async mode => {
    fake = await startFakeTarget(mode);
    const out = join(tmp, mode);
    const t0 = Date.now();
    const io = bufferIo();
    expect(await runCli(['run', fake.url, '--out', out], io)).toBe(1);
    expect(Date.now() - t0).toBeLessThan(8000);
    const json = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { results: Array<{ verdict: string; reason: string }> };
    expect(json.results).toHaveLength(7);
    expect(json.results.every(r => r.verdict === 'error' && r.reason.startsWith('target unreachable'))).toBe(true);
    xmllintValidate(join(out, 'junit.xml'));
  });

  it('starts the bundled reference target when no URL is given, and stops it', async () => {
    const io = bufferIo();
    const out = join(tmp, 'nourl');
    const code = await runCli(['run', '--out', out, '--only', 'rfc7143/99.1/1'], io);
    expect(io.stdout).toMatch(/against iscsi:\/\/127\.0\.0\.1:\d+\//);
    expect(code).toBe(0);
  });
});

describe('list', () => {
  it('lists ID, level, title, section and tags with the same filters', async () => {
    const io = bufferIo();
    expect(await runCli(['list', '--level', 'must', '--skip', 'rfc7143/99.1/4'], io)).toBe(0);
    expect(io.stdout).toContain('rfc7143/99.1/1  MUST    NOP-Out ping is answered  [rfc7143/99.1]  (fixture, nop)');
    expect(io.stdout).not.toContain('rfc7143/99.1/4');
    expect(io.stdout).not.toContain('rfc7143/99.1/7'); // SHOULD
  });
  it('prints JSON and exits 4 on an empty selection', async () => {
    const a = bufferIo();
    expect(await runCli(['list', '--json', '--only', 'tag:nop'], a)).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual([expect.objectContaining({ id: 'rfc7143/99.1/1', level: 'MUST', tags: ['fixture', 'nop'] })]);
    const b = bufferIo();
    expect(await runCli(['list', '--only', 'sbc/none'], b)).toBe(4);
  });
});
