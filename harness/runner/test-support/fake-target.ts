// A tiny in-process iSCSI target for runner tests: just enough login, NOP, TEST UNIT READY,
// INQUIRY and Logout, plus hostile modes (never answer; close right after login). Bounded: it
// stops itself after `lifetimeMs` and close() destroys every socket.
import { createServer, type Server, type Socket } from 'node:net';
import { Framer } from '../../pdu/framer.js';
import { decodePdu, encodePdu, makePdu, type KnownPdu, type Pdu } from '../../pdu/registry.js';
import { toWire } from '../../pdu/wire.js';
import { decodeText, encodeText } from '../../text/codec.js';

/** How the fake behaves. */
export type FakeMode = 'normal' | 'silent' | 'close-after-login';

/** A running fake. */
export interface FakeTarget { url: string; port: number; mode: FakeMode; close(): Promise<void>; connections: number }

/** The IQN the fake serves. */
export const FAKE_IQN = 'iqn.2026-11.test.fake:t0';

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeTarget(mode: FakeMode = 'normal', lifetimeMs = 20_000, o: { answerConnections?: number } = {}): Promise<FakeTarget> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(sock => {
    sockets.add(sock);
    fake.connections++;
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => undefined);
    const n = fake.connections;
    // After `answerConnections` connections the fake goes silent: a target that stops answering mid-run.
    serve(sock, () => (o.answerConnections !== undefined && n > o.answerConnections ? 'silent' : fake.mode));
  });
  await new Promise<void>(res => server.listen(0, '127.0.0.1', res));
  const port = (server.address() as { port: number }).port;
  const stop = setTimeout(() => { void fake.close(); }, lifetimeMs).unref();
  const fake: FakeTarget = {
    url: `iscsi://127.0.0.1:${port}/${FAKE_IQN}/0`, port, mode, connections: 0,
    close: () => new Promise(res => { clearTimeout(stop); for (const s of sockets) s.destroy(); server.close(() => res()); }),
  };
  return fake;
}

function serve(sock: Socket, mode: () => FakeMode): void {
  const framer = new Framer();
  let statSN = 100, expCmdSN = 1;
  const send = (p: Pdu): void => { if (!sock.destroyed) sock.write(toWire(encodePdu(p))); };
  const nums = () => ({ statSN: statSN++, expCmdSN, maxCmdSN: expCmdSN + 31 });
  sock.on('data', chunk => {
    if (mode() === 'silent') return;
    let framed;
    try { framed = framer.push(chunk); } catch { sock.destroy(); return; }
    for (const f of framed) {
      const p = decodePdu(f.bhs, f.ahs, f.data) as KnownPdu;
      if ('cmdSN' in p && !p.immediate && p.type !== 'LoginRequest') expCmdSN = (p.cmdSN + 1) >>> 0;
      answer(p);
    }
  });
  function answer(p: KnownPdu): void {
    switch (p.type) {
      case 'LoginRequest': {
        const keys = decodeText(p.data).pairs;
        const answers = keys.filter(k => !['InitiatorName', 'TargetName', 'SessionType'].includes(k.key))
          .map(k => ({ key: k.key, value: k.key === 'AuthMethod' ? 'None' : k.value }));
        if (keys.length && !keys.some(k => k.key === 'InitiatorName') && p.tsih === 0 && p.csg === 0) {
          send(makePdu('LoginResponse', { itt: p.itt, isid: p.isid, statusClass: 2, statusDetail: 7, ...nums() }));
          return;
        }
        const final = p.transit && p.nsg === 3;
        send(makePdu('LoginResponse', { itt: p.itt, isid: p.isid, transit: p.transit, csg: p.csg, nsg: p.nsg, tsih: final ? 7 : 0, ...nums(), data: encodeText(answers) }));
        if (final && mode() === 'close-after-login') { sock.end(); sock.removeAllListeners('data'); }
        return;
      }
      case 'NopOut':
        if (p.itt !== 0xffffffff) send(makePdu('NopIn', { itt: p.itt, ttt: 0xffffffff, lun: p.lun, ...nums(), data: p.data }));
        return;
      case 'ScsiCommand': {
        if (p.cdb[0] === 0x12) {
          const inq = Buffer.alloc(36); inq[2] = 6; inq[4] = 31; inq.write('FAKE    fake target     0001', 8, 'latin1');
          const n = Math.min(inq.length, p.expectedDataTransferLength);
          send(makePdu('DataIn', { itt: p.itt, final: true, statusPresent: true, status: 0, ...nums(), dataSN: 0, bufferOffset: 0, data: inq.subarray(0, n),
            underflow: n < p.expectedDataTransferLength, residualCount: p.expectedDataTransferLength - n }));
        } else if (p.cdb[0] === 0x00) {
          send(makePdu('ScsiResponse', { itt: p.itt, response: 0, status: 0, ...nums(), expDataSN: 0 }));
        } else {
          const sense = Buffer.alloc(20); sense.writeUInt16BE(18, 0); sense[2] = 0x70; sense[4] = 5; sense[9] = 10; sense[14] = 0x20;
          send(makePdu('ScsiResponse', { itt: p.itt, response: 0, status: 2, ...nums(), expDataSN: 0, data: sense }));
        }
        return;
      }
      case 'LogoutRequest':
        send(makePdu('LogoutResponse', { itt: p.itt, response: 0, ...nums() }));
        setTimeout(() => sock.end(), 5);
        return;
      default:
        send(makePdu('Reject', { reason: 5, ...nums(), data: encodePdu(p).bhs }));
    }
  }
}
