// `run [url]`: run the conformance cases against a target (no URL: the bundled reference target).
import type { Argv } from 'yargs';
import type { CliCommand } from '../command.js';

/** Filters shared by `run` and `list`. */
export const filterOptions = (y: Argv): Argv => y
  .option('only', { type: 'string', array: true, describe: 'run only cases matching an ID prefix, glob or tag (repeatable)' })
  .option('skip', { type: 'string', array: true, describe: 'leave out cases matching an ID prefix, glob or tag (repeatable)' })
  .option('level', { choices: ['must', 'should', 'may'] as const, describe: 'must: MUST only; should: MUST+SHOULD; may: all (default)' });

/** The `run` command. */
export const runCommand: CliCommand = {
  command: 'run [url]',
  describe: 'Run the conformance cases against a target (no URL: the bundled reference target)',
  builder: y => filterOptions(y
    .positional('url', { type: 'string', describe: 'iscsi://[user[%secret]@]host[:port]/<iqn>/<lun>[?target_user=..&target_password=..&initiator_name2=..]' }))
    .option('strict', { type: 'boolean', default: false, describe: 'also fail SHOULD-level misses and tolerated (nonStrict) outcomes' })
    .option('dataloss', { type: 'boolean', default: false, describe: 'allow destructive cases (they write to the LUN)' })
    .option('timeout', { type: 'number', describe: 'per-case timeout in ms (overrides every case)' })
    .option('jobs', { type: 'number', default: 1, describe: 'cases run in parallel sessions' })
    .option('profile', { type: 'string', describe: 'JSON file of expected failures: {"expectedFailures":[{"id","reason","clause"}]}' })
    .option('out', { type: 'string', describe: 'report directory (default reports/<time>)' })
    .option('junit', { type: 'string', describe: 'also write the JUnit XML here' })
    .option('tap', { type: 'string', describe: 'also write TAP here ("-" for stdout)' })
    .option('json', { type: 'boolean', default: false, describe: 'print results.json to stdout' })
    .option('pcap', { choices: ['failures', 'all', 'none'] as const, default: 'failures', describe: 'write a pcap per case' })
    .option('seed', { type: 'number', default: 1, describe: 'seed for randomised values in cases' })
    .option('cap', { type: 'string', array: true, describe: 'declare a target capability (luns>=2, erl>=1, writable, ...)' })
    .example('$0 run iscsi://127.0.0.1:3260/iqn.2026-11.test:t0/0', 'all cases')
    .example('$0 run URL --only rfc7143/11.13 --junit junit.xml --profile known.json', 'CI'),
  async run(a, io) {
    const { runConformance } = await import('../../runner/run-conformance.js');
    const ac = new AbortController();
    // Ctrl-C: the case in progress ends as `error: interrupted`, reports are written, exit 1.
    const onSigint = (): void => { io.err('\ninterrupted: finishing the current case and writing reports\n'); ac.abort(); };
    const live = io.isTTY && process.stdout.isTTY ? await liveWriter() : undefined;
    process.once('SIGINT', onSigint);
    try {
      return await runConformance({
        ...(a.url !== undefined ? { url: String(a.url) } : {}),
        only: a.only as string[] | undefined, skip: a.skip as string[] | undefined, level: a.level as 'must' | undefined,
        strict: Boolean(a.strict), dataloss: Boolean(a.dataloss), timeout: a.timeout as number | undefined, jobs: a.jobs as number,
        profile: a.profile as string | undefined, out: a.out as string | undefined, junit: a.junit as string | undefined,
        tap: a.tap as string | undefined, json: Boolean(a.json), pcap: a.pcap as 'failures', seed: a.seed as number,
        caps: a.cap as string[] | undefined, signal: ac.signal, ...(live ? { live } : {}),
      }, io);
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  },
};

async function liveWriter(): Promise<{ update(s: string): void; done(): void }> {
  const { default: logUpdate } = await import('log-update');
  return { update: s => logUpdate(s), done: () => logUpdate.done() };
}
