// The listening side: accepts connections within limits, and shuts down politely (Async logout request, then close).
import net from 'node:net';
import { makePdu } from '../harness/pdu/registry.js';
import { NO_TAG } from '../harness/pdu/types/codes.js';
import { Connection } from './connection.js';
import type { TargetContext } from './context.js';
import { dispatch } from './dispatch.js';

/** Asynchronous event 1: the target asks the initiator to log out (§11.9.1); Parameter3 is the seconds it has. */
const LOGOUT_REQUEST = 1;

/** A listening target server. */
export class TargetServer {
  private readonly server: net.Server;

  constructor(private readonly ctx: TargetContext) {
    this.server = net.createServer(socket => this.accept(socket));
    this.server.on('error', e => ctx.log.warn(`server error: ${e.message}`));
  }

  /** Listens; resolves with the bound address (port 0 picks an ephemeral port). */
  listen(host: string, port: number): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const a = this.server.address() as net.AddressInfo;
        resolve({ host: a.address, port: a.port });
      });
    });
  }

  private accept(socket: net.Socket): void {
    const { ctx } = this;
    if (ctx.connections.size >= ctx.config.limits.maxConnections) {
      ctx.log.warn(`refused ${socket.remoteAddress}:${socket.remotePort}: ${ctx.connections.size} connections already`);
      socket.destroy();
      return;
    }
    const conn = new Connection(ctx, socket, dispatch);
    ctx.connections.add(conn);
    ctx.log.info(`c${conn.id} connection from ${conn.peer}`);
  }

  /**
   * Stops: no new connections; every logged-in connection gets an Async Message asking for logout, and is closed
   * when it logs out or after `graceMs`.
   */
  async close(graceMs = 1000): Promise<void> {
    const { ctx } = this;
    const closed = new Promise<void>(resolve => this.server.close(() => resolve()));
    for (const c of ctx.connections) {
      if (c.phase !== 'ffp') continue;
      c.send(makePdu('AsyncMessage', {
        final: true, lun: 0n, itt: NO_TAG, statSN: 0, expCmdSN: 0, maxCmdSN: 0, asyncEvent: LOGOUT_REQUEST,
        asyncVCode: 0, parameter1: 0, parameter2: 0, parameter3: Math.max(1, Math.ceil(graceMs / 1000)), ahs: [], data: Buffer.alloc(0),
      }), true);
    }
    const deadline = Date.now() + graceMs;
    while (ctx.connections.size > 0 && Date.now() < deadline && [...ctx.connections].some(c => c.phase === 'ffp'))
      await new Promise(r => setTimeout(r, 20));
    for (const c of [...ctx.connections]) c.close('target shutting down');
    for (const s of [...ctx.sessions.values()]) s.end('target shutting down');
    await closed;
  }
}
