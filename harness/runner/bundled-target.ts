// `run` without a URL: start the bundled reference target as a child process on an ephemeral
// loopback port (execa), read the libiscsi URL it prints, stop it at the end.
import { randomBytes } from 'node:crypto';
import { inPackage } from '../package-root.js';
import { execa, type ResultPromise } from 'execa';
import { UsageError } from '../errors.js';

/** A started reference target and the ErrorRecoveryLevel it offers. */
export interface BundledTarget { url: string; erl: 0 | 1; stop(): Promise<void> }

/** What the bundled target is started to offer: ERL 1, so the SNACK and digest-recovery cases run (RFC 7143 §7.1.5). */
const BUNDLED_ERL = 1;

const BIN = inPackage('bin', 'iscsi-conformance.js');

/** Starts `iscsi-conformance target --listen 127.0.0.1:0`; UsageError (exit 2) when it cannot. */
export async function startBundledTarget(extraArgs: readonly string[] = [], deadlineMs = 15_000): Promise<BundledTarget> {
  const child: ResultPromise = execa(process.execPath, [BIN, 'target', '--listen', '127.0.0.1:0', '--erl', String(BUNDLED_ERL), ...extraArgs], { reject: false, buffer: false, stdin: 'ignore', forceKillAfterDelay: 2000 });
  let out = '', err = '';
  const url = await new Promise<string | undefined>(resolve => {
    const timer = setTimeout(() => resolve(undefined), deadlineMs);
    const look = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /iscsi:\/\/\S+/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', (c: Buffer) => { err += c.toString(); });
    void child.then(() => { clearTimeout(timer); resolve(undefined); });
  });
  // SIGTERM lets it log out its sessions; a child that has not gone 3 s later is killed, so a stop never hangs a run.
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
    await child;
    clearTimeout(kill);
  };
  if (!url) {
    await stop();
    const why = /not built yet/.test(err) ? 'the bundled reference target is not built yet (issue #5)' : `the bundled reference target did not print its URL${err ? `: ${err.trim().split('\n')[0]}` : ''}`;
    throw new UsageError(`run without a URL needs the bundled target, but ${why}; pass a target URL instead (iscsi://host[:port]/<iqn>/<lun>)`, 'ERR_NO_BUNDLED_TARGET');
  }
  return { url, erl: BUNDLED_ERL, stop };
}

/** CHAP names and secrets a CHAP-configured bundled target was started with (the initiator's and its own). */
export interface ChapCredentials { user: string; secret: string; targetUser: string; targetSecret: string }

/**
 * The bundled target requiring CHAP, mutual CHAP included, with secrets drawn at random for this run: they reach the
 * child on its command line and the cases through TargetInfo, and reports print the URL redacted as for any target.
 */
export async function startBundledChapTarget(): Promise<BundledTarget & { credentials: ChapCredentials }> {
  const credentials: ChapCredentials = {
    user: 'conformance-initiator', secret: randomBytes(8).toString('hex'),
    targetUser: 'conformance-target', targetSecret: randomBytes(8).toString('hex'),
  };
  const t = await startBundledTarget(['--chap', `${credentials.user}:${credentials.secret}`, '--mutual-chap', `${credentials.targetUser}:${credentials.targetSecret}`]);
  return { ...t, credentials };
}
