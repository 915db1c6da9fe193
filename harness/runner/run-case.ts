// Runs one case to a verdict: capabilities, deadline, exceptions -> verdict, checker violations,
// --strict grading and the expected-failure profile. The only place a verdict is decided.
import { HarnessError, TransportError } from '../errors.js';
import { DEFAULT_TIMEOUT_MS, type Capability, type Case } from './case.js';
import { CaseContext, CaseFailed, CaseSkipped, type ConnChecker, type WireChunk } from './case-api.js';
import type { Profile } from './profile.js';
import { freezeResult, type CaseResult, type Failure, type Verdict } from './result.js';
import type { TargetInfo } from './target-info.js';

/** Settings shared by every case of a run. */
export interface CaseRunOptions {
  target: TargetInfo;
  caps: ReadonlySet<Capability>;
  strict: boolean;
  seed: number;
  /** --timeout: overrides every case's own timeout. */
  timeoutMs?: number;
  profile?: Profile;
  checker?: () => ConnChecker;
  /** Aborted on Ctrl-C: the case ends as `error: interrupted`. */
  signal?: AbortSignal;
  /** Run-wide store behind t.memo (the runner gives each run one). */
  memo?: Map<string, unknown>;
  /** Keep raw bytes for pcaps (default true). */
  recordWire?: boolean;
}

/** A finished case plus its raw bytes (for pcaps; not part of the frozen result). */
export interface CaseOutcome { result: Readonly<CaseResult>; wire: WireChunk[] }

const CAP_HINT: Partial<Record<Capability, string>> = {
  dataloss: 'destructive: rerun with --dataloss', chap: 'needs CHAP credentials in the URL (user%secret@)',
  'mutual-chap': 'needs target_user/target_password in the URL', 'second-initiator': 'needs a second initiator name',
};

/** Runs one case; never throws. */
export async function runCase(c: Case, o: CaseRunOptions): Promise<CaseOutcome> {
  const started = Date.now();
  const base = { id: c.id, title: c.title, level: c.level, area: c.area, section: c.section, ref: c.ref, requirement: c.requirement, tags: c.tags };
  const missing = c.requires.filter(cap => !o.caps.has(cap));
  if (missing.length) {
    const reason = missing.map(m => CAP_HINT[m] ?? `target lacks capability ${m}`).join('; ');
    return { result: freezeResult({ ...base, verdict: 'skip', reason, notes: [], trace: [], durationMs: 0 }), wire: [] };
  }
  const timeoutMs = o.timeoutMs ?? c.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const ctx = new CaseContext({ target: o.target, caps: o.caps, seed: o.seed, ref: c.ref, deadline: started + timeoutMs, ...(o.checker ? { checker: o.checker } : {}), ...(o.memo ? { memo: o.memo } : {}), ...(o.recordWire === false ? { recordWire: false } : {}) });
  type End = { kind: 'done' } | { kind: 'threw'; err: unknown } | { kind: 'timeout' } | { kind: 'aborted' };
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const ran = Promise.resolve().then(() => c.run(ctx)).then((): End => ({ kind: 'done' }), (err: unknown): End => ({ kind: 'threw', err }));
  const end = await Promise.race([
    ran,
    new Promise<End>(res => { timer = setTimeout(() => res({ kind: 'timeout' }), timeoutMs); }),
    new Promise<End>(res => {
      if (o.signal?.aborted) res({ kind: 'aborted' });
      onAbort = () => res({ kind: 'aborted' });
      o.signal?.addEventListener('abort', onAbort, { once: true });
    }),
  ]);
  clearTimeout(timer);
  if (onAbort) o.signal?.removeEventListener('abort', onAbort);
  ctx.closeAll(); // sockets closed whatever happened; a case still running sees `closed` and ends
  let verdict: Verdict = 'pass';
  let reason: string | undefined;
  let failure: Failure | undefined;
  let stack: string | undefined;
  if (end.kind === 'timeout') { verdict = 'timeout'; reason = `no verdict within ${timeoutMs} ms`; }
  else if (end.kind === 'aborted') { verdict = 'error'; reason = 'interrupted'; }
  else if (end.kind === 'threw') {
    const e = end.err;
    if (e instanceof CaseFailed) { verdict = 'fail'; failure = e.failure; }
    else if (e instanceof CaseSkipped) { verdict = 'skip'; reason = e.reason; }
    else {
      verdict = 'error';
      reason = e instanceof TransportError ? `transport: ${e.message}` : e instanceof HarnessError ? `${e.code}: ${e.message}` : `harness fault: ${(e as Error)?.message ?? String(e)}`;
      stack = (e as Error)?.stack;
    }
  }
  // A SHOULD-level checker rule only fails under --strict; MUST rules always do.
  const v = ctx.violations.find(x => o.strict || x.level !== 'SHOULD');
  if (v && (verdict === 'pass' || verdict === 'skip')) {
    verdict = 'fail';
    failure = { expected: `no passive-checker violation (${v.rule})`, actual: v.message, ref: v.ref, rule: v.rule };
  }
  const notes = [...ctx.notes, ...ctx.violations.filter(x => x !== v).map(x => `checker ${x.rule} (${x.ref}): ${x.message}`)];
  if (verdict === 'pass' && o.strict && ctx.nonStrict[0]) {
    verdict = 'fail'; failure = { ...ctx.nonStrict[0], expected: `${ctx.nonStrict[0].expected} (--strict)` };
  }
  // DESIGN.md: only --strict fails SHOULD (and MAY) cases; otherwise the miss stays visible as a note.
  if (verdict === 'fail' && failure && !failure.rule && c.level !== 'MUST' && !o.strict) {
    notes.push(`${c.level} not met (fails under --strict): expected ${failure.expected}; got ${failure.actual}`);
    verdict = 'pass'; failure = undefined;
  }
  const expectedFailure = o.profile?.expectedFailures.find(x => x.id === c.id);
  if (expectedFailure) {
    const why = `expected failure: ${expectedFailure.reason}${expectedFailure.clause ? ` (${expectedFailure.clause})` : ''}`;
    if (verdict === 'fail' || verdict === 'timeout' || verdict === 'error') { notes.push(`${verdict} as expected by the profile`); verdict = 'xfail'; reason = why; }
    else if (verdict === 'pass') { verdict = 'xpass'; reason = `${why}; but it passed`; }
  }
  const result: CaseResult = {
    ...base, verdict, notes, trace: [...ctx.trace], durationMs: Date.now() - started,
    ...(reason !== undefined ? { reason } : {}), ...(failure ? { failure } : {}), ...(stack ? { stack } : {}),
  };
  return { result: freezeResult(result), wire: ctx.wire };
}
