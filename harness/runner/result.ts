// Verdicts and results: decided once in the runner, frozen, then handed to every reporter.
import type { Case, Level } from './case.js';

/** Every verdict a case can end with (DESIGN.md); a skip never counts as a pass. */
export type Verdict = 'pass' | 'fail' | 'skip' | 'error' | 'timeout' | 'xfail' | 'xpass';

/** All verdicts in report order. */
export const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'skip', 'error', 'timeout', 'xfail', 'xpass'];

/** Verdicts that make the run exit 1. */
export const FAILING: ReadonlySet<Verdict> = new Set(['fail', 'error', 'timeout', 'xpass']);

/** One line of the PDU trace of a case. */
export interface TraceLine {
  /** Milliseconds since the case started. */
  t: number;
  /** Connection number inside the case (1 = first connect). */
  conn: number;
  dir: 'out' | 'in' | 'event';
  /** printPdu line, or an event such as "closed by target". */
  text: string;
}

/** Why a case did not pass: expected vs actual, with the section that asks for it. */
export interface Failure {
  expected: string;
  actual: string;
  /** RFC/SPC reference of the broken sentence (or the checker rule's). */
  ref: string;
  /** Checker rule ID when the passive checker found it. */
  rule?: string;
}

/** The finished result of one case; frozen before any reporter sees it. */
export interface CaseResult {
  id: string;
  title: string;
  level: Level;
  area: string;
  section: string;
  ref: string;
  requirement: string;
  tags: readonly string[];
  verdict: Verdict;
  /** Skip reason, error message, timeout note, or the profile's reason for an xfail/xpass. */
  reason?: string;
  failure?: Failure;
  /** Stack of an `error` verdict (JSON report only). */
  stack?: string;
  /** Notes the case wrote (t.note) and graded outcomes it accepted. */
  notes: readonly string[];
  trace: readonly TraceLine[];
  durationMs: number;
  /** pcap file written for this case, relative to the report directory. */
  pcap?: string;
}

/** What is about to run. */
export interface RunPlan {
  target: string;
  cases: readonly Case[];
  startedAt: string;
  options: Readonly<Record<string, unknown>>;
}

/** Counts and the outcome of a finished (or interrupted) run. */
export interface RunSummary {
  counts: Readonly<Record<Verdict, number>>;
  total: number;
  durationMs: number;
  /** Set when the run ended early: target stopped answering, or interrupted by a signal. */
  aborted?: string;
  /** What the closing liveness probe found. */
  targetAlive?: boolean;
  exitCode: number;
}

/** Deep-freezes a result so a reporter cannot change what another one sees. */
export function freezeResult(r: CaseResult): Readonly<CaseResult> {
  Object.freeze(r.notes); Object.freeze(r.trace); Object.freeze(r.tags);
  for (const l of r.trace) Object.freeze(l);
  if (r.failure) Object.freeze(r.failure);
  return Object.freeze(r);
}

/** Counts verdicts; every verdict key is present. */
export function countVerdicts(results: readonly CaseResult[]): Record<Verdict, number> {
  const c = Object.fromEntries(VERDICTS.map(v => [v, 0])) as Record<Verdict, number>;
  for (const r of results) c[r.verdict]++;
  return c;
}
