// A final pass after fast-check's shrinking: drop whole steps, then login keys, step options and PDU fields (back to
// their defaults), keeping each cut only while the SAME oracle still fires. Cheap where fast-check's shrinking of
// chained generators is weak, and it leaves findings that read like a hand-written case.
import type { PduSpec, Step } from '../script/schema.js';

const OPTION_KEYS = ['repeat', 'split', 'truncate', 'pad', 'badHeaderDigest', 'lengths'] as const;

/** Smaller variants of `steps`, most aggressive first. */
function* candidates(steps: readonly Step[]): Generator<Step[]> {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]!.op !== 'probe' || i !== steps.length - 1) yield [...steps.slice(0, i), ...steps.slice(i + 1)];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    // A drawn login offer: each key back to the step's default, so the finding names the key that matters.
    if (s.op === 'login' && s.keys) {
      for (const k of Object.keys(s.keys)) {
        const { [k]: _drop, ...keys } = s.keys;
        const { keys: _all, ...plain } = s;
        yield [...steps.slice(0, i), Object.keys(keys).length ? { ...s, keys } : plain, ...steps.slice(i + 1)];
      }
    }
    if (s.op !== 'send') continue;
    for (const k of OPTION_KEYS) if (k in s) { const { [k]: _drop, ...rest } = s; yield [...steps.slice(0, i), rest as Step, ...steps.slice(i + 1)]; }
    if ('raw' in s.pdu) continue;
    const spec = s.pdu as PduSpec;
    for (const k of Object.keys(spec)) {
      if (k === 'type') continue;
      const { [k]: _drop, ...rest } = spec;
      yield [...steps.slice(0, i), { ...s, pdu: rest as PduSpec }, ...steps.slice(i + 1)];
    }
  }
}

/**
 * The steps of `steps` that ran: a run stops at its first faulty step, so what follows it never reached the target
 * and only weighs the finding down (a hang once kept two 1 MiB Data-Outs after the step that hung).
 */
export const stepsThatRan = (steps: readonly Step[], ran: number): Step[] => steps.slice(0, Math.max(1, ran));

/**
 * Cuts `steps` down while `fires` holds, until nothing more can go or `deadline` (performance.now()) passes.
 * `fires` may answer with the steps that ran (a prefix of its argument): everything after them is dropped at once.
 */
export async function minimise(steps: readonly Step[], fires: (s: Step[]) => Promise<boolean | Step[]>, deadline: number): Promise<Step[]> {
  let best = [...steps];
  for (let changed = true; changed && performance.now() < deadline;) {
    changed = false;
    for (const c of candidates(best)) {
      if (performance.now() >= deadline) break;
      const f = await fires(c);
      if (f) { best = f === true ? c : f; changed = true; break; }
    }
  }
  return best;
}
