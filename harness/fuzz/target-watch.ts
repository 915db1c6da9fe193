// Runs fuzz scripts against the target and notices when a remote one is gone. A spawned target that dies is an
// `exit` finding and is restarted; a remote one (a URL we were given) cannot be restarted, so once it stops
// answering every later run, shrink and re-run meets a dead target: shrinking learns nothing, the re-run says
// "flaky", and the traffic that killed it is lost. So on a remote target every run is recorded in memory, and
// after a connection-level verdict a liveness probe asks whether the target is still there; if not, we wait a
// bounded time for it to come back (a supervisor restarting it), and otherwise keep the script that killed it,
// with its capture.
import type { ScriptResult } from '../script/result.js';
import { runScript, type RunScriptOptions } from '../script/run-script.js';
import type { Timeouts } from '../script/runner.js';
import type { Step } from '../script/schema.js';
import { PcapRecorder } from '../transport/pcap-writer.js';
import type { FuzzTarget } from './target-process.js';

/** One script run: what ran, its result, and (remote targets) the pcap bytes of its traffic. */
export interface Attempt { steps: Step[]; result: ScriptResult; capture?: Buffer }

/** Why the run stopped: the target stopped accepting connections; `culprit` is the last script that reached it. */
export interface TargetGone { culprit: Attempt | undefined; why: string }

// Verdicts that say the connection or the target failed; only these cost a liveness probe. A target that answered
// wrongly was alive when it answered: if it died just after, the next script's failed connect says so.
const CONNECTION_KINDS = new Set(['unreachable', 'probe', 'reset', 'hang']);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The rule of the finding a remote target leaves when it stops accepting connections. */
export const TARGET_GONE_RULE = 'target-gone';

/** One liveness probe (connect, login, TEST UNIT READY): does the target still answer? */
export async function isAlive(url: string, timeouts?: Partial<Timeouts>): Promise<boolean> {
  const r = await runScript({ steps: [{ op: 'probe' }] }, { url, ...(timeouts ? { timeouts } : {}) });
  return r.verdict === null;
}

/** Runs scripts against `target`; for a remote one, watches liveness (see the file comment). */
export class TargetWatch {
  /** Set once a remote target stayed unreachable for the whole wait; every later run is refused. */
  gone: TargetGone | null = null;
  private prev: Attempt | undefined;

  constructor(private readonly target: FuzzTarget, private readonly o: {
    /** How long a remote target that stopped answering may take to come back; default 10 s. */
    waitMs?: number;
    timeouts?: Partial<Timeouts>;
    /** Told when waiting for the target starts (true) and ends (false). */
    onWaiting?(waiting: boolean): void;
  } = {}) {}

  /** Runs `steps` (restarting a dead spawned target first); null once a remote target is gone. */
  async run(steps: Step[], opts: Omit<RunScriptOptions, 'url' | 'exited' | 'tap'>): Promise<Attempt | null> {
    if (this.gone) return null;
    const t = this.target;
    if (t.spawned && t.exited()) await t.restart();
    const chunks: Buffer[] = [];
    const rec = t.spawned ? undefined : new PcapRecorder({ write: b => { chunks.push(b); } });
    const result = await runScript({ steps }, { ...opts, url: t.url, exited: () => t.exited(), ...(rec ? { tap: () => rec.tap() } : {}) });
    rec?.close();
    const a: Attempt = { steps, result, ...(rec ? { capture: Buffer.concat(chunks) } : {}) };
    if (!t.spawned && result.verdict && CONNECTION_KINDS.has(result.verdict.kind) && !await this.alive()) {
      this.o.onWaiting?.(true);
      const back = await this.waitForTarget();
      this.o.onWaiting?.(false);
      if (!back) {
        // A run that sent nothing never reached the target: the one before it is the last that did.
        this.gone = { culprit: result.pdusSent > 0 ? a : this.prev, why: `no successful liveness probe for ${((this.o.waitMs ?? 10_000) / 1000).toFixed(0)} s` };
        return null;
      }
    }
    this.prev = a;
    return a;
  }

  private alive(): Promise<boolean> { return isAlive(this.target.url, this.o.timeouts); }

  /** Probes until the target answers or the wait is over; at least one probe after the wait starts. */
  private async waitForTarget(): Promise<boolean> {
    const end = performance.now() + (this.o.waitMs ?? 10_000);
    do {
      await sleep(Math.min(500, Math.max(0, end - performance.now())));
      if (await this.alive()) return true;
    } while (performance.now() < end);
    return false;
  }
}
