// The runner against the fake target: every verdict, selection, a dead target, bounded time.
import { afterEach, describe, expect, it } from 'vitest';
import { collectCases } from './case.js';
import type { Reporter } from '../report/reporter.js';
import type { CaseResult, RunSummary } from './result.js';
import { runCases } from './runner.js';
import { selectCases } from './select.js';
import { parseTargetUrl } from './target-url.js';
import { fixtureProfile, fixtureSections } from './test-support/fixture-cases.js';
import { startFakeTarget, type FakeTarget } from './test-support/fake-target.js';

let fake: FakeTarget | undefined;
afterEach(async () => { await fake?.close(); fake = undefined; });

const collect = (): Reporter & { results: CaseResult[]; summary?: RunSummary } => {
  const r: Reporter & { results: CaseResult[]; summary?: RunSummary } = {
    name: 'collect', results: [], onCaseEnd: x => { r.results.push(x); }, onRunEnd: s => { r.summary = s; },
  };
  return r;
};
const cases = collectCases(fixtureSections);

describe('runCases', () => {
  it('gives every verdict once and exit code 1', async () => {
    fake = await startFakeTarget();
    const rep = collect();
    const out = await runCases({ target: parseTargetUrl(fake.url), caps: new Set(), strict: false, seed: 1, cases, reporters: [rep], profile: fixtureProfile, jobs: 2 });
    const byId = Object.fromEntries(rep.results.map(r => [r.id.split('/').pop(), r.verdict]));
    expect(byId).toEqual({ 1: 'pass', 2: 'fail', 3: 'skip', 4: 'error', 5: 'timeout', 6: 'xfail', 7: 'xpass' });
    expect(out.summary.exitCode).toBe(1);
    expect(rep.summary?.targetAlive).toBe(true);
    const fail = rep.results.find(r => r.verdict === 'fail')!;
    expect(fail.failure).toMatchObject({ expected: 'Reject reason 0x05 (CommandNotSupported)', ref: 'rfc7143/99.1' });
    expect(fail.trace.some(l => l.dir === 'in' && l.text.startsWith('NopIn'))).toBe(true);
    expect(Object.isFrozen(fail)).toBe(true);
  });

  it('exits 0 when everything passes or skips', async () => {
    fake = await startFakeTarget();
    const sel = selectCases(cases, { only: ['rfc7143/99.1/1', 'rfc7143/99.1/3'] });
    const out = await runCases({ target: parseTargetUrl(fake.url), caps: new Set(), strict: false, seed: 1, cases: sel, reporters: [] });
    expect(out.results.map(r => r.verdict)).toEqual(['pass', 'skip']);
    expect(out.summary.exitCode).toBe(0);
  });

  it('runs a routed case with its own options (the bundled run sends CHAP cases to a second target)', async () => {
    fake = await startFakeTarget();
    const sel = selectCases(cases, { only: ['rfc7143/99.1/1', 'rfc7143/99.1/3'] });
    const rep = collect();
    await runCases({ target: parseTargetUrl(fake.url), caps: new Set(), strict: false, seed: 1, cases: sel, reporters: [rep],
      route: c => (c.requires.includes('dataloss') ? { caps: new Set(['dataloss'] as const) } : undefined) });
    expect(rep.results.map(r => r.verdict)).toEqual(['pass', 'pass']);
  });

  it('throws TargetUnreachable when nothing listens', async () => {
    fake = await startFakeTarget();
    const url = fake.url; await fake.close(); fake = undefined;
    await expect(runCases({ target: parseTargetUrl(url), caps: new Set(), strict: false, seed: 1, cases, reporters: [] })).rejects.toMatchObject({ code: 'ERR_TARGET_UNREACHABLE' });
  });

  it('marks the rest `error: target unreachable` once the target stops answering', async () => {
    fake = await startFakeTarget();
    const rep = collect();
    let probes = 0;
    const t0 = Date.now();
    const out = await runCases({
      target: parseTargetUrl(fake.url), caps: new Set(), strict: false, seed: 1, reporters: [rep],
      cases: selectCases(cases, { only: ['rfc7143/99.1/2', 'rfc7143/99.1/1', 'rfc7143/99.1/7'] }),
      probe: async () => (++probes === 1 ? { alive: true, reachable: true } : { alive: false, reachable: true, reason: 'no answer within 3000 ms' }),
    });
    expect(rep.results.map(r => [r.verdict, r.reason ?? ''])).toEqual([
      ['pass', ''], ['fail', ''], ['error', 'target unreachable: no answer within 3000 ms']]);
    expect(out.summary.aborted).toMatch(/stopped answering/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('ends in bounded time with `error: target unreachable` and reports when the target accepts TCP and never answers', async () => {
    fake = await startFakeTarget('silent');
    const rep = collect();
    const t0 = Date.now();
    const out = await runCases({ target: parseTargetUrl(fake.url), caps: new Set(), strict: false, seed: 1, cases, reporters: [rep], probeTimeoutMs: 500 });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(rep.results).toHaveLength(cases.length);
    expect(rep.results.every(r => r.verdict === 'error' && /^target unreachable: liveness probe before the first case: /.test(r.reason ?? ''))).toBe(true);
    expect(out.summary).toMatchObject({ exitCode: 1, targetAlive: false });
  });

  it('times out the running case, then stops, when the target goes silent mid-run', async () => {
    fake = await startFakeTarget('normal', 20_000, { answerConnections: 2 }); // start probe + case 1
    const rep = collect();
    const t0 = Date.now();
    const sel = selectCases(cases, { only: ['rfc7143/99.1/1', 'rfc7143/99.1/5', 'rfc7143/99.1/7'] });
    await runCases({ target: parseTargetUrl(fake.url), caps: new Set(), strict: false, seed: 1, cases: sel, reporters: [rep], probeTimeoutMs: 500 });
    expect(rep.results.map(r => r.verdict)).toEqual(['pass', 'timeout', 'error']);
    expect(rep.summary?.aborted).toMatch(/stopped answering/);
    expect(Date.now() - t0).toBeLessThan(4000);
  });

  it('stops at once against a target that closes every connection right after login', async () => {
    fake = await startFakeTarget('close-after-login');
    const rep = collect();
    const out = await runCases({ target: parseTargetUrl(fake.url), caps: new Set(), strict: false, seed: 1, cases, reporters: [rep], probeTimeoutMs: 500 });
    expect(rep.results[0]!.reason).toMatch(/^target unreachable: liveness probe before the first case: TEST UNIT READY got no status \(.*closed/);
    expect(rep.results.every(r => r.verdict === 'error')).toBe(true);
    expect(out.summary.exitCode).toBe(1);
  });

  it('grades SHOULD misses as notes unless --strict', async () => {
    fake = await startFakeTarget();
    const sel = selectCases(cases, { only: ['rfc7143/99.1/2'] }).map(c => ({ ...c, level: 'SHOULD' as const }));
    const lax = await runCases({ target: parseTargetUrl(fake.url), caps: new Set(), strict: false, seed: 1, cases: sel, reporters: [] });
    expect(lax.results[0]!.verdict).toBe('pass');
    expect(lax.results[0]!.notes[0]).toMatch(/SHOULD not met/);
    const strict = await runCases({ target: parseTargetUrl(fake.url), caps: new Set(), strict: true, seed: 1, cases: sel, reporters: [] });
    expect(strict.results[0]!.verdict).toBe('fail');
  });

  it('on interrupt ends the running case as error, marks the rest, and still flushes reporters', async () => {
    fake = await startFakeTarget();
    const rep = collect();
    const ac = new AbortController();
    const sel = selectCases(cases, { only: ['rfc7143/99.1/5', 'rfc7143/99.1/1'] }); // 1 then 5 (registry order)
    const slow = sel.map(c => c.id.endsWith('/5') ? { ...c, timeoutMs: 5000 } : c);
    setTimeout(() => ac.abort(), 400);
    const t0 = Date.now();
    const out = await runCases({ target: parseTargetUrl(fake.url), caps: new Set(), strict: false, seed: 1, cases: [...slow, slow[0]!].map((c, i) => (i === 2 ? { ...c, id: 'rfc7143/99.1/9' } : c)), reporters: [rep], signal: ac.signal });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(rep.results.map(r => [r.verdict, r.reason ?? ''])).toEqual([['pass', ''], ['error', 'interrupted'], ['error', 'interrupted before it ran']]);
    expect(rep.summary).toMatchObject({ aborted: 'interrupted (SIGINT)', exitCode: 1 });
    expect(out.summary.exitCode).toBe(1);
  });
});
