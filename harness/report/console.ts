// Console output: live progress on a TTY (log-update: count, current case, elapsed), one line per
// case otherwise; failures as expected vs actual with the section and a replay command; a summary
// table by area (cli-table3). Colour only on a TTY.
import Table from 'cli-table3';
import pc from 'picocolors';
import type { Case } from '../runner/case.js';
import { VERDICTS, type CaseResult, type RunPlan, type RunSummary, type Verdict } from '../runner/result.js';
import type { Reporter } from './reporter.js';

/** Where the console reporter writes. */
export interface ConsoleSink {
  write(s: string): void;
  /** Colour and live progress. */
  tty: boolean;
  /** Redraws the live progress line (log-update on a TTY). */
  live?: { update(s: string): void; done(): void };
}

const BAD: ReadonlySet<Verdict> = new Set(['fail', 'error', 'timeout', 'xpass']);

/** The console reporter; `replayUrl` is the redacted URL used in replay commands. */
export class ConsoleReporter implements Reporter {
  readonly name = 'console';
  private readonly results: CaseResult[] = [];
  private total = 0;
  private started = Date.now();
  private current: string[] = [];
  private ticker: NodeJS.Timeout | undefined;
  private readonly c: ReturnType<typeof pc.createColors>;

  constructor(private readonly out: ConsoleSink, private readonly replayUrl: string) {
    this.c = pc.createColors(out.tty);
  }

  onRunStart(plan: RunPlan): void {
    this.total = plan.cases.length;
    this.started = Date.now();
    this.out.write(`iscsi-conformance: ${plan.cases.length} case(s) against ${plan.target}\n`);
    if (this.out.live) { this.ticker = setInterval(() => this.redraw(), 250); this.ticker.unref(); }
  }

  /** Extra hook (not in the Reporter contract): lets the live line show the case in progress. */
  onCaseStart(c: Case): void { this.current.push(c.id); this.redraw(); }

  onCaseEnd(r: Readonly<CaseResult>): void {
    this.results.push(r);
    this.current = this.current.filter(id => id !== r.id);
    if (this.out.live) { this.redraw(); if (BAD.has(r.verdict)) { this.out.live.done(); this.out.write(this.line(r) + '\n'); } return; }
    this.out.write(this.line(r) + '\n');
  }

  onRunEnd(s: RunSummary): void {
    clearInterval(this.ticker);
    this.out.live?.done();
    const bad = this.results.filter(r => BAD.has(r.verdict));
    if (bad.length) this.out.write(`\n${this.c.bold('Failures')}\n${bad.map(r => this.detail(r)).join('\n')}\n`);
    this.out.write(`\n${this.table(s)}\n`);
    const parts = VERDICTS.filter(v => s.counts[v] > 0).map(v => `${s.counts[v]} ${v}`).join(', ');
    if (s.aborted) this.out.write(this.c.red(`run aborted: ${s.aborted}\n`));
    this.out.write(`${s.total} case(s): ${parts || 'none run'} in ${(s.durationMs / 1000).toFixed(1)} s; target alive at end: ${s.targetAlive ? 'yes' : 'no'}; exit ${s.exitCode}\n`);
  }

  private colour(v: Verdict, s: string): string {
    return BAD.has(v) ? this.c.red(s) : v === 'skip' ? this.c.yellow(s) : this.c.green(s);
  }

  private line(r: CaseResult): string {
    const why = r.verdict === 'skip' || r.verdict === 'error' || r.verdict === 'timeout' ? ` - ${r.reason ?? ''}` : '';
    return `${this.colour(r.verdict, r.verdict.padEnd(7))} ${r.id} ${r.title}${this.c.dim(` (${r.durationMs} ms)`)}${why}`;
  }

  private detail(r: CaseResult): string {
    const lines = [`${this.colour(r.verdict, r.verdict.toUpperCase())} ${r.id} ${r.title} [${r.level}, ${r.failure?.ref ?? r.ref}]`];
    lines.push(`  requirement: ${r.requirement}`);
    if (r.failure) lines.push(`  expected: ${r.failure.expected}`, `  actual:   ${r.failure.actual}`);
    if (r.reason) lines.push(`  reason:   ${r.reason}`);
    if (r.pcap) lines.push(`  pcap:     ${r.pcap}`);
    lines.push(`  replay:   npx iscsi-conformance run ${this.replayUrl} --only ${r.id}`);
    return lines.join('\n');
  }

  private table(s: RunSummary): string {
    const cols: Verdict[] = ['pass', 'fail', 'skip', 'error', 'timeout', 'xfail', 'xpass'];
    const t = new Table({ head: ['area', ...cols], style: this.out.tty ? {} : { head: [], border: [] } });
    const areas = [...new Set(this.results.map(r => r.area))];
    for (const a of areas) t.push([a, ...cols.map(v => String(this.results.filter(r => r.area === a && r.verdict === v).length))]);
    t.push([this.c.bold('total'), ...cols.map(v => String(s.counts[v]))]);
    return t.toString();
  }

  private redraw(): void {
    if (!this.out.live) return;
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    const bad = this.results.filter(r => BAD.has(r.verdict)).length;
    this.out.live.update(`[${this.results.length}/${this.total}] ${secs} s ${bad ? this.c.red(`${bad} failing`) : ''} ${this.c.dim(this.current.join(', '))}`);
  }
}
