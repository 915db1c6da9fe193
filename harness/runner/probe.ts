// The liveness probe (tlsfuzzer's sanity connection): login + TEST UNIT READY, run first, after every
// failing case and last. Any SCSI status counts as alive: a UNIT ATTENTION still answers.
import { CaseContext, CaseFailed } from './case-api.js';
import type { TargetInfo } from './target-info.js';

/** What the probe found. */
export interface ProbeResult { alive: boolean; reason?: string; reachable: boolean }

/** Probes within `deadlineMs`; never throws. `reachable` is false when not even TCP connected. */
export async function probeTarget(target: TargetInfo, deadlineMs = 3000): Promise<ProbeResult> {
  const ctx = new CaseContext({ target, caps: new Set(), seed: 0, ref: 'rfc7143/6.3', deadline: Date.now() + deadlineMs });
  let connected = false;
  try {
    const work = (async (): Promise<ProbeResult> => {
      const conn = await ctx.connect();
      connected = true;
      const login = await ctx.tryLogin(conn);
      if (!login.ok) {
        const why = login.response ? login.problem ?? 'login refused' : `no login answer (${login.event.kind === 'closed' ? 'connection closed' : 'silence'})`;
        return { alive: false, reachable: true, reason: `login failed: ${why}` };
      }
      const e = await conn.scsi(Buffer.alloc(6));
      if (e.kind === 'scsi') { await conn.logout().catch(() => undefined); return { alive: true, reachable: true }; }
      return { alive: false, reachable: true, reason: `TEST UNIT READY got no status (${e.kind === 'closed' ? e.reason : e.kind})` };
    })();
    const timeout = new Promise<ProbeResult>(res => setTimeout(() => res({ alive: false, reachable: connected, reason: `no answer within ${deadlineMs} ms` }), deadlineMs + 100).unref());
    return await Promise.race([work, timeout]);
  } catch (e) {
    const msg = e instanceof CaseFailed ? e.failure.actual : (e as Error).message;
    return { alive: false, reachable: connected, reason: msg };
  } finally {
    ctx.closeAll();
  }
}
