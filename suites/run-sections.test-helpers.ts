// Test helper: runs given sections against an in-process reference target through the runner (checker on) and
// returns the cases that neither passed/skipped nor are listed in profiles/reference-target-known.json.
import { readFileSync } from 'node:fs';
import { collectCases, type Capability, type Section } from '../harness/runner/case.js';
import { runCases } from '../harness/runner/runner.js';
import { parseTargetUrl } from '../harness/runner/target-url.js';
import { createChecker } from '../harness/check/checker.js';
import { startTarget, type TargetConfigInput } from '../reference-target/index.js';

const KNOWN = new URL('../profiles/reference-target-known.json', import.meta.url);

/** The expected-failure profile of the reference target (empty when absent). */
export function knownFailures(): { expectedFailures: { id: string; reason: string; clause?: string }[] } {
  try { return JSON.parse(readFileSync(KNOWN, 'utf8')) as never; } catch { return { expectedFailures: [] }; }
}

/** Runs the sections; `credentials` go into the URL (user%secret@, target_user/target_password). */
export async function runAgainstReference(sections: readonly Section[], cfg: TargetConfigInput = {}, caps: Capability[] = ['dataloss', 'writable']) {
  const target = await startTarget({ host: '127.0.0.1', port: 0, ...cfg });
  try {
    // libiscsi URL syntax: the secret follows '%' in the user part, target credentials are query parameters.
    const cred = cfg.chap ? `${cfg.chap.user}%${cfg.chap.secret}@` : '';
    const mutual = cfg.mutualChap ? `?target_user=${cfg.mutualChap.user}&target_password=${cfg.mutualChap.secret}` : '';
    const text = target.url.replace('iscsi://', `iscsi://${cred}`) + mutual;
    const info = parseTargetUrl(text);
    const all = new Set<Capability>(caps);
    if (cfg.chap) all.add('chap');
    if (cfg.mutualChap) all.add('mutual-chap');
    const out = await runCases({
      target: info, caps: all, strict: false, seed: 1, cases: collectCases(sections), reporters: [], jobs: 4,
      profile: knownFailures(), checker: () => createChecker({ mode: 'initiator' }),
    });
    const bad = out.results.filter(r => !['pass', 'skip', 'xfail'].includes(r.verdict))
      .map(r => `${r.id} ${r.verdict}: ${r.failure ? `${r.failure.expected} / ${r.failure.actual}` : r.reason ?? ''}`);
    return { results: out.results, bad, durationMs: out.summary.durationMs };
  } finally {
    await target.close(500);
  }
}
