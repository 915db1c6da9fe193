// The fuzz oracle (DESIGN.md "Fuzzer"): the target process died, a required answer never came or the
// connection was reset instead, a wrong answer, data read back differs, the liveness probe failed, or the
// passive checker found a violation. One verdict per run, most specific first.
import type { Violation } from '../violation.js';
import type { OracleVerdict, StepResult } from '../script/result.js';

/** How a spawned target process ended, when it did. */
export interface ExitInfo { code: number | null; signal: string | null }

/** Violations the oracle does not count: rules about our own (deliberately bad) PDUs. */
const OWN_RULES = /^check\/initiator-/;

/**
 * The verdict over one run: the target process exiting beats everything (a crash is the crash, whatever
 * the steps saw); then the first faulty step in order; then checker violations; null when all is well.
 */
export function judge(steps: readonly StepResult[], violations: readonly Violation[], exit: ExitInfo | null): OracleVerdict | null {
  if (exit) {
    return { kind: 'exit', rule: 'target-process-exit', message: `target process ended (${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`})` };
  }
  for (const s of steps) if (s.fault) return { ...s.fault, step: s.index };
  const v = violations.find(x => (x.level ?? 'MUST') === 'MUST' && !OWN_RULES.test(x.rule));
  if (v) return { kind: 'violation', rule: v.rule, message: `${v.message} (${v.ref})` };
  return null;
}
