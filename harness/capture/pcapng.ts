// pcapng files: SHB (either byte order), IDB (per-interface link type, if_tsresol, if_tsoffset), EPB, SPB, OPB.
import { CaptureError, type CapturedPacket } from './types.js';

const SHB = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

interface Iface { linkType: number; ticksPerSec: bigint; offsetSec: number }

/** True when `buf` starts with a pcapng Section Header Block. */
export const isPcapng = (buf: Buffer): boolean => buf.length >= 4 && buf.readUInt32LE(0) === SHB;

const fail = (msg: string, off: number, code: 'ERR_CAPTURE_TRUNCATED' | 'ERR_CAPTURE_FORMAT' = 'ERR_CAPTURE_FORMAT'): never => {
  throw new CaptureError(msg, off, code);
};

/** Yields every packet of a pcapng file (EPB, SPB, obsolete PB); throws CaptureError on a cut or corrupt file. */
export function* readPcapng(buf: Buffer): Generator<CapturedPacket> {
  let le = true;
  let ifaces: Iface[] = [];
  let lastTime = 0; // SPBs carry no timestamp: they get the previous packet's
  let off = 0;
  for (let block = 0; off < buf.length; block++) {
    const where = `pcapng block ${block} at byte ${off}`;
    if (off + 12 > buf.length) fail(`${where}: header cut after ${buf.length - off} bytes`, off, 'ERR_CAPTURE_TRUNCATED');
    if (buf.readUInt32LE(off) === SHB) {
      const bom = buf.readUInt32LE(off + 8);
      if (bom === BYTE_ORDER_MAGIC) le = true;
      else if (bom === 0x4d3c2b1a) le = false;
      else fail(`${where}: section header with bad byte-order magic 0x${bom.toString(16)}`, off);
      ifaces = [];
    } else if (block === 0) {
      fail(`not a pcapng file: first block type 0x${buf.readUInt32LE(0).toString(16)}`, 0);
    }
    const u16 = le ? (o: number) => buf.readUInt16LE(o) : (o: number) => buf.readUInt16BE(o);
    const u32 = le ? (o: number) => buf.readUInt32LE(o) : (o: number) => buf.readUInt32BE(o);
    const type = u32(off);
    const len = u32(off + 4);
    if (len < 12 || len % 4 !== 0) fail(`${where}: block length ${len} is not a multiple of 4 of at least 12`, off);
    if (off + len > buf.length) fail(`${where}: ${len} bytes announced, ${buf.length - off} present`, off, 'ERR_CAPTURE_TRUNCATED');
    if (u32(off + len - 4) !== len) fail(`${where}: trailing length ${u32(off + len - 4)} differs from ${len}`, off);
    const body = off + 8;
    const end = off + len - 4;
    const need = (n: number): void => { if (body + n > end) fail(`${where}: block type ${type} too short (${len} bytes)`, off); };
    if (type === 1) {
      need(8);
      ifaces.push(readIdb(buf, body, end, le));
    } else if (type === 6 || type === 2) {
      need(20);
      const ifId = type === 6 ? u32(body) : u16(body);
      const ifc = ifaces[ifId] ?? fail(`${where}: packet on interface ${ifId}, only ${ifaces.length} described`, off);
      const caplen = u32(body + 12);
      if (body + 20 + caplen > end) fail(`${where}: captured length ${caplen} overruns the block`, off);
      const ticks = (BigInt(u32(body + 4)) << 32n) | BigInt(u32(body + 8));
      lastTime = ifc.offsetSec + Number(ticks / ifc.ticksPerSec) + Number(ticks % ifc.ticksPerSec) / Number(ifc.ticksPerSec);
      yield { time: lastTime, linkType: ifc.linkType, data: buf.subarray(body + 20, body + 20 + caplen), origLength: u32(body + 16), record: block, fileOffset: off };
    } else if (type === 3) {
      need(4);
      const ifc = ifaces[0] ?? fail(`${where}: simple packet block before any interface description`, off);
      const orig = u32(body);
      const caplen = Math.min(orig, end - body - 4);
      yield { time: lastTime, linkType: ifc.linkType, data: buf.subarray(body + 4, body + 4 + caplen), origLength: orig, record: block, fileOffset: off };
    }
    off += len;
  }
}

// Reads the link type and the two options that change how timestamps are read.
function readIdb(buf: Buffer, body: number, end: number, le: boolean): Iface {
  const u16 = (o: number): number => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const ifc: Iface = { linkType: u16(body), ticksPerSec: 1_000_000n, offsetSec: 0 };
  for (let o = body + 8; o + 4 <= end;) {
    const code = u16(o), olen = u16(o + 2);
    if (code === 0 || o + 4 + olen > end) break;
    if (code === 9 && olen >= 1) {
      const v = buf[o + 4]!;
      ifc.ticksPerSec = v & 0x80 ? 2n ** BigInt(v & 0x7f) : 10n ** BigInt(v);
    } else if (code === 14 && olen === 8) {
      ifc.offsetSec = Number(le ? buf.readBigInt64LE(o + 4) : buf.readBigInt64BE(o + 4)); // if_tsoffset, seconds
    }
    o += 4 + ((olen + 3) & ~3);
  }
  return ifc;
}
