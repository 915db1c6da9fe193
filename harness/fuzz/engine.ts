// The fuzz loop: fast-check rounds over a mode's script arbitrary, each script run by runScript and judged by the
// oracle; the first failure of a round is shrunk to the smallest script that fires the SAME oracle (kind + rule).
// Randomness comes only from fast-check's seed: the same seed and options send the same PDUs.
// A remote target that stops accepting connections ends the run (TargetWatch): nothing is shrunk or re-run against it.
import fc from 'fast-check';
import type { PduChecker } from '../script/connection.js';
import { verdictKey, type OracleVerdict } from '../script/result.js';
import { runScript } from '../script/run-script.js';
import type { Timeouts } from '../script/runner.js';
import type { Script, Step } from '../script/schema.js';
import { fuzzChecker } from './internal-failure.js';
import { minimise, stepsThatRan } from './minimise.js';
import type { FuzzMode } from './modes/index.js';
import type { FuzzTarget } from './target-process.js';
import { TARGET_GONE_RULE, TargetWatch, type TargetGone } from './target-watch.js';

/** What to fuzz, how long, how hard. */
export interface FuzzOptions {
  target: FuzzTarget;
  mode: FuzzMode;
  seed: number;
  /** Stop after this many scripts (across rounds). */
  runs?: number;
  /** Stop after this many milliseconds (shrinking included). */
  timeMs?: number;
  /** PDUs per second at most. */
  rate?: number;
  maxBody?: number;
  seeds?: readonly Script[];
  targetName?: string;
  timeouts?: Partial<Timeouts>;
  checker?: () => PduChecker;
  /** Shrinking budget per finding (ms); default 20 s. */
  shrinkMs?: number;
  /** Stop after this many findings; default 10. */
  maxFindings?: number;
  /** Verdicts to pass over (known, already-reported problems: a profile for the fuzzer). */
  ignore?: (v: OracleVerdict) => boolean;
  /** How long a remote target that stopped answering may take to come back before the run stops; default 10 s. */
  targetWaitMs?: number;
  /** Stop as soon as a finding satisfies this. */
  stopWhen?: (f: Finding) => boolean;
  onProgress?(s: FuzzStats): void;
  onFinding?(f: Finding): Promise<void> | void;
}

/** Live counters (progress line and the final summary). */
export interface FuzzStats {
  startedAt: number; elapsedMs: number; runs: number; pdusSent: number; findings: number; signatures: Set<string>; shrinking: boolean;
  /** A remote target stopped answering and we are waiting for it to come back. */
  targetDown: boolean;
}

/** One shrunk finding. */
export interface Finding {
  verdict: OracleVerdict;
  steps: Step[];
  /** Steps of the script as first found, before shrinking. */
  originalSteps: number;
  mode: string;
  /** fast-check seed and path that regenerate the (shrunk) script. */
  seed: number;
  path: string;
  /** ms from the start of the run to the first failure, and shrink time. */
  foundAfterMs: number;
  shrinkMs: number;
  /** pcap bytes of the run the finding comes from, when a re-run cannot give them (remote target gone). */
  capture?: Buffer;
  /** Why the finding must not be re-run (saving it re-runs it under a recorder otherwise). */
  notRerun?: string;
}

/** Runs the fuzzer until runs, time or maxFindings run out; resolves with the stats and the findings. */
export async function fuzz(o: FuzzOptions): Promise<{ stats: FuzzStats; findings: Finding[]; stoppedBecause: string }> {
  const t0 = performance.now();
  const stats: FuzzStats = { startedAt: t0, elapsedMs: 0, runs: 0, pdusSent: 0, findings: 0, signatures: new Set(), shrinking: false, targetDown: false };
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const ctx = { seeds: o.seeds ?? [], maxBody: o.maxBody ?? 6, targetName: o.targetName ?? '' };
  const arb = o.mode.arbitrary(ctx);
  // The internal-failure oracle runs on top of the caller's checker (or alone): a caught crash is still a crash.
  const checker = fuzzChecker(o.checker);
  const deadline = o.timeMs === undefined ? Infinity : t0 + o.timeMs;
  const maxRuns = o.runs ?? Infinity;
  const maxFindings = o.maxFindings ?? 10;
  const watch = new TargetWatch(o.target, {
    ...(o.targetWaitMs !== undefined ? { waitMs: o.targetWaitMs } : {}), ...(o.timeouts ? { timeouts: o.timeouts } : {}),
    onWaiting: w => { stats.targetDown = w; stats.elapsedMs = performance.now() - t0; o.onProgress?.(stats); },
  });
  const report = async (f: Finding): Promise<void> => { findings.push(f); stats.findings++; await o.onFinding?.(f); };
  const tick = setInterval(() => { stats.elapsedMs = performance.now() - t0; o.onProgress?.(stats); }, 250);
  let stoppedBecause = 'runs';
  try {
    for (let round = 0; ; round++) {
      if (stats.runs >= maxRuns) { stoppedBecause = 'runs'; break; }
      if (performance.now() >= deadline) { stoppedBecause = 'time'; break; }
      if (findings.length >= maxFindings) { stoppedBecause = 'max findings'; break; }
      // One round = one fast-check run with its own seed; a failure ends the round after shrinking.
      const roundSeed = (o.seed + round * 0x9e3779b1) | 0;
      let target: string | undefined, firstAt = 0, shrinkEnd = Infinity, last: { steps: Step[]; verdict: OracleVerdict; capture?: Buffer | undefined } | undefined;
      const prop = fc.asyncProperty(arb, async steps => {
        if (target !== undefined && performance.now() > shrinkEnd) return true;
        if (target === undefined && (stats.runs >= maxRuns || performance.now() >= deadline)) return true;
        const a = await watch.run(steps, { stopAtFault: true, ...(o.rate ? { rate: o.rate } : {}), ...(o.timeouts ? { timeouts: o.timeouts } : {}), checker });
        if (!a) return true; // the target is gone: let fast-check run out, the round ends below
        const r = a.result;
        stats.runs++; stats.pdusSent += r.pdusSent;
        for (const s of r.signatures) stats.signatures.add(s);
        if (!r.verdict || o.ignore?.(r.verdict)) return true;
        await recover(o.target);
        const key = verdictKey(r.verdict);
        if (target === undefined) {
          if (seen.has(key)) return true; // already reported: keep looking for new ones
          target = key; firstAt = performance.now(); shrinkEnd = firstAt + (o.shrinkMs ?? 20_000); stats.shrinking = true;
        }
        if (key !== target) return true;
        last = { steps: stepsThatRan(steps, r.steps.length), verdict: r.verdict, capture: a.capture };
        return false;
      });
      const left = maxRuns - stats.runs;
      const res = await fc.check(prop, {
        seed: roundSeed, numRuns: Number.isFinite(left) ? Math.max(1, Math.min(left, 1000)) : 1000,
        ...(Number.isFinite(deadline) ? { interruptAfterTimeLimit: Math.max(1, deadline - performance.now() + (o.shrinkMs ?? 20_000)) } : {}),
        markInterruptAsFailure: false, endOnFailure: false,
      });
      if (res.failed && last && target) {
        seen.add(target);
        const key = target;
        const fires = async (steps: Step[]): Promise<boolean | Step[]> => {
          const a = await watch.run(steps, { stopAtFault: true, ...(o.timeouts ? { timeouts: o.timeouts } : {}), checker });
          if (!a) return false;
          const r = a.result;
          stats.runs++; stats.pdusSent += r.pdusSent;
          if (r.verdict) await recover(o.target);
          if (!r.verdict || verdictKey(r.verdict) !== key) return false;
          last = { steps: stepsThatRan(steps, r.steps.length), verdict: r.verdict, capture: a.capture };
          return last.steps;
        };
        // Shrinking a dead target learns nothing: keep the script as it last fired, with that run's capture.
        if (!watch.gone) last.steps = await minimise(last.steps, fires, performance.now() + (o.shrinkMs ?? 20_000));
        const f: Finding = {
          verdict: last.verdict, steps: last.steps, originalSteps: (res.counterexample?.[0] as Step[] | undefined)?.length ?? last.steps.length,
          mode: o.mode.name, seed: roundSeed, path: res.counterexamplePath ?? '', foundAfterMs: firstAt - t0, shrinkMs: performance.now() - firstAt,
          ...(watch.gone ? { notRerun: 'target unreachable', ...(last.capture ? { capture: last.capture } : {}) } : {}),
        };
        stats.shrinking = false;
        await report(f);
        if (!watch.gone && o.stopWhen?.(f)) { stoppedBecause = 'found'; break; }
      }
      stats.shrinking = false;
      if (watch.gone) {
        const g = goneFinding(watch.gone, o.mode.name, roundSeed, performance.now() - t0);
        if (g) await report(g);
        stoppedBecause = 'target unreachable';
        break;
      }
    }
  } finally {
    clearInterval(tick);
    stats.elapsedMs = performance.now() - t0;
    o.onProgress?.(stats);
  }
  return { stats, findings, stoppedBecause };
}

/**
 * The finding a dead remote target leaves: the last script that reached it, as it ran (unshrunk, never re-run),
 * with the capture of that run. None when nothing ever reached it.
 */
function goneFinding(g: TargetGone, mode: string, seed: number, atMs: number): Finding | undefined {
  const c = g.culprit;
  if (!c) return undefined;
  const own = c.result.verdict;
  return {
    verdict: { kind: 'unreachable', rule: TARGET_GONE_RULE, message: `target stopped accepting connections after this script (${g.why})${own ? `; the script itself saw ${own.kind} ${own.rule}: ${own.message}` : ''}` },
    steps: stepsThatRan(c.steps, c.result.steps.length), originalSteps: c.steps.length, mode, seed, path: '', foundAfterMs: atMs, shrinkMs: 0,
    notRerun: 'target unreachable', ...(c.capture ? { capture: c.capture } : {}),
  };
}

// After a fault the target may be alive but wedged (a global hang): a spawned one that fails a quick probe is restarted.
// A remote one is TargetWatch's business (it probes after connection-level verdicts).
async function recover(t: FuzzTarget): Promise<void> {
  if (!t.spawned) return;
  if (t.exited()) { await t.restart(); return; }
  const r = await runScript({ steps: [{ op: 'probe', timeoutMs: 1000 }] }, { url: t.url, exited: () => t.exited(), timeouts: { loginMs: 1000 } });
  if (r.verdict) await t.restart();
}
