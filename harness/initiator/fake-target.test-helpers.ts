// A tiny scripted iSCSI target on 127.0.0.1:0 for the session's unit tests: login (with CHAP), a RAM LUN, R2T, NOP, text.
import net from 'node:net';
import { Framer, type FrameError } from '../pdu/framer.js';
import { decodePdu, encodePdu, makePdu, type Pdu, type PduNamed } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';
import { toWire } from '../pdu/wire.js';
import { decodeText, encodeText, formatBinary, parseBinary, type TextPair } from '../text/codec.js';
import { defaultPolicy, respond } from '../text/negotiate.js';
import { defaultParams, type NegotiatedParams } from '../text/params.js';
import { chapResponse } from './chap.js';

/** How the fake behaves. */
export interface FakeTargetOptions {
  targetName?: string;
  chap?: { user: string; secret: string; mutual?: { user: string; secret: string }; badMutualResponse?: boolean };
  /** The target's own values for negotiation (e.g. { HeaderDigest: 'CRC32C,None', InitialR2T: 'Yes' }). */
  policy?: Record<string, string>;
  /** The target's MaxRecvDataSegmentLength declaration. */
  maxRecv?: number;
  /** Largest Data-In payload; default the initiator's MaxRecvDataSegmentLength. */
  dataInSegment?: number;
  /** Send Data-In PDUs last-offset first (reassembly by Buffer Offset). */
  reverseDataIn?: boolean;
  /** Ping the initiator with a NOP-In (TTT set) right after login. */
  pingAfterLogin?: boolean;
  /** SendTargets response bytes per Text Response (C-bit continuation). */
  textChunk?: number;
  /** Sees every PDU first; return true when it handled it (or wants silence). */
  onPdu?: (p: Pdu, c: FakeConn) => boolean | void;
}

/** A running fake: its port, what it saw, and how to stop it. */
export interface FakeTarget {
  port: number;
  seen: Pdu[];
  pingAnswers: PduNamed<'NopOut'>[];
  disk: Buffer;
  close(): Promise<void>;
}

/** One accepted connection; tests' onPdu hooks may send through it. */
export class FakeConn {
  statSN = 0x1000;
  expCmdSN = 1;
  params: NegotiatedParams = defaultParams();
  digests = { headerDigest: false, dataDigest: false };
  readonly framer = new Framer();
  chapState: { id: number; challenge: Buffer } | null = null;
  authed = false;
  writes = new Map<number, { lba: number; buf: Buffer; got: number; r2tSN: number }>();
  textQueue: Buffer[] = [];
  frameErrors: string[] = [];
  constructor(readonly sock: net.Socket) {}
  /** Sends a target PDU with the numbers of this connection filled in. */
  send(p: Pdu, advance = true): void {
    const r = p as unknown as Record<string, unknown>;
    if ('statSN' in r) r.statSN = advance ? this.statSN++ : this.statSN;
    if ('expCmdSN' in r) { r.expCmdSN = this.expCmdSN; r.maxCmdSN = this.expCmdSN + 31; }
    this.sock.write(toWire(encodePdu(p), this.digests));
  }
}

/** Starts the fake on an ephemeral loopback port. */
export async function startFakeTarget(o: FakeTargetOptions = {}): Promise<FakeTarget> {
  const seen: Pdu[] = [];
  const pingAnswers: PduNamed<'NopOut'>[] = [];
  const disk = Buffer.alloc(512 * 2048);
  const sockets = new Set<net.Socket>();
  const server = net.createServer(sock => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
    sock.on('error', () => undefined);
    const c = new FakeConn(sock);
    sock.on('data', d => {
      c.framer.write(d);
      for (let f = next(c); f; f = next(c)) {
        const p = decodePdu(f.bhs, f.ahs, f.data);
        seen.push(p);
        if (p.type !== 'Raw' && 'cmdSN' in p && !p.immediate) c.expCmdSN = p.cmdSN + 1;
        if (o.onPdu?.(p, c)) continue;
        handle(p, c, o, disk, pingAnswers, port);
      }
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port, seen, pingAnswers, disk,
    close: () => new Promise(r => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}

// A stream the fake cannot frame (bad header digest, RFC 7143 §7.7) ends the connection, as a real target may.
function next(c: FakeConn): ReturnType<Framer['next']> {
  try {
    return c.framer.next();
  } catch (e) {
    c.frameErrors.push((e as FrameError).code);
    c.sock.destroy();
    return null;
  }
}

function handle(p: Pdu, c: FakeConn, o: FakeTargetOptions, disk: Buffer, pings: PduNamed<'NopOut'>[], port: number): void {
  switch (p.type) {
    case 'LoginRequest': return login(p, c, o);
    case 'ScsiCommand': return command(p, c, o, disk);
    case 'DataOut': return dataOut(p, c, o, disk);
    case 'NopOut':
      if (p.itt === NO_TAG) pings.push(p);
      else c.send(makePdu('NopIn', { final: true, lun: p.lun, itt: p.itt, ttt: NO_TAG, data: p.data }));
      return;
    case 'TextRequest': {
      if (p.ttt === NO_TAG) {
        const recs = encodeText([{ key: 'TargetName', value: o.targetName ?? 'iqn.2026-11.test.fake:t0' }, { key: 'TargetAddress', value: `127.0.0.1:${port},1` },
          { key: 'TargetName', value: 'iqn.2026-11.test.fake:t1' }, { key: 'TargetAddress', value: `127.0.0.1:${port},1` }]);
        c.textQueue = [];
        for (let i = 0; i < recs.length; i += o.textChunk ?? recs.length) c.textQueue.push(recs.subarray(i, i + (o.textChunk ?? recs.length)));
      }
      const chunk = c.textQueue.shift() ?? Buffer.alloc(0);
      const last = c.textQueue.length === 0;
      c.send(makePdu('TextResponse', { final: last, continue: !last, itt: p.itt, ttt: last ? NO_TAG : 0x77, data: chunk }));
      return;
    }
    case 'TaskManagementRequest': return c.send(makePdu('TaskManagementResponse', { final: true, response: 0, itt: p.itt }));
    case 'LogoutRequest':
      c.send(makePdu('LogoutResponse', { final: true, response: 0, itt: p.itt }));
      c.sock.end();
      return;
    default:
  }
}

function login(p: PduNamed<'LoginRequest'>, c: FakeConn, o: FakeTargetOptions): void {
  const pairs = decodeText(p.data).pairs;
  const get = (k: string): string | undefined => pairs.find(x => x.key === k)?.value;
  const out: TextPair[] = [];
  let transit = p.transit;
  const policy = { ...defaultPolicy(), AuthMethod: o.chap ? 'CHAP' : 'None', ...o.policy };
  const ctx = { us: 'target' as const, phase: p.csg === 0 ? 'security' as const : 'operational' as const,
    sessionType: (get('SessionType') ?? 'Normal') as 'Normal' | 'Discovery', leading: true, current: c.params };
  const r = respond(pairs.filter(x => !x.key.startsWith('CHAP_') || x.key === 'CHAP_A'), policy, ctx);
  c.params = r.params;
  const fail = (cls: number, detail: number): void => {
    c.send(makePdu('LoginResponse', { isid: p.isid, itt: p.itt, statusClass: cls, statusDetail: detail, csg: p.csg, nsg: p.nsg }));
    c.sock.end();
  };
  out.push(...r.answers.filter(a => a.key !== 'CHAP_A'));
  if (o.chap && p.csg === 0) {
    if (get('CHAP_A')) {
      c.chapState = { id: 7, challenge: Buffer.from('00112233445566778899aabbccddeeff', 'hex') };
      out.push({ key: 'CHAP_A', value: '5' }, { key: 'CHAP_I', value: '7' }, { key: 'CHAP_C', value: formatBinary(c.chapState.challenge) });
    }
    if (get('CHAP_R') && c.chapState) {
      const want = chapResponse(5, c.chapState.id, o.chap.secret, c.chapState.challenge);
      if (get('CHAP_N') !== o.chap.user || !want.equals(parseBinary(get('CHAP_R')!) ?? Buffer.alloc(0))) return fail(2, 1);
      c.authed = true;
      const ci = get('CHAP_I'), cc = get('CHAP_C');
      if (o.chap.mutual && ci && cc) {
        const resp = chapResponse(5, Number(ci), o.chap.mutual.secret, parseBinary(cc)!);
        if (o.chap.badMutualResponse) resp[0]! ^= 1;
        out.push({ key: 'CHAP_N', value: o.chap.mutual.user }, { key: 'CHAP_R', value: formatBinary(resp) });
      }
    }
    transit = transit && c.authed;
  }
  if (o.chap && p.csg !== 0 && !c.authed) return fail(2, 1);
  if (p.csg === 1 && o.maxRecv) out.push({ key: 'MaxRecvDataSegmentLength', value: String(o.maxRecv) });
  const final = transit && p.nsg === 3;
  if (o.maxRecv) c.params = { ...c.params, maxRecvDataSegmentLength: { ...c.params.maxRecvDataSegmentLength, target: o.maxRecv } };
  c.send(makePdu('LoginResponse', {
    transit, csg: p.csg, nsg: transit ? p.nsg : 0, isid: p.isid, tsih: final ? 0x55 : 0, itt: p.itt, data: encodeText(out),
  }));
  if (final) {
    c.digests = { headerDigest: c.params.headerDigest === 'CRC32C', dataDigest: c.params.dataDigest === 'CRC32C' };
    c.framer.setDigests({ header: c.digests.headerDigest, data: c.digests.dataDigest });
    if (o.pingAfterLogin) c.send(makePdu('NopIn', { final: true, itt: NO_TAG, ttt: 0x1234, data: Buffer.from('ping') }), false);
  }
}

function command(p: PduNamed<'ScsiCommand'>, c: FakeConn, o: FakeTargetOptions, disk: Buffer): void {
  const op = p.cdb[0]!;
  const good = (): void => c.send(makePdu('ScsiResponse', { final: true, itt: p.itt, status: 0 }));
  const rw = (): { lba: number; len: number } => op === 0x28 || op === 0x2a
    ? { lba: p.cdb.readUInt32BE(2), len: p.cdb.readUInt16BE(7) * 512 } : { lba: Number(p.cdb.readBigUInt64BE(2)), len: p.cdb.readUInt32BE(10) * 512 };
  if (op === 0x00) return good();
  if (op === 0x12) return dataIn(p, c, o, Buffer.from('\x00\x00\x06\x02\x1f\x00\x00\x00FAKE    RAMDISK         0001', 'latin1'));
  if (op === 0x9e) { const d = Buffer.alloc(32); d.writeBigUInt64BE(BigInt(disk.length / 512 - 1)); d.writeUInt32BE(512, 8); return dataIn(p, c, o, d); }
  if (op === 0x28 || op === 0x88) { const { lba, len } = rw(); return dataIn(p, c, o, disk.subarray(lba * 512, lba * 512 + len)); }
  if (op === 0x2a || op === 0x8a) {
    const { lba, len } = rw();
    const w = { lba, buf: Buffer.alloc(len), got: p.data.length, r2tSN: 0 };
    p.data.copy(w.buf);
    c.writes.set(p.itt, w);
    if (p.final) continueWrite(p.itt, p.lun, c, disk);
    return;
  }
  const sense = Buffer.from('0012700005000000000a0000000020000000000000', 'hex').subarray(0, 20);
  c.send(makePdu('ScsiResponse', { final: true, itt: p.itt, status: 2, data: sense }));
}

function dataIn(p: PduNamed<'ScsiCommand'>, c: FakeConn, o: FakeTargetOptions, data: Buffer): void {
  const seg = o.dataInSegment ?? c.params.maxRecvDataSegmentLength.initiator;
  const n = Math.min(data.length, p.expectedDataTransferLength);
  const pdus: Pdu[] = [];
  for (let at = 0, sn = 0; at < n || (n === 0 && sn === 0); at += seg, sn++) {
    const last = at + seg >= n;
    pdus.push(makePdu('DataIn', { final: last, statusPresent: last, status: 0, lun: p.lun, itt: p.itt, ttt: NO_TAG, dataSN: sn, bufferOffset: at,
      underflow: last && n < p.expectedDataTransferLength, residualCount: last ? p.expectedDataTransferLength - n : 0, data: data.subarray(at, Math.min(n, at + seg)) }));
  }
  if (o.reverseDataIn) pdus.splice(0, pdus.length - 1, ...pdus.slice(0, -1).reverse()); // status stays last
  for (const q of pdus) c.send(q, q.type === 'DataIn' && q.statusPresent);
}

function dataOut(p: PduNamed<'DataOut'>, c: FakeConn, _o: FakeTargetOptions, disk: Buffer): void {
  const w = c.writes.get(p.itt);
  if (!w) return;
  p.data.copy(w.buf, p.bufferOffset);
  w.got += p.data.length;
  if (p.final) continueWrite(p.itt, p.lun, c, disk);
}

// Solicits the rest one R2T at a time (MaxOutstandingR2T=1), MaxBurstLength each; GOOD once everything arrived.
function continueWrite(itt: number, lun: bigint, c: FakeConn, disk: Buffer): void {
  const w = c.writes.get(itt)!;
  if (w.got >= w.buf.length) {
    w.buf.copy(disk, w.lba * 512);
    c.writes.delete(itt);
    return c.send(makePdu('ScsiResponse', { final: true, itt, status: 0 }));
  }
  const offset = w.got;
  const len = Math.min(c.params.maxBurstLength, w.buf.length - offset);
  c.send(makePdu('R2t', { final: true, lun, itt, ttt: 0x100 + w.r2tSN, r2tSN: w.r2tSN++, bufferOffset: offset, desiredDataTransferLength: len }), false);
}
