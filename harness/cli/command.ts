// The shape of one CLI command module (STYLE.md "CLI"): a yargs builder plus a handler that
// returns an exit code; only bin.ts ever calls process.exit.
import type { Argv } from 'yargs';
import type { CliIo } from './io.js';

/** One command: name and positional syntax, one-line description, options, and what it does. */
export interface CliCommand {
  command: string;
  describe: string;
  builder(y: Argv): Argv;
  run(args: Record<string, unknown>, io: CliIo): Promise<number>;
}

/** A command whose issue is still open: says so and exits 2, so nobody mistakes it for a pass. */
export function notBuiltYet(command: string, describe: string, issue: number): CliCommand {
  const name = command.split(' ')[0]!;
  return {
    command, describe: `${describe} (not built yet: issue #${issue})`,
    builder: y => y.strict(false),
    run: async (_a, io) => {
      io.err(`iscsi-conformance ${name}: not built yet (tracked in issue #${issue}); nothing was run.\n`);
      return 2;
    },
  };
}
