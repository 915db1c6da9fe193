// Parses iscsi-test-cu output into a summary (tests run, passed, failed, skipped, [SKIPPED] lines, failing tests).

/** What one iscsi-test-cu run amounted to. */
export interface CuSummary {
  run: number;
  passed: number;
  failed: number;
  /** Tests that printed [SKIPPED] (libiscsi counts them as passed). */
  skippedTests: number;
  skippedLines: number;
  failures: string[];
}

/** Reads the CUnit "Run Summary" and walks the per-test lines for failures and skips. */
export function summarizeCu(log: string): CuSummary {
  const tests = /^\s+tests\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/m.exec(log);
  const failures: string[] = [];
  let suite = '', current = '', skipped = false, skippedTests = 0;
  const finish = (status: 'P' | 'F') => {
    if (!current) return;
    if (status === 'F') failures.push(`${suite}.${current}`);
    if (skipped) skippedTests++;
    current = '';
    skipped = false;
  };
  for (const line of log.split('\n')) {
    const s = /^Suite: (\S+)/.exec(line);
    if (s) { suite = s[1]!; continue; }
    const t = /^\s+Test: (\S+) \.\.\.(.*)$/.exec(line);
    if (t) {
      finish('P');
      current = t[1]!;
      const rest = t[2]!;
      if (rest.includes('[SKIPPED]')) skipped = true;
      if (/^passed/.test(rest)) finish('P');
      else if (/^FAILED/.test(rest)) finish('F');
      continue;
    }
    if (!current) continue;
    if (line.includes('[SKIPPED]')) skipped = true;
    if (/^passed/.test(line)) finish('P');
    else if (/^FAILED/.test(line)) finish('F');
  }
  return {
    run: Number(tests?.[2] ?? 0), passed: Number(tests?.[3] ?? 0), failed: Number(tests?.[4] ?? 0), skippedTests,
    skippedLines: (log.match(/\[SKIPPED\]/g) ?? []).length, failures,
  };
}
