// results.json: a stable, versioned schema of the whole run (bump SCHEMA_VERSION on any breaking change).
import { writeFileSync } from 'node:fs';
import type { CaseResult, RunPlan, RunSummary } from '../runner/result.js';
import type { Reporter } from './reporter.js';

/** Version of the results.json layout. */
export const SCHEMA_VERSION = 1;

/** The document written to results.json. */
export interface ResultsDocument {
  schemaVersion: number;
  tool: { name: 'iscsi-conformance'; version: string };
  target: string;
  startedAt: string;
  options: Readonly<Record<string, unknown>>;
  summary: RunSummary;
  results: readonly CaseResult[];
}

/** Builds the document (pure; the golden test calls it directly). */
export function resultsDocument(plan: RunPlan, results: readonly CaseResult[], summary: RunSummary, version: string): ResultsDocument {
  return { schemaVersion: SCHEMA_VERSION, tool: { name: 'iscsi-conformance', version }, target: plan.target, startedAt: plan.startedAt, options: plan.options, summary, results };
}

/** Collects results and writes them at the end (or prints them, for `run --json`). */
export class JsonReporter implements Reporter {
  readonly name = 'json';
  private plan: RunPlan | undefined;
  private readonly results: CaseResult[] = [];

  constructor(private readonly files: readonly string[], private readonly version: string, private readonly print?: (s: string) => void) {}

  onRunStart(plan: RunPlan): void { this.plan = plan; }
  onCaseEnd(r: Readonly<CaseResult>): void { this.results.push(r); }
  onRunEnd(s: RunSummary): void {
    const plan = this.plan ?? { target: '', cases: [], startedAt: new Date().toISOString(), options: {} };
    const text = JSON.stringify(resultsDocument(plan, this.results, s, this.version), null, 2) + '\n';
    for (const f of this.files) writeFileSync(f, text);
    this.print?.(text);
  }
}
