// report.html: one self-contained file (inline CSS and JS, no network): summary, filter by verdict,
// per case the requirement, expected vs actual, notes and the decoded PDU trace.
import { writeFileSync } from 'node:fs';
import type { CaseResult, RunPlan, RunSummary } from '../runner/result.js';
import { VERDICTS } from '../runner/result.js';
import type { Reporter } from './reporter.js';
import { traceText } from './tap.js';

const h = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CSS = `body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}h1{font-size:1.3em}
table.sum td,table.sum th{padding:2px 10px;text-align:right}.case{border:1px solid #ddd;border-radius:4px;margin:4px 0}
.case>summary{cursor:pointer;padding:4px 8px}.case .body{padding:4px 14px 10px}.v{display:inline-block;min-width:5.5em;font-weight:600}
.pass .v,.xfail .v{color:#17692e}.fail .v,.xpass .v,.error .v,.timeout .v{color:#b3261e}.skip .v{color:#7a6a00}
pre{background:#f6f6f6;padding:6px;overflow-x:auto;font-size:12px}dt{font-weight:600}dd{margin:0 0 6px 1em}label{margin-right:12px}`;

const JS = `document.querySelectorAll('input[data-v]').forEach(function(b){b.addEventListener('change',function(){
document.querySelectorAll('.case.'+b.dataset.v).forEach(function(c){c.style.display=b.checked?'':'none'})})});`;

function caseHtml(r: CaseResult): string {
  const dl: string[] = [`<dt>Requirement (${h(r.level)}, ${h(r.ref)})</dt><dd>${h(r.requirement)}</dd>`];
  if (r.failure) dl.push(`<dt>Expected</dt><dd>${h(r.failure.expected)}</dd><dt>Actual</dt><dd>${h(r.failure.actual)}</dd><dt>Section</dt><dd>${h(r.failure.ref)}${r.failure.rule ? ` (rule ${h(r.failure.rule)})` : ''}</dd>`);
  if (r.reason) dl.push(`<dt>Reason</dt><dd>${h(r.reason)}</dd>`);
  if (r.notes.length) dl.push(`<dt>Notes</dt><dd>${r.notes.map(h).join('<br>')}</dd>`);
  if (r.pcap) dl.push(`<dt>Capture</dt><dd><a href="${h(r.pcap)}">${h(r.pcap)}</a></dd>`);
  const trace = r.trace.length ? `<pre>${r.trace.map(l => h(traceText(l))).join('\n')}</pre>` : '';
  const open = ['fail', 'error', 'timeout', 'xpass'].includes(r.verdict) ? ' open' : '';
  return `<details class="case ${r.verdict}"${open}><summary><span class="v">${r.verdict}</span> <code>${h(r.id)}</code> ${h(r.title)} <small>(${r.durationMs} ms)</small></summary><div class="body"><dl>${dl.join('')}</dl>${trace}</div></details>`;
}

/** The whole page (pure, for the golden test). */
export function renderHtml(plan: RunPlan, results: readonly CaseResult[], s: RunSummary): string {
  const counts = VERDICTS.map(v => `<th>${v}</th>`).join('');
  const nums = VERDICTS.map(v => `<td>${s.counts[v]}</td>`).join('');
  const filters = VERDICTS.map(v => `<label><input type="checkbox" data-v="${v}" checked> ${v} (${s.counts[v]})</label>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>iscsi-conformance: ${h(plan.target)}</title><style>${CSS}</style></head>
<body><h1>iscsi-conformance report</h1>
<p>Target <code>${h(plan.target)}</code>, started ${h(plan.startedAt)}, ${s.total} cases in ${s.durationMs} ms, exit code ${s.exitCode}.${s.aborted ? ` <strong>Aborted: ${h(s.aborted)}</strong>` : ''} Target alive at the end: ${s.targetAlive ? 'yes' : 'no'}.</p>
<table class="sum"><tr>${counts}</tr><tr>${nums}</tr></table>
<p>Show: ${filters}</p>
${results.map(caseHtml).join('\n')}
<script>${JS}</script></body></html>
`;
}

/** Writes report.html at the end of the run. */
export class HtmlReporter implements Reporter {
  readonly name = 'html';
  private plan: RunPlan | undefined;
  private readonly results: CaseResult[] = [];
  constructor(private readonly file: string) {}
  onRunStart(plan: RunPlan): void { this.plan = plan; }
  onCaseEnd(r: Readonly<CaseResult>): void { this.results.push(r); }
  onRunEnd(s: RunSummary): void {
    writeFileSync(this.file, renderHtml(this.plan ?? { target: '', cases: [], startedAt: '', options: {} }, this.results, s));
  }
}
