// Builds synthetic frames and capture files, so capture readers can be tested on every format we claim.

/** A TCP segment to encode; IPv6 when the addresses contain ':'. */
export interface SynthSegment {
  src: string; dst: string; srcPort: number; dstPort: number;
  seq: number; flags: number; payload?: Uint8Array;
}

const v4 = (a: string): number[] => a.split('.').map(Number);
function v6(a: string): number[] {
  const [head, tail] = a.includes('::') ? a.split('::') : [a, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t].map((g) => parseInt(g, 16));
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/** An IPv4 or IPv6 packet carrying the segment (checksums left zero: readers do not check them). */
export function ipPacket(s: SynthSegment): Buffer {
  const payload = Buffer.from(s.payload ?? []);
  const tcp = Buffer.alloc(20 + payload.length);
  tcp.writeUInt16BE(s.srcPort, 0);
  tcp.writeUInt16BE(s.dstPort, 2);
  tcp.writeUInt32BE(s.seq >>> 0, 4);
  tcp[12] = 5 << 4;
  tcp[13] = s.flags;
  payload.copy(tcp, 20);
  if (s.src.includes(':')) {
    const ip = Buffer.alloc(40);
    ip[0] = 0x60;
    ip.writeUInt16BE(tcp.length, 4);
    ip[6] = 6;
    Buffer.from(v6(s.src)).copy(ip, 8);
    Buffer.from(v6(s.dst)).copy(ip, 24);
    return Buffer.concat([ip, tcp]);
  }
  const ip = Buffer.alloc(20);
  ip[0] = 0x45;
  ip.writeUInt16BE(20 + tcp.length, 2);
  ip[8] = 64;
  ip[9] = 6;
  Buffer.from(v4(s.src)).copy(ip, 12);
  Buffer.from(v4(s.dst)).copy(ip, 16);
  return Buffer.concat([ip, tcp]);
}

/** Wraps an IP packet in the link header of `linkType` (1, 0, 101, 113, 228, 229, 276). */
export function linkFrame(linkType: number, ip: Buffer): Buffer {
  const et = ip[0]! >> 4 === 6 ? 0x86dd : 0x0800;
  const head = (n: number, fill: (b: Buffer) => void): Buffer => { const b = Buffer.alloc(n); fill(b); return Buffer.concat([b, ip]); };
  switch (linkType) {
    case 1: return head(14, (b) => b.writeUInt16BE(et, 12));
    case 0: return head(4, (b) => b.writeUInt32LE(et === 0x0800 ? 2 : 30, 0));
    case 113: return head(16, (b) => b.writeUInt16BE(et, 14));
    case 276: return head(20, (b) => b.writeUInt16BE(et, 0));
    default: return ip;
  }
}

/** A classic pcap file. */
export function pcapFile(frames: Array<{ time: number; data: Buffer }>, o: { linkType: number; le?: boolean; nano?: boolean }): Buffer {
  const le = o.le ?? true;
  const u32 = (b: Buffer, v: number, at: number): void => { if (le) b.writeUInt32LE(v, at); else b.writeUInt32BE(v, at); };
  const g = Buffer.alloc(24);
  u32(g, o.nano ? 0xa1b23c4d : 0xa1b2c3d4, 0);
  if (le) { g.writeUInt16LE(2, 4); g.writeUInt16LE(4, 6); } else { g.writeUInt16BE(2, 4); g.writeUInt16BE(4, 6); }
  u32(g, 262144, 16);
  u32(g, o.linkType, 20);
  const div = o.nano ? 1e9 : 1e6;
  return Buffer.concat([g, ...frames.flatMap((f) => {
    const h = Buffer.alloc(16);
    const sec = Math.floor(f.time);
    u32(h, sec, 0); u32(h, Math.round((f.time - sec) * div), 4); u32(h, f.data.length, 8); u32(h, f.data.length, 12);
    return [h, f.data];
  })]);
}

/** A pcapng file with one section; `tsresol` is the raw if_tsresol byte (default: microseconds). */
export function pcapngFile(
  ifaces: Array<{ linkType: number; tsresol?: number }>,
  frames: Array<{ iface: number; ticks: bigint; data: Buffer; simple?: boolean }>,
  o: { le?: boolean } = {},
): Buffer {
  const le = o.le ?? true;
  const block = (type: number, body: Buffer): Buffer => {
    const len = 12 + body.length + ((4 - (body.length % 4)) % 4);
    const b = Buffer.alloc(len);
    const w = (v: number, at: number): void => { if (le) b.writeUInt32LE(v, at); else b.writeUInt32BE(v, at); };
    w(type, 0); w(len, 4); body.copy(b, 8); w(len, len - 4);
    return b;
  };
  const u16 = (v: number): Buffer => { const b = Buffer.alloc(2); if (le) b.writeUInt16LE(v); else b.writeUInt16BE(v); return b; };
  const u32 = (v: number): Buffer => { const b = Buffer.alloc(4); if (le) b.writeUInt32LE(v); else b.writeUInt32BE(v); return b; };
  const shb = block(0x0a0d0d0a, Buffer.concat([u32(0x1a2b3c4d), u16(1), u16(0), Buffer.alloc(8, 0xff)]));
  const idbs = ifaces.map((i) => block(1, Buffer.concat([
    u16(i.linkType), u16(0), u32(0),
    ...(i.tsresol === undefined ? [] : [u16(9), u16(1), Buffer.from([i.tsresol, 0, 0, 0]), u32(0)]),
  ])));
  const pkts = frames.map((f) => (f.simple
    ? block(3, Buffer.concat([u32(f.data.length), f.data]))
    : block(6, Buffer.concat([u32(f.iface), u32(Number(f.ticks >> 32n)), u32(Number(f.ticks & 0xffffffffn)),
      u32(f.data.length), u32(f.data.length), f.data]))));
  return Buffer.concat([shb, ...idbs, ...pkts]);
}
