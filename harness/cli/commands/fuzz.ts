// `fuzz [URL]`: fuzz a target (default: the bundled reference target spawned as a child) with an oracle,
// shrinking each finding to a replayable script in corpus/crashes (or --out).
import type { CliCommand } from '../command.js';
import { EXIT_FAIL, EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE } from '../exit-codes.js';

const parseDuration = (s: string): number | undefined => {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s.trim());
  if (!m) return undefined;
  return Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms'] ?? 1000);
};

/** The `fuzz` command. */
export const fuzzCommand: CliCommand = {
  command: 'fuzz [url]',
  describe: 'Fuzz a target with an oracle (crash, hang, reset, wrong answer, data, probe, checker), shrinking findings to replayable scripts',
  builder: y => y
    .positional('url', { type: 'string', describe: 'iscsi://host[:port]/iqn/lun (default: spawn the bundled reference target on loopback)' })
    .option('seed', { type: 'number', default: 1, describe: 'fast-check seed: the same seed and options send the same PDUs' })
    .option('time', { type: 'string', describe: 'stop after this long (60s, 10m; default 60s on loopback)' })
    .option('runs', { type: 'number', describe: 'stop after this many scripts' })
    .option('mode', { type: 'string', default: 'all', describe: 'login|text|ffp|cdb|bhs|seeds|session|all' })
    .option('target-cmd', { type: 'string', describe: 'spawn this command as the target (it must print its iscsi:// URL); its exit is a finding' })
    .option('fault', { type: 'string', array: true, describe: 'switch on a fault of the bundled target (target --list-faults)' })
    .option('out', { type: 'string', default: 'corpus/crashes', describe: 'where findings go' })
    .option('rate', { type: 'number', describe: 'at most N PDUs per second' })
    .option('max-findings', { type: 'number', default: 10 })
    .option('step-timeout', { type: 'number', default: 1000, describe: 'ms a required answer may take before it counts as a hang' })
    .option('login-timeout', { type: 'number', describe: 'ms a Login Response may take, in login steps and the liveness probe (default: max(step-timeout, 5000); some targets pause ~1 s per login)' })
    .option('target-wait', { type: 'string', default: '10s', describe: 'a remote target that stops accepting connections is probed this long; if it does not come back, the script that preceded its death is saved with its pcap and the run stops (exit 1)' })
    .option('ignore', { type: 'string', array: true, describe: 'pass over verdicts whose rule (or kind:rule) starts with this (known problems)' })
    .option('list-modes', { type: 'boolean', default: false, describe: 'explain each generator mode and exit' })
    .example('$0 fuzz --time 60s --seed 7', 'fuzz the bundled reference target for a minute')
    .example('$0 fuzz iscsi://10.0.0.5/iqn.x:t/0 --mode login --runs 5000 --rate 200', 'a remote target needs --time or --runs'),
  async run(a, io) {
    const { MODES, allMode, modeNamed } = await import('../../fuzz/modes/index.js');
    if (a.listModes) {
      for (const m of [...MODES, allMode]) io.out(`${m.name.padEnd(8)} ${m.describe}\n`);
      return EXIT_OK;
    }
    const mode = modeNamed(String(a.mode));
    if (!mode) { io.err(`iscsi-conformance fuzz: unknown mode "${a.mode}" (see --list-modes)\n`); return EXIT_USAGE; }
    const url = a.url as string | undefined;
    const time = a.time === undefined ? undefined : parseDuration(String(a.time));
    if (a.time !== undefined && time === undefined) { io.err(`iscsi-conformance fuzz: --time "${a.time}" is not a duration like 60s or 10m\n`); return EXIT_USAGE; }
    const { parseUrl } = await import('../../initiator/url.js');
    const parsed = url ? parseUrl(url) : undefined;
    const loopback = !parsed || /^(127\.|localhost$|::1$)/.test(parsed.host);
    if (!loopback && time === undefined && a.runs === undefined) {
      io.err('iscsi-conformance fuzz: a remote target needs an explicit --time or --runs\n');
      return EXIT_USAGE;
    }
    const targetWait = parseDuration(String(a.targetWait));
    if (targetWait === undefined) { io.err(`iscsi-conformance fuzz: --target-wait "${a.targetWait}" is not a duration like 10s\n`); return EXIT_USAGE; }
    if (url && (a.targetCmd || a.fault)) { io.err('iscsi-conformance fuzz: give a URL or --target-cmd/--fault, not both\n'); return EXIT_USAGE; }
    const [{ fuzz }, { saveFinding }, { loadSeeds }, tp, { progressReporter }, { createChecker }, { TargetUnreachable }] = await Promise.all([
      import('../../fuzz/engine.js'), import('../../fuzz/finding.js'), import('../../fuzz/corpus.js'),
      import('../../fuzz/target-process.js'), import('../../fuzz/progress.js'), import('../../check/checker.js'), import('../../errors.js'),
    ]);
    let target;
    try {
      target = url ? tp.remoteTarget(url) : await tp.spawnTarget(String(a.targetCmd ?? tp.bundledTargetCommand((a.fault as string[] | undefined) ?? [])));
    } catch (e) {
      if (e instanceof TargetUnreachable) { io.err(`iscsi-conformance fuzz: ${e.message}\n`); return EXIT_UNREACHABLE; }
      throw e;
    }
    const progress = progressReporter(io);
    const saved: string[] = [];
    try {
      io.err(`fuzzing ${parseUrl(target.url).toString()} mode=${mode.name} seed=${a.seed}${target.spawned ? ' (spawned, pid-owned)' : ''}\n`);
      const r = await fuzz({
        target, mode, seed: Number(a.seed), timeMs: time ?? (a.runs === undefined ? 60_000 : undefined), ...(a.runs !== undefined ? { runs: Number(a.runs) } : {}),
        ...(a.rate ? { rate: Number(a.rate) } : {}), seeds: loadSeeds(), targetName: parseUrl(target.url).target ?? '',
        timeouts: { stepMs: Number(a.stepTimeout), probeMs: Math.max(2000, Number(a.stepTimeout)), loginMs: a.loginTimeout === undefined ? Math.max(5000, Number(a.stepTimeout)) : Number(a.loginTimeout) },
        maxFindings: Number(a.maxFindings), targetWaitMs: targetWait,
        checker: () => createChecker({ mode: 'initiator' }),
        ...(a.ignore ? { ignore: v => (a.ignore as string[]).some(p => v.rule.startsWith(p) || `${v.kind}:${v.rule}`.startsWith(p)) } : {}),
        onProgress: s => progress.update(s),
        onFinding: async f => {
          const { file, reproduced, notRerun } = await saveFinding(f, String(a.out), target, () => createChecker({ mode: 'initiator' }));
          saved.push(file);
          const rerun = notRerun ? `not re-run: ${notRerun}${f.capture ? ' (pcap of the run that found it)' : ''}` : reproduced ? 'reproduced' : 'NOT reproduced on re-run (flaky?)';
          io.err(`\nfinding: ${f.verdict.kind} ${f.verdict.rule}: ${f.verdict.message}\n  ${f.steps.length} steps (from ${f.originalSteps}), ${rerun} -> ${file}\n`);
        },
      });
      progress.done();
      const secs = r.stats.elapsedMs / 1000;
      // Say plainly when the run ended before its --time/--runs budget, so a short run is not mistaken for a full one.
      const why = r.stoppedBecause === 'max findings' ? `max findings (--max-findings ${a.maxFindings}), early` : r.stoppedBecause;
      io.out(`${r.stats.runs} scripts, ${r.stats.pdusSent} PDUs in ${secs.toFixed(1)} s (${(r.stats.pdusSent / secs).toFixed(0)} PDUs/s), ${r.stats.signatures.size} response signatures, ${r.findings.length} finding(s); stopped: ${why}\n`);
      for (const f of saved) io.out(`  ${f}\n`);
      if (r.findings.length) return EXIT_FAIL;
      return r.stoppedBecause === 'target unreachable' ? EXIT_UNREACHABLE : EXIT_OK;
    } finally {
      await target.close();
    }
  },
};
