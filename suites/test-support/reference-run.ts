// Test support: runs suite sections against an in-process reference target through the runner, with the known-failure profile.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectCases, type Capability, type Section } from '../../harness/runner/case.js';
import { createChecker } from '../../harness/check/checker.js';
import { ProfileSchema, type Profile } from '../../harness/runner/profile.js';
import type { CaseResult } from '../../harness/runner/result.js';
import { runCases } from '../../harness/runner/runner.js';
import { parseTargetUrl } from '../../harness/runner/target-url.js';
import { startTarget, type TargetConfigInput } from '../../reference-target/index.js';

const PROFILE = fileURLToPath(new URL('../../profiles/reference-target-known.json', import.meta.url));

/** The reference target's expected failures (profiles/reference-target-known.json), empty when the file is absent. */
export function referenceProfile(): Profile {
  return existsSync(PROFILE) ? ProfileSchema.parse(JSON.parse(readFileSync(PROFILE, 'utf8'))) : { expectedFailures: [] };
}

/** Runs `sections` against a fresh reference target (port 0) with the dataloss capability; the target is closed after. */
export async function runOnReference(sections: readonly Section[], o: { config?: TargetConfigInput; jobs?: number } = {}): Promise<readonly Readonly<CaseResult>[]> {
  const target = await startTarget({ port: 0, ...o.config });
  try {
    const caps = new Set<Capability>(['dataloss', 'writable']);
    const { results } = await runCases({
      target: parseTargetUrl(target.url), caps, strict: false, seed: 1, cases: collectCases(sections), reporters: [],
      jobs: o.jobs ?? 4, profile: referenceProfile(), checker: () => createChecker({ mode: 'initiator' }),
    });
    return results;
  } finally {
    await target.close(200);
  }
}

/** One line per result that is not a pass/xfail/skip, with its failure: what a failing test prints. */
export function unexpected(results: readonly Readonly<CaseResult>[]): string[] {
  return results.filter(r => !['pass', 'xfail', 'skip'].includes(r.verdict))
    .map(r => `${r.id} ${r.verdict}: ${r.failure ? `expected ${r.failure.expected}; got ${r.failure.actual} [${r.failure.ref}]` : r.reason ?? ''}`);
}
