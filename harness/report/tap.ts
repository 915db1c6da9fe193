// TAP 14, the primary stream: one test point per case, a YAML block with expected/actual/section/
// trace for every case that did not pass. JUnit is derived from this text (junit.ts).
import { closeSync, openSync, writeSync } from 'node:fs';
import type { CaseResult, RunPlan, RunSummary } from '../runner/result.js';
import type { Reporter } from './reporter.js';

const esc = (s: string): string => s.replace(/\\/g, '\\\\').replace(/#/g, '\\#').replace(/\r?\n/g, ' ');
/** Every YAML scalar is a JSON string or number, so the block is YAML and our parser is JSON.parse. */
const y = (v: string | number): string => JSON.stringify(v);

/** The TAP header. */
export const tapHeader = (plan: RunPlan): string =>
  `TAP version 14\n# iscsi-conformance run ${plan.target} (${plan.cases.length} cases)\n`;

/** One test point with its YAML diagnostics. */
export function tapPoint(n: number, r: CaseResult): string {
  const ok = r.verdict === 'pass' || r.verdict === 'skip' || r.verdict === 'xfail';
  const directive = r.verdict === 'skip' ? ` # SKIP ${esc(r.reason ?? '')}` : r.verdict === 'xfail' ? ` # TODO ${esc(r.reason ?? 'expected failure')}` : '';
  // xfail is reported as `not ok # TODO` (TAP's expected failure); xpass as a plain `not ok`.
  const lines = [`${ok && r.verdict !== 'xfail' ? 'ok' : 'not ok'} ${n} - ${esc(`${r.id} ${r.title}`)}${directive}`];
  const d: Array<[string, string | number]> = [['verdict', r.verdict], ['id', r.id], ['level', r.level], ['area', r.area], ['ref', r.failure?.ref ?? r.ref], ['duration_ms', r.durationMs]];
  if (r.verdict !== 'pass' && r.verdict !== 'skip') d.push(['requirement', r.requirement]);
  if (r.reason && r.verdict !== 'skip') d.push(['reason', r.reason]);
  if (r.failure) { d.push(['expected', r.failure.expected], ['actual', r.failure.actual]); if (r.failure.rule) d.push(['rule', r.failure.rule]); }
  if (r.pcap) d.push(['pcap', r.pcap]);
  const showTrace = !['pass', 'skip'].includes(r.verdict) && r.trace.length > 0;
  if (d.length > 0) {
    lines.push('  ---', ...d.map(([k, v]) => `  ${k}: ${y(v)}`));
    if (r.notes.length) lines.push('  notes:', ...r.notes.map(x => `    - ${y(x)}`));
    if (showTrace) lines.push('  trace:', ...r.trace.map(l => `    - ${y(traceText(l))}`));
    lines.push('  ...');
  }
  return lines.join('\n') + '\n';
}

/** One trace line as text: time, connection, direction, PDU. */
export const traceText = (l: CaseResult['trace'][number]): string =>
  `+${l.t}ms c${l.conn} ${l.dir === 'out' ? '>' : l.dir === 'in' ? '<' : '!'} ${l.text}`;

/** The trailing plan and counts. */
export function tapFooter(s: RunSummary): string {
  const c = s.counts;
  const lines = [`1..${s.total}`, `# pass ${c.pass} fail ${c.fail} skip ${c.skip} error ${c.error} timeout ${c.timeout} xfail ${c.xfail} xpass ${c.xpass}`];
  if (s.aborted) lines.push(`# aborted: ${s.aborted}`);
  lines.push(`# target alive at end: ${s.targetAlive ? 'yes' : 'no'}`, `# exit ${s.exitCode}, ${s.durationMs} ms`);
  return lines.join('\n') + '\n';
}

/** Streams TAP to files (written line by line, so a crash keeps what was run) and/or a writer. */
export class TapReporter implements Reporter {
  readonly name = 'tap';
  private n = 0;
  private text = '';
  private fds: number[] = [];

  // Files are opened at the run start, so an exit before it (unreachable target) leaves none behind.
  constructor(private readonly files: readonly string[], private readonly write?: (s: string) => void) {}

  /** Everything written so far (the JUnit reporter derives from it). */
  get tap(): string { return this.text; }

  onRunStart(plan: RunPlan): void { this.fds = this.files.map(f => openSync(f, 'w')); this.emit(tapHeader(plan)); }
  onCaseEnd(r: Readonly<CaseResult>): void { this.emit(tapPoint(++this.n, r)); }
  onRunEnd(s: RunSummary): void {
    this.emit(tapFooter(s));
    for (const fd of this.fds) closeSync(fd);
    this.fds = [];
  }

  private emit(s: string): void {
    this.text += s;
    for (const fd of this.fds) writeSync(fd, s);
    this.write?.(s);
  }
}
