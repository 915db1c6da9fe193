// The CLI: global options, one module per command, usage errors mapped to exit 2.
import yargs from 'yargs';
import { UsageError } from '../errors.js';
import type { CliCommand } from './command.js';
import { fuzzCommand } from './commands/fuzz.js';
import { inspectCommand } from './commands/inspect.js';
import { listCommand } from './commands/list.js';
import { replayCommand } from './commands/replay.js';
import { runCommand } from './commands/run.js';
import { targetCommand } from './commands/target.js';
import { EXIT_USAGE } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';

/** Every command, in the order --help lists them. */
export const commands: readonly CliCommand[] = [runCommand, listCommand, fuzzCommand, replayCommand, inspectCommand, targetCommand];

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  // yargs reads a lone "-" as a positional, so `--tap -` (TAP to stdout) is joined before parsing.
  argv = argv.flatMap((a, i) => (a === '--tap' && argv[i + 1] === '-' ? ['--tap=-'] : a === '-' && argv[i - 1] === '--tap' ? [] : [a]));
  let exitCode: number | undefined;
  let pending: Promise<number> | undefined;
  const parser = yargs([...argv])
    .scriptName('iscsi-conformance')
    .usage('$0 <command> [options]\n\niSCSI conformance test harness and fuzzer (RFC 7143, SPC, SBC).')
    .exitProcess(false)
    .strict()
    .demandCommand(1, 'Name a command: run, list, fuzz, replay, inspect or target.')
    .recommendCommands()
    .help().alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => { throw err ?? new UsageError(msg); });
  for (const c of commands) {
    parser.command(c.command, c.describe, y => c.builder(y), args => { pending = c.run(args as Record<string, unknown>, io); });
  }
  let helpText = '';
  try {
    await parser.parseAsync([...argv], {}, (err, _argv, output) => { if (!err && output) helpText = output; });
  } catch (e) {
    if (e instanceof UsageError || (e instanceof Error && e.name === 'YError')) {
      io.err(`iscsi-conformance: ${e.message}\nRun 'iscsi-conformance --help' for usage.\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  if (helpText) { io.out(helpText + '\n'); return 0; }
  if (pending) {
    try { exitCode = await pending; } catch (e) {
      if (e instanceof UsageError) { io.err(`iscsi-conformance: ${e.message}\n`); return EXIT_USAGE; }
      throw e;
    }
  }
  return exitCode ?? 0;
}
