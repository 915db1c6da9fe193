// The `run` command's work: validate everything first (exit 2), select (exit 4), probe (exit 3),
// run with every reporter, flush reports even on Ctrl-C, return the exit code.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TargetUnreachable, UsageError } from '../errors.js';
import { packageVersion } from '../package-root.js';
import type { CliIo } from '../cli/io.js';
import { ConsoleReporter, type ConsoleSink } from '../report/console.js';
import { HtmlReporter } from '../report/html.js';
import { JsonReporter } from '../report/json.js';
import { JunitReporter } from '../report/junit-reporter.js';
import type { Reporter } from '../report/reporter.js';
import { TapReporter } from '../report/tap.js';
import type { Capability, Case } from './case.js';
import { loadProfile, type Profile } from './profile.js';
import { wantsPcap, writeCasePcap, type PcapMode } from './pcap.js';
import { loadCases } from './registry.js';
import { runCases } from './runner.js';
import { selectCases, type Selection } from './select.js';
import { redactedUrl, type TargetInfo } from './target-info.js';
import { parseTargetUrl } from './target-url.js';

/** Options of `run`, as the CLI parsed them. */
export interface RunCommandOptions extends Selection {
  url?: string;
  strict?: boolean;
  dataloss?: boolean;
  timeout?: number;
  jobs?: number;
  profile?: string;
  out?: string;
  junit?: string;
  tap?: string;
  json?: boolean;
  pcap?: PcapMode;
  seed?: number;
  caps?: readonly string[];
  /** Interrupt (SIGINT); the CLI wires it to the process signal. */
  signal?: AbortSignal;
  /** Live progress writer for a TTY (log-update), given by the CLI. */
  live?: ConsoleSink['live'];
}

/**
 * The liveness probe's deadline: 3 s, or the per-case --timeout when that is longer, so a slow but alive
 * target (istgt sleeps 1 s per login and takes one connection at a time) is not called unreachable.
 */
export const probeDeadline = (caseTimeoutMs?: number): number => Math.max(3000, caseTimeoutMs ?? 0);

const KNOWN_CAPS = new Set(['dataloss', 'chap', 'mutual-chap', 'second-initiator', 'erl>=1', 'erl>=2', 'luns>=2', 'writable']);
const VERSION = packageVersion();

/** A bundled target declares what it offers itself: ERL 1 runs the cases that need erl>=1. */
function withBundled(caps: Set<Capability>, bundled: { erl: number } | undefined): Set<Capability> {
  if (bundled && bundled.erl >= 1) caps.add('erl>=1');
  return caps;
}

/** The capabilities of this run: from the URL, the flags and --cap. */
function capabilities(t: TargetInfo, o: RunCommandOptions): Set<Capability> {
  const caps = new Set<Capability>();
  if (o.dataloss) caps.add('dataloss').add('writable');
  if (t.user !== undefined && t.secret !== undefined) caps.add('chap');
  if (t.targetUser !== undefined) caps.add('mutual-chap');
  if (t.initiatorName2) caps.add('second-initiator');
  for (const c of o.caps ?? []) {
    if (!KNOWN_CAPS.has(c)) throw new UsageError(`unknown capability ${c}; known: ${[...KNOWN_CAPS].join(', ')}`, 'ERR_BAD_CAP');
    caps.add(c as Capability);
  }
  return caps;
}

/** Runs `run`; resolves to the exit code. */
export async function runConformance(o: RunCommandOptions, io: CliIo): Promise<number> {
  // Everything that can be a usage error is checked before anything runs or starts.
  let target = o.url !== undefined ? parseTargetUrl(o.url) : undefined;
  const profile: Profile | undefined = o.profile ? await loadProfile(o.profile) : undefined;
  if (o.jobs !== undefined && (!Number.isInteger(o.jobs) || o.jobs < 1 || o.jobs > 64)) throw new UsageError('--jobs must be an integer from 1 to 64', 'ERR_USAGE');
  if (o.timeout !== undefined && (!Number.isFinite(o.timeout) || o.timeout < 1)) throw new UsageError('--timeout must be a positive number of milliseconds', 'ERR_USAGE');
  if (target) capabilities(target, o);
  // The bundled target boots (its own module loading, ~1-2 s) while we load and select ~800 cases:
  // the two start-ups overlap on two cores. It is stopped again when the selection is a usage error or empty.
  const booting = target ? undefined : import('./bundled-target.js').then(m => m.startBundledTarget());
  // A second bundled target that requires CHAP (mutual too) runs the cases that need credentials: the first one must
  // stay open (AuthMethod=None) for the rest. Its secrets are random per run and never printed.
  const chapBooting = target ? undefined : import('./bundled-target.js').then(m => m.startBundledChapTarget());
  chapBooting?.catch(() => undefined);
  booting?.catch(() => undefined); // judged below; never an unhandled rejection while cases load
  let selected: ReturnType<typeof selectCases>;
  try {
    selected = selectCases(await loadCases(), o);
  } catch (e) {
    await booting?.then(b => b.stop(), () => undefined);
    await chapBooting?.then(b => b.stop(), () => undefined);
    throw e;
  }
  if (selected.length === 0) {
    await booting?.then(b => b.stop(), () => undefined);
    await chapBooting?.then(b => b.stop(), () => undefined);
    io.err('iscsi-conformance run: no case matches the filters; nothing was run\n'); return 4;
  }
  const bundled = await booting;
  // Without it the CHAP cases skip as they would against any open target; the run itself does not depend on it.
  const chapBundled = await chapBooting?.catch(() => undefined);
  try {
    target ??= parseTargetUrl(bundled!.url);
    const caps = withBundled(capabilities(target, o), bundled);
    const dir = resolve(o.out ?? join('reports', new Date().toISOString().replace(/[:]/g, '-').replace(/\..*$/, 'Z')));
    const toStdout = o.tap === '-' || o.json;
    const say = (s: string): void => { if (toStdout) io.err(s); else io.out(s); };
    const tap = new TapReporter([join(dir, 'results.tap'), ...(o.tap && o.tap !== '-' ? [o.tap] : [])], o.tap === '-' ? s => io.out(s) : undefined);
    const reporters: Reporter[] = [
      tap, new JunitReporter(tap, [join(dir, 'junit.xml'), ...(o.junit ? [o.junit] : [])]),
      new JsonReporter([join(dir, 'results.json')], VERSION, o.json ? s => io.out(s) : undefined),
      new HtmlReporter(join(dir, 'report.html')),
      new ConsoleReporter({ write: say, tty: io.isTTY && !toStdout, ...(o.live && io.isTTY && !toStdout ? { live: o.live } : {}) }, redactedUrl(target)),
    ];
    const { createChecker } = await import('../check/checker.js');
    const pcapMode = o.pcap ?? 'failures';
    const t = target;
    const chapTarget = chapBundled ? { ...parseTargetUrl(chapBundled.url), ...chapBundled.credentials } : undefined;
    const chapRoute = chapTarget ? { target: chapTarget, caps: withBundled(capabilities(chapTarget, o), chapBundled), memo: new Map<string, unknown>() } : undefined;
    const { summary, reporterErrors } = await runCases({
      target: t, caps, strict: o.strict ?? false, seed: o.seed ?? 1, cases: selected, reporters, jobs: o.jobs ?? 1,
      ...(o.timeout !== undefined ? { timeoutMs: o.timeout, probeTimeoutMs: probeDeadline(o.timeout) } : {}), ...(profile ? { profile } : {}), ...(o.signal ? { signal: o.signal } : {}),
      checker: () => createChecker({ mode: 'initiator' }), recordWire: pcapMode !== 'none',
      beforeRun: () => { mkdirSync(dir, { recursive: true }); }, // nothing is written when the target is unreachable
      ...(chapRoute ? { route: (c: Case) => (c.requires.some(r => r === 'chap' || r === 'mutual-chap') ? chapRoute : undefined) } : {}),
      afterCase: async (_c, out) => (wantsPcap(pcapMode, out.result.verdict) ? writeCasePcap(dir, out.result.id, out.wire, t.host) : undefined),
      planOptions: { strict: o.strict ?? false, dataloss: o.dataloss ?? false, jobs: o.jobs ?? 1, level: o.level ?? 'may', only: o.only ?? [], skip: o.skip ?? [], timeout: o.timeout ?? null, seed: o.seed ?? 1, pcap: pcapMode, profile: o.profile ?? null },
    });
    for (const e of reporterErrors) io.err(`iscsi-conformance run: ${e}\n`);
    say(`reports: ${dir}\n`);
    return reporterErrors.length && summary.exitCode === 0 ? 1 : summary.exitCode;
  } catch (e) {
    if (e instanceof TargetUnreachable) { io.err(`iscsi-conformance run: ${e.message}\n`); return 3; }
    throw e;
  } finally {
    await bundled?.stop();
    await chapBundled?.stop();
  }
}
