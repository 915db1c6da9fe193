// Target-wide state shared by every connection: config, SCSI device, sessions, logger, faults.
import type { TargetConfig, TargetLogger } from './config.js';
import type { Connection } from './connection.js';
import type { FaultSet } from './faults/define.js';
import { ChallengeLedger } from './login/chap.js';
import type { ScsiDevice } from './scsi/device.js';
import type { Session } from './session.js';

/** Everything a handler may need beyond its connection. */
export class TargetContext {
  readonly sessions = new Map<number, Session>();
  readonly connections = new Set<Connection>();
  readonly challenges = new ChallengeLedger();
  /** Where we listen, for SendTargets answers. */
  portal = { host: '127.0.0.1', port: 0 };
  /** Bytes reserved by tasks for their Data-Out (bounded by limits.maxBufferedBytes). */
  bufferedBytes = 0;
  private nextTsih = 1;

  constructor(readonly config: TargetConfig, readonly device: ScsiDevice, readonly log: TargetLogger,
    readonly faults: FaultSet, readonly crash: (reason: string) => void) {}

  /** A TSIH not in use; never 0 (§11.13.4: 0 is reserved for "new session"). */
  allocTsih(): number {
    for (let i = 0; i < 0x10000; i++) {
      const t = this.nextTsih;
      this.nextTsih = (this.nextTsih % 0xffff) + 1;
      if (!this.sessions.has(t)) return t;
    }
    throw new Error('no free TSIH'); // unreachable: maxSessions is far below 65535
  }

  /** Reserves task buffer space; false when the target-wide budget would be exceeded. */
  reserveBuffer(n: number): boolean {
    if (this.bufferedBytes + n > this.config.limits.maxBufferedBytes) return false;
    this.bufferedBytes += n;
    return true;
  }

  /** Gives reserved task buffer space back. */
  releaseBuffer(n: number): void {
    this.bufferedBytes = Math.max(0, this.bufferedBytes - n);
  }

  /** The normal session of this initiator port (InitiatorName + ISID) on our target, if any (§6.3.5). */
  findSession(initiatorName: string, isid: number, type: 'Normal' | 'Discovery'): Session | undefined {
    for (const s of this.sessions.values())
      if (s.initiatorName === initiatorName && s.isid === isid && s.type === type && !s.closed) return s;
    return undefined;
  }
}
