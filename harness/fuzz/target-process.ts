// The target under fuzz: a URL we were given, or a child process we spawned (the bundled reference target
// or --target-cmd), whose exit or signal is a finding. Children are killed by their own pid, never by name.
import { inPackage } from '../package-root.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { TargetUnreachable } from '../errors.js';
import type { ExitInfo } from './oracle.js';

/** What the fuzzer needs from a target. */
export interface FuzzTarget {
  readonly url: string;
  /** True when we spawned it (so it can be restarted and its exit is an oracle). */
  readonly spawned: boolean;
  /** Process id when spawned (for RSS readings in the soak run). */
  readonly pid?: number | undefined;
  /** How the current process ended, if it did. */
  exited(): ExitInfo | null;
  /** Kills (if still alive) and starts again; the URL may change (ephemeral port). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A target we did not start: nothing to restart, no exit to watch. */
export function remoteTarget(url: string): FuzzTarget {
  return { url, spawned: false, exited: () => null, restart: async () => {}, close: async () => {} };
}

/** The command line that starts the bundled reference target on an ephemeral loopback port. */
export function bundledTargetCommand(faults: readonly string[] = []): string {
  const bin = inPackage('bin', 'iscsi-conformance.js');
  return [process.execPath, bin, 'target', '--listen', '127.0.0.1:0', ...faults.flatMap(f => ['--fault', f])].map(q).join(' ');
}

const q = (s: string): string => (/^[\w./:=@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Spawns `cmd` (through sh -c exec, so the pid is the target's own) and waits for it to print an iscsi:// URL. */
export async function spawnTarget(cmd: string, o: { startTimeoutMs?: number; log?: (line: string) => void } = {}): Promise<FuzzTarget> {
  let child: ChildProcess, url = '', exit: ExitInfo | null = null;
  const start = async (): Promise<void> => {
    exit = null;
    const c = spawn('/bin/sh', ['-c', `exec ${cmd}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    c.on('exit', (code, signal) => { if (child === c) exit = { code, signal }; process.off('exit', killOnExit); });
    // If we die first, our child must not outlive us (it was started by us, so it is ours to end).
    const killOnExit = (): void => { c.kill('SIGKILL'); };
    process.on('exit', killOnExit);
    url = await new Promise<string>((resolve, reject) => {
      let out = '', err = '';
      const timer = setTimeout(() => { c.kill('SIGKILL'); reject(new TargetUnreachable(`target command printed no iscsi:// URL within ${o.startTimeoutMs ?? 20000} ms: ${cmd}\n${err.slice(-500)}`)); }, o.startTimeoutMs ?? 20_000);
      c.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /iscsi:\/\/[^\s"']+/.exec(out);
        if (m) { clearTimeout(timer); resolve(m[0]); }
      });
      c.stderr!.on('data', (d: Buffer) => { err += d.toString(); o.log?.(d.toString()); });
      c.on('exit', (code, signal) => { clearTimeout(timer); reject(new TargetUnreachable(`target command ended (${signal ?? code}) before printing its URL: ${cmd}\n${err.slice(-500)}`)); });
    });
    // Keep draining output so a chatty target never blocks on a full pipe.
    c.stdout!.resume();
  };
  const stop = async (): Promise<void> => {
    const c = child;
    if (c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise<void>(r => c.once('exit', () => r()));
    c.kill('SIGKILL');
    await Promise.race([gone, new Promise(r => setTimeout(r, 3000))]);
  };
  await start();
  return {
    get url() { return url; },
    get pid() { return child.pid; },
    spawned: true,
    exited: () => exit,
    restart: async () => { await stop(); await start(); },
    close: stop,
  };
}
