// What running a script gives: one result per step, the violations, and the oracle's verdict.
import type { Violation } from '../violation.js';

/** Oracle kinds (DESIGN.md "Fuzzer"). */
export type OracleKind = 'exit' | 'hang' | 'reset' | 'unexpected' | 'data' | 'probe' | 'violation' | 'unreachable';

/** Something a step saw that no conforming target does. */
export interface Fault { kind: OracleKind; rule: string; message: string }

/** The verdict: which oracle fired, for which rule, at which step. */
export interface OracleVerdict extends Fault { step?: number }

/** One step's outcome. */
export interface StepResult {
  index: number;
  op: string;
  /** Short outcome: 'ok', 'matched 0', 'closed (reset)', 'timeout', 'status 0x02', ... */
  outcome: string;
  detail?: string;
  /** What the step saw that a conforming target would not do (the step-local oracle). */
  fault?: Fault;
}

/** The whole run. */
export interface ScriptResult {
  steps: StepResult[];
  violations: Violation[];
  verdict: OracleVerdict | null;
  pdusSent: number;
  pdusReceived: number;
  /** Distinct response signatures seen (coverage). */
  signatures: string[];
  durationMs: number;
}

/** Same oracle = same kind and rule (what shrinking must preserve). */
export const verdictKey = (v: { kind: string; rule: string }): string => `${v.kind}:${v.rule}`;
