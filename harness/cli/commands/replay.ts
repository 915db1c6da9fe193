// `replay FILE [URL]`: re-run a script (a fuzz finding or a corpus script) and show each step and the verdict:
// exit 1 when an oracle fires (for a finding: the same one), 0 when it no longer does.
import type { CliCommand } from '../command.js';
import { EXIT_FAIL, EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE } from '../exit-codes.js';

/** The `replay` command. */
export const replayCommand: CliCommand = {
  command: 'replay <file> [url]',
  describe: 'Re-run a JSON script (fuzz finding or corpus script) and show the oracle verdict',
  builder: y => y
    .positional('file', { type: 'string', demandOption: true, describe: 'script JSON (corpus/crashes/*.json, corpus/scripts/*.json)' })
    .positional('url', { type: 'string', describe: 'target URL (default: spawn the bundled reference target)' })
    .option('target-cmd', { type: 'string', describe: 'spawn this command as the target' })
    .option('fault', { type: 'string', array: true, describe: 'faults for the bundled target' })
    .option('step-timeout', { type: 'number', default: 1000 })
    .option('json', { type: 'boolean', default: false, describe: 'print the ScriptResult as JSON' }),
  async run(a, io) {
    const [{ readScript }, { runScript }, tp, { createChecker }, { HarnessError, TargetUnreachable }, { verdictKey }, { fuzzChecker }] = await Promise.all([
      import('../../script/io.js'), import('../../script/run-script.js'), import('../../fuzz/target-process.js'),
      import('../../check/checker.js'), import('../../errors.js'), import('../../script/result.js'), import('../../fuzz/internal-failure.js'),
    ]);
    const { isAlive, TARGET_GONE_RULE } = await import('../../fuzz/target-watch.js');
    let script;
    try { script = readScript(String(a.file)); } catch (e) {
      if (e instanceof HarnessError) { io.err(`iscsi-conformance replay: ${e.message}\n`); return EXIT_USAGE; }
      throw e;
    }
    let target;
    try {
      target = a.url ? tp.remoteTarget(String(a.url)) : await tp.spawnTarget(String(a.targetCmd ?? tp.bundledTargetCommand((a.fault as string[] | undefined) ?? [])));
    } catch (e) {
      if (e instanceof TargetUnreachable || e instanceof HarnessError) { io.err(`iscsi-conformance replay: ${e.message}\n`); return e instanceof TargetUnreachable ? EXIT_UNREACHABLE : EXIT_USAGE; }
      throw e;
    }
    try {
      const r = await runScript(script, {
        // The fuzzer's own oracles on top of the checker, so every kind of finding can fire again on replay.
        url: target.url, exited: () => target.exited(), checker: fuzzChecker(() => createChecker({ mode: 'initiator' })),
        timeouts: { stepMs: Number(a.stepTimeout), probeMs: Math.max(2000, Number(a.stepTimeout)) },
      });
      if (a.json) io.out(JSON.stringify(r, null, 2) + '\n');
      else {
        r.steps.forEach((s, i) => io.out(`${String(i).padStart(3)}  ${JSON.stringify(script.steps[i]).slice(0, 100).padEnd(100)}  ${s.outcome}${s.fault ? `  <- ${s.fault.kind} ${s.fault.rule}` : ''}\n`));
        const was = script.finding?.oracle;
        io.out(r.verdict ? `verdict: ${r.verdict.kind} ${r.verdict.rule}: ${r.verdict.message}\n` : 'verdict: no oracle fired\n');
        // A target that died of the script is a run-level oracle: it fires again when the target no longer answers.
        const again = r.verdict !== null && (verdictKey(r.verdict) === verdictKey(was ?? { kind: '', rule: '' })
          || (was?.rule === TARGET_GONE_RULE && !await isAlive(target.url)));
        if (was) io.out(again ? `the recorded finding (${was.kind} ${was.rule}) fires again${was.rule === TARGET_GONE_RULE ? ': the target no longer accepts connections' : ''}\n` : `the recorded finding (${was.kind} ${was.rule}) no longer fires\n`);
      }
      return r.verdict ? EXIT_FAIL : EXIT_OK;
    } finally {
      await target.close();
    }
  },
};
