// runScript: the one entry point that replay, the fuzzer and conformance cases use to run a JSON script.
import { judge, type ExitInfo } from '../fuzz/oracle.js';
import type { ScriptResult, StepResult } from './result.js';
import { ScriptRunner, type RunnerOptions } from './runner.js';
import type { Script, Step } from './schema.js';

/** Options of runScript: the runner's, plus how to learn that a spawned target died. */
export interface RunScriptOptions extends RunnerOptions {
  /** Reports the target process's end when we spawned it (the "exit" oracle); absent for remote targets. */
  exited?: () => ExitInfo | null;
  /** Stop at the first step with a fault (the fuzzer does; replay shows every step). */
  stopAtFault?: boolean;
}

/** Runs every step in order, then judges the run. Never throws for target behaviour. */
export async function runScript(script: Script | { steps: readonly Step[] }, o: RunScriptOptions): Promise<ScriptResult> {
  const t0 = performance.now();
  const runner = new ScriptRunner(o);
  const steps: StepResult[] = [];
  try {
    for (const step of script.steps) {
      const r = await runner.runStep(step);
      steps.push(r);
      if (r.fault && o.stopAtFault) break;
    }
  } finally {
    await runner.drop(true);
  }
  // A crash may land a moment after the last step: give the child's exit event a chance to arrive.
  let exit = o.exited?.() ?? null;
  if (!exit && o.exited && steps.some(s => s.fault)) { await new Promise(r => setTimeout(r, 50)); exit = o.exited(); }
  return {
    steps, violations: runner.violations, verdict: judge(steps, runner.violations, exit),
    pdusSent: runner.pdusSent, pdusReceived: runner.pdusReceived, signatures: [...runner.signatures],
    durationMs: performance.now() - t0,
  };
}
