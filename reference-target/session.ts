// One iSCSI session (RFC 7143 §4.2.1): TSIH, its connections, the CmdSN window, the task table and the I_T nexus.
import type { NegotiatedParams } from '../harness/text/params.js';
import { CmdWindow } from './cmd-window.js';
import type { Connection } from './connection.js';
import type { TargetContext } from './context.js';
import type { Task } from './ffp/task.js';
import type { Nexus } from './scsi/device.js';

/** What a session is created from: the leading login's identifiers and negotiated values. */
export interface SessionInit {
  tsih: number;
  isid: number;
  initiatorName: string;
  type: 'Normal' | 'Discovery';
  params: NegotiatedParams;
  expCmdSN: number;
}

/** A logged-in session. */
export class Session {
  readonly tsih: number;
  readonly isid: number;
  readonly initiatorName: string;
  readonly type: 'Normal' | 'Discovery';
  /** Session-wide values from the leading login (connection-only keys live on each Connection). */
  params: NegotiatedParams;
  readonly window: CmdWindow;
  readonly connections = new Map<number, Connection>();
  readonly tasks = new Map<number, Task>();
  readonly nexus: Nexus;
  closed = false;
  private nextTtt = 1;
  private aborted: number[] = [];

  constructor(private readonly ctx: TargetContext, init: SessionInit) {
    this.tsih = init.tsih;
    this.isid = init.isid;
    this.initiatorName = init.initiatorName;
    this.type = init.type;
    this.params = init.params;
    this.window = new CmdWindow(init.expCmdSN, ctx.config.limits.cmdWindow, ctx.faults);
    const tpgt = ctx.config.tpgt;
    this.nexus = {
      key: `${init.initiatorName},i,0x${init.isid.toString(16).padStart(12, '0')},t,0x${tpgt.toString(16).padStart(4, '0')}`,
      initiatorName: init.initiatorName, isid: init.isid, tpgt,
    };
  }

  /** A Target Transfer Tag unique in the session, never 0xffffffff (§11.8.4). */
  newTtt(): number {
    const t = this.nextTtt;
    this.nextTtt = this.nextTtt >= 0xfffffffe ? 1 : this.nextTtt + 1;
    return t;
  }

  /** Drops a task after ABORT TASK and friends; its late Data-Out is then discarded quietly (§11.5.1). */
  abortTask(itt: number): void {
    const t = this.tasks.get(itt);
    if (t) { t.aborted = true; t.r2ts.clear(); this.removeTask(itt); }
    this.aborted.push(itt);
    if (this.aborted.length > 256) this.aborted.shift();
  }

  /** Takes a task out of the table and returns its buffer budget. */
  removeTask(itt: number): void {
    const t = this.tasks.get(itt);
    if (!t) return;
    this.tasks.delete(itt);
    this.ctx.releaseBuffer(t.reserved);
    t.reserved = 0;
  }

  /** True for an ITT aborted lately. */
  recentlyAborted(itt: number): boolean {
    return this.aborted.includes(itt);
  }

  /** Adds a logged-in connection. */
  attach(conn: Connection): void {
    this.connections.set(conn.cid, conn);
  }

  /** Removes a connection; the session ends with its last one (ERL 0 keeps no state for recovery, §7.1.5). */
  detach(conn: Connection): void {
    if (this.connections.get(conn.cid) === conn) this.connections.delete(conn.cid);
    for (const [itt, t] of [...this.tasks]) if (t.conn === conn) { t.aborted = true; this.removeTask(itt); }
    if (this.connections.size === 0) this.end('last connection closed');
  }

  /** Ends the session: closes every connection, drops tasks, tells the SCSI layer the nexus is gone. */
  end(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ctx.sessions.delete(this.tsih);
    for (const [itt, t] of [...this.tasks]) { t.aborted = true; this.removeTask(itt); }
    this.window.clear();
    for (const c of [...this.connections.values()]) c.close(`session ended: ${reason}`);
    this.connections.clear();
    if (this.type === 'Normal') this.ctx.device.nexusLost(this.nexus);
    this.ctx.log.info(`session tsih=${this.tsih} ${this.initiatorName} ended: ${reason}`);
  }
}
