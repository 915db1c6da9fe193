// The `target` command's work: options -> config, start, print the URL, serve until a stop signal.
import type { TargetConfigInput } from './config.js';
import { parseCredentials, parseLunSpec } from './config.js';
import { streamLogger } from './log.js';
import { listFaults, startTarget, type StartOptions } from './index.js';

/** Parsed command-line options of `target` (see harness/cli/commands/target.ts). */
export interface TargetCliArgs {
  listen: string;
  iqn: string;
  lun: string[];
  blockSize: 512 | 4096;
  chap?: string;
  mutualChap?: string;
  allow: string[];
  fault: string[];
  log: string[];
  listFaults: boolean;
  alias?: string;
  digest?: boolean;
  /** Highest ErrorRecoveryLevel offered (default: the config's). */
  erl?: 0 | 1;
}

/** Output sinks, as harness/cli/io.ts has them. */
export interface Out {
  out(t: string): void;
  err(t: string): void;
}

/** Splits `host:port` (`[v6]:port` too); a bare port means 127.0.0.1. */
export function parseListen(text: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(text) ?? /^()()(\d+)$/.exec(text);
  const port = m ? Number(m[3]) : NaN;
  if (!m || !(port >= 0 && port <= 65535)) throw new Error(`--listen wants host:port, got '${text}'`);
  return { host: m[1] || m[2] || '127.0.0.1', port };
}

/** Builds the target config from CLI options (throws UsageError on bad values). */
export function configFromArgs(a: TargetCliArgs): TargetConfigInput {
  const { host, port } = parseListen(a.listen);
  const luns = (a.lun.length ? a.lun : ['0:ram:64MiB']).map(s => parseLunSpec(s, a.blockSize));
  return {
    host, port, iqn: a.iqn, luns, allow: a.allow, faults: a.fault, digests: a.digest ? 'required' : 'optional',
    ...(a.alias ? { alias: a.alias } : {}),
    ...(a.erl !== undefined ? { erl: a.erl } : {}),
    ...(a.chap ? { chap: parseCredentials(a.chap, '--chap') } : {}),
    ...(a.mutualChap ? { mutualChap: parseCredentials(a.mutualChap, '--mutual-chap') } : {}),
  };
}

/** Runs the command; resolves with the exit code once `stop` fires (SIGINT/SIGTERM in the CLI). */
export async function runTargetCli(a: TargetCliArgs, io: Out, stop: Promise<unknown>, opts: Pick<StartOptions, 'device'> = {}): Promise<number> {
  if (a.listFaults) {
    for (const f of listFaults()) io.out(`${f.id.padEnd(36)} ${f.ref.padEnd(22)} ${f.description}${f.trigger ? ` [only on: ${f.trigger}]` : ''}\n`);
    return 0;
  }
  const logger = streamLogger(t => io.err(t), a.log.includes('pdus'));
  const target = await startTarget(configFromArgs(a), { logger, ...opts });
  io.out(`${target.url}\n`);
  logger.info(`listening on ${target.host}:${target.port} (${target.config.luns.length} LUN(s)${a.fault.length ? `, faults: ${a.fault.join(', ')}` : ''}); Ctrl-C stops`);
  await stop;
  logger.info('stopping: asking initiators to log out');
  await target.close();
  return 0;
}
