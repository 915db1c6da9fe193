// Classic libpcap files: both byte orders, microsecond and nanosecond timestamps.
import { CaptureError, type CapturedPacket } from './types.js';

const MAGIC: Record<number, { le: boolean; nano: boolean }> = {
  0xa1b2c3d4: { le: true, nano: false },
  0xd4c3b2a1: { le: false, nano: false },
  0xa1b23c4d: { le: true, nano: true },
  0x4d3cb2a1: { le: false, nano: true },
};

// A record longer than this is a corrupt length, not a real frame (libpcap's own cap is 256 KiB;
// allow jumbo loopback captures well beyond it).
const MAX_RECORD = 64 * 1024 * 1024;

/** True when `buf` starts with a classic pcap magic number in either byte order. */
export const isPcap = (buf: Buffer): boolean => buf.length >= 4 && MAGIC[buf.readUInt32LE(0)] !== undefined;

/** Yields every record of a classic pcap file; throws CaptureError on a cut or corrupt file. */
export function* readPcap(buf: Buffer): Generator<CapturedPacket> {
  if (buf.length < 4) throw new CaptureError(`pcap file is ${buf.length} bytes, too short for a magic number`, 0, 'ERR_CAPTURE_TRUNCATED');
  const m = MAGIC[buf.readUInt32LE(0)];
  if (!m) throw new CaptureError(`not a pcap file: magic 0x${buf.readUInt32LE(0).toString(16)}`, 0, 'ERR_CAPTURE_FORMAT', 'magic');
  if (buf.length < 24) throw new CaptureError(`pcap global header cut at ${buf.length} of 24 bytes`, buf.length, 'ERR_CAPTURE_TRUNCATED');
  const u32 = m.le ? (o: number) => buf.readUInt32LE(o) : (o: number) => buf.readUInt32BE(o);
  const linkType = u32(20) & 0x0fffffff; // upper bits carry the FCS length, not the link type
  const div = m.nano ? 1e9 : 1e6;
  let off = 24;
  for (let record = 0; off < buf.length; record++) {
    if (off + 16 > buf.length) {
      throw new CaptureError(`pcap record ${record} at byte ${off}: header cut after ${buf.length - off} of 16 bytes`, off, 'ERR_CAPTURE_TRUNCATED');
    }
    const sec = u32(off), frac = u32(off + 4), incl = u32(off + 8), orig = u32(off + 12);
    if (incl > MAX_RECORD || frac >= div) {
      const what = incl > MAX_RECORD ? `captured length ${incl}` : `timestamp fraction ${frac}`;
      throw new CaptureError(`pcap record ${record} at byte ${off}: corrupt header (${what})`, off, 'ERR_CAPTURE_FORMAT');
    }
    if (off + 16 + incl > buf.length) {
      throw new CaptureError(
        `pcap record ${record} at byte ${off}: ${incl} bytes announced, ${buf.length - off - 16} present`, off, 'ERR_CAPTURE_TRUNCATED');
    }
    yield { time: sec + frac / div, linkType, data: buf.subarray(off + 16, off + 16 + incl), origLength: orig, record, fileOffset: off };
    off += 16 + incl;
  }
}
