// Records what went over the wire as a pcap (Ethernet/IPv4/TCP with handshake, real timestamps, valid checksums).
import fs from 'node:fs';
import { linkFrame, pcapFile } from '../capture/synth.js';
import type { CloseInfo, Endpoints, WireTap } from './tcp.js';

/** Where pcap bytes go: a file (see `PcapRecorder.toFile`) or memory (tests). */
export interface PcapSink {
  write(b: Buffer): void;
  close?(): void;
}

/** Largest TCP payload per packet: an IPv4 total length is 16 bits, minus 20 bytes IP and 20 bytes TCP. */
export const MAX_SEGMENT = 65535 - 40;

const FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10;
const LINKTYPE_ETHERNET = 1;

/** Internet checksum (RFC 1071) over `b`, starting from `sum`. */
function checksum(b: Buffer, sum = 0): number {
  for (let i = 0; i + 1 < b.length; i += 2) sum += b.readUInt16BE(i);
  if (b.length & 1) sum += b[b.length - 1]! << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

// IPv4 of an endpoint; IPv6 endpoints get stand-in IPv4 addresses, since the file is IPv4 only.
function ipv4(addr: string, fallback: string): Buffer {
  const m = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/i.exec(addr);
  return Buffer.from((m ? m.slice(1) : fallback.split('.')).map(Number));
}

interface Side { ip: Buffer; port: number; seq: number }

/** One IPv4 packet with a TCP segment; both checksums computed (RFC 791, RFC 793 pseudo-header). */
export function ipv4TcpPacket(from: Side, to: Side, flags: number, payload: Buffer, id: number): Buffer {
  const tcp = Buffer.alloc(20 + payload.length);
  tcp.writeUInt16BE(from.port, 0);
  tcp.writeUInt16BE(to.port, 2);
  tcp.writeUInt32BE(from.seq >>> 0, 4);
  tcp.writeUInt32BE(flags & ACK ? to.seq >>> 0 : 0, 8);
  tcp[12] = 5 << 4;
  tcp[13] = flags;
  tcp.writeUInt16BE(65535, 14);
  payload.copy(tcp, 20);
  const pseudo = Buffer.concat([from.ip, to.ip, Buffer.from([0, 6, tcp.length >> 8, tcp.length & 0xff])]);
  tcp.writeUInt16BE(checksum(tcp, 0xffff - checksum(pseudo)), 16);
  const ip = Buffer.alloc(20);
  ip[0] = 0x45;
  ip.writeUInt16BE(20 + tcp.length, 2);
  ip.writeUInt16BE(id & 0xffff, 4);
  ip[6] = 0x40; // don't fragment
  ip[8] = 64;
  ip[9] = 6;
  from.ip.copy(ip, 12);
  to.ip.copy(ip, 16);
  ip.writeUInt16BE(checksum(ip), 10);
  return Buffer.concat([ip, tcp]);
}

/**
 * Writes a pcap of every connection it taps. Each connection gets a synthetic handshake, data split into
 * segments of at most MAX_SEGMENT bytes with consistent seq/ack numbers, and a FIN or RST exchange at its end.
 */
export class PcapRecorder {
  private ipId = 1;
  private closedSink = false;

  constructor(private readonly sink: PcapSink) {
    sink.write(pcapFile([], { linkType: LINKTYPE_ETHERNET }));
  }

  /** A recorder writing straight to `path` (synchronously, so a crash keeps what was recorded so far). */
  static toFile(path: string): PcapRecorder {
    const fd = fs.openSync(path, 'w');
    return new PcapRecorder({ write: b => { fs.writeSync(fd, b); }, close: () => fs.closeSync(fd) });
  }

  /** A tap for one TCP connection; pass it to `connect` (or Session.connect's recorder). */
  tap(): WireTap {
    let client: Side | null = null;
    let server: Side | null = null;
    const send = (from: Side, to: Side, flags: number, time: number, payload: Buffer = Buffer.alloc(0)): void => {
      this.frame(time, ipv4TcpPacket(from, to, flags, payload, this.ipId++));
      from.seq = (from.seq + payload.length + (flags & (SYN | FIN) ? 1 : 0)) >>> 0;
    };
    return {
      opened: (e: Endpoints, time: number) => {
        // Fixed initial sequence numbers keep two recordings of the same run comparable.
        client = { ip: ipv4(e.localAddress, '10.0.0.1'), port: e.localPort, seq: 0x10000000 };
        server = { ip: ipv4(e.remoteAddress, '10.0.0.2'), port: e.remotePort, seq: 0x20000000 };
        send(client, server, SYN, time);
        send(server, client, SYN | ACK, time);
        send(client, server, ACK, time);
      },
      data: (dir: 'out' | 'in', bytes: Buffer, time: number) => {
        if (!client || !server) return;
        const [from, to] = dir === 'out' ? [client, server] : [server, client];
        for (let i = 0; i < bytes.length; i += MAX_SEGMENT)
          send(from, to, ACK | PSH, time, bytes.subarray(i, i + MAX_SEGMENT));
      },
      closed: (info: CloseInfo, time: number) => {
        if (!client || !server) return;
        const [c, s] = [client, server];
        client = server = null;
        if (info.reason === 'reset' || info.reason === 'error') return send(s, c, RST | ACK, time);
        const [first, second] = info.reason === 'local' ? [c, s] : [s, c];
        send(first, second, FIN | ACK, time);
        send(second, first, FIN | ACK, time);
        send(first, second, ACK, time);
      },
    };
  }

  /** Finishes the file; later taps write nothing. */
  close(): void {
    if (this.closedSink) return;
    this.closedSink = true;
    this.sink.close?.();
  }

  private frame(time: number, ip: Buffer): void {
    if (this.closedSink) return;
    const data = linkFrame(LINKTYPE_ETHERNET, ip);
    const h = Buffer.alloc(16);
    // Split time by hand: rounding the microseconds up to 1e6 would make an invalid record.
    const usTotal = Math.floor(time * 1e6);
    h.writeUInt32LE(Math.floor(usTotal / 1e6), 0);
    h.writeUInt32LE(usTotal % 1e6, 4);
    h.writeUInt32LE(data.length, 8);
    h.writeUInt32LE(data.length, 12);
    this.sink.write(Buffer.concat([h, data]));
  }
}
