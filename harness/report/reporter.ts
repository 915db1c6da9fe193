// The reporter contract (STYLE.md "Reporters"): frozen results in, files or lines out; no verdicts here.
import type { Case } from '../runner/case.js';
import type { CaseResult, RunPlan, RunSummary } from '../runner/result.js';

/** One output format. onRunEnd must flush even after a target crash or Ctrl-C. */
export interface Reporter {
  readonly name: string;
  onRunStart?(plan: RunPlan): void | Promise<void>;
  /** Optional: a case is about to run (live progress). */
  onCaseStart?(c: Case): void;
  onCaseEnd(result: Readonly<CaseResult>): void | Promise<void>;
  onRunEnd(summary: RunSummary): void | Promise<void>;
}

/** Calls every reporter, isolating each one's faults so one broken reporter cannot lose the others' files. */
export async function fanOut(reporters: readonly Reporter[], call: (r: Reporter) => void | Promise<void>, errors: string[]): Promise<void> {
  await Promise.all(reporters.map(async r => {
    try { await call(r); } catch (e) { errors.push(`${r.name} reporter: ${(e as Error).message}`); }
  }));
}
