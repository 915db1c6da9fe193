// Schedules a run: start probe, N parallel sessions, a probe after each failing case, the closing
// probe, `error: target unreachable` for the rest once the target stops answering, and reports
// that are always flushed (also on Ctrl-C).
import { TargetUnreachable } from '../errors.js';
import { fanOut, type Reporter } from '../report/reporter.js';
import type { Case } from './case.js';
import { probeTarget, type ProbeResult } from './probe.js';
import { countVerdicts, FAILING, freezeResult, type CaseResult, type RunPlan, type RunSummary } from './result.js';
import { runCase, type CaseOutcome, type CaseRunOptions } from './run-case.js';
import { redactedUrl } from './target-info.js';

/** A whole run's settings. */
export interface RunOptions extends CaseRunOptions {
  cases: readonly Case[];
  jobs?: number;
  reporters: readonly Reporter[];
  /** Deadline of each liveness probe. */
  probeTimeoutMs?: number;
  /** Called with every finished case before reporters see it (pcap writing); may add `pcap`. */
  afterCase?(c: Case, outcome: CaseOutcome): Promise<string | undefined>;
  /** Options echoed into the plan (reports show them). */
  planOptions?: Record<string, unknown>;
  /** Called once the start probe connected, before any reporter runs (creates the report directory). */
  beforeRun?(): void;
  /** Replaces the real probe (tests). */
  probe?: () => Promise<ProbeResult>;
  /** Options that differ for some cases (the bundled run sends the CHAP cases to a CHAP-configured second target). */
  route?(c: Case): Partial<CaseRunOptions> | undefined;
}

/** Everything a run produced; reporters have flushed when this resolves. */
export interface RunOutcome { summary: RunSummary; results: Readonly<CaseResult>[]; reporterErrors: string[] }

/** Exit code of DESIGN.md from the verdicts: 1 on any failing verdict, 4 on nothing run, else 0. */
export function exitCodeFor(results: readonly CaseResult[]): number {
  if (results.length === 0) return 4;
  return results.some(r => FAILING.has(r.verdict)) ? 1 : 0;
}

/** Runs the cases; throws TargetUnreachable (exit 3) only when the start probe cannot connect, before any report. */
export async function runCases(o: RunOptions): Promise<RunOutcome> {
  const started = Date.now();
  const probe = o.probe ?? (() => probeTarget(o.target, o.probeTimeoutMs ?? 3000));
  const first = await probe();
  // Exit 3 only when not even TCP connects; a target that connects but does not answer is reported
  // case by case (`error: target unreachable`) so that every report still says what happened.
  if (!first.reachable) throw new TargetUnreachable(`target ${o.target.host}:${o.target.port} is unreachable: ${first.reason ?? 'no answer'}`);
  o.beforeRun?.();
  const plan: RunPlan = Object.freeze({ target: redactedUrl(o.target), cases: o.cases, startedAt: new Date(started).toISOString(), options: Object.freeze({ ...(o.planOptions ?? {}) }) });
  const reporterErrors: string[] = [];
  await fanOut(o.reporters, r => r.onRunStart?.(plan), reporterErrors);
  const results: Readonly<CaseResult>[] = [];
  const caseOptions: CaseRunOptions = { ...o, memo: o.memo ?? new Map() }; // t.memo facts live for this run only
  let dead: string | undefined = first.alive ? undefined : `liveness probe before the first case: ${first.reason ?? 'no answer'}`;
  let probing: Promise<void> | undefined;
  let next = 0;
  let gate: Promise<void> | undefined;
  let active = 0;
  const emit = async (r: Readonly<CaseResult>): Promise<void> => { results.push(r); await fanOut(o.reporters, x => x.onCaseEnd(r), reporterErrors); };
  const notRun = (c: Case, reason: string): Readonly<CaseResult> => freezeResult({
    id: c.id, title: c.title, level: c.level, area: c.area, section: c.section, ref: c.ref, requirement: c.requirement, tags: c.tags,
    verdict: 'error', reason, notes: [], trace: [], durationMs: 0,
  });
  const worker = async (): Promise<void> => {
    for (;;) {
      if (probing) await probing; // no new case starts while the target's health is in question
      const c = o.cases[next++];
      if (!c) return;
      if (o.signal?.aborted) { await emit(notRun(c, 'interrupted before it ran')); continue; }
      if (dead) { await emit(notRun(c, `target unreachable: ${dead}`)); continue; }
      // An exclusive case waits for the cases in flight and holds the others back until it ends.
      while (gate) await gate;
      let open: (() => void) | undefined;
      if (c.exclusive) {
        gate = new Promise<void>(res => { open = res; });
        while (active > 0) await new Promise(res => setTimeout(res, 5));
      }
      active++;
      let outcome: CaseOutcome;
      try {
        await fanOut(o.reporters, r => r.onCaseStart?.(c), reporterErrors);
        const routed = o.route?.(c);
        outcome = await runCase(c, routed ? { ...caseOptions, ...routed } : caseOptions);
      } finally {
        active--;
        if (open) { gate = undefined; open(); }
      }
      const pcap = o.afterCase ? await o.afterCase(c, outcome).catch(() => undefined) : undefined;
      await emit(pcap ? freezeResult({ ...outcome.result, pcap }) : outcome.result);
      if (FAILING.has(outcome.result.verdict) || outcome.result.verdict === 'xfail') {
        if (!probing && !dead && !o.signal?.aborted) {
          probing = probe().then(p => { if (!p.alive) dead = p.reason ?? 'no answer'; }).finally(() => { probing = undefined; });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.jobs ?? 1, o.cases.length || 1)) }, worker));
  if (probing) await probing;
  const last = dead || o.signal?.aborted ? undefined : await probe();
  const counts = countVerdicts(results);
  const summary: RunSummary = Object.freeze({
    counts: Object.freeze(counts), total: results.length, durationMs: Date.now() - started,
    ...(dead ? { aborted: `target stopped answering: ${dead}` } : o.signal?.aborted ? { aborted: 'interrupted (SIGINT)' } : {}),
    targetAlive: last?.alive ?? false,
    exitCode: o.signal?.aborted ? 1 : exitCodeFor(results),
  });
  await fanOut(o.reporters, r => r.onRunEnd(summary), reporterErrors);
  return { summary, results, reporterErrors };
}
