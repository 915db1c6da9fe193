// A pcap or pcapng file -> TCP connections with reassembled, timestamped bytes per direction.
import { ipOffset, LINK_TYPES, parseIpTcp } from './ip-tcp.js';
import { isPcap, readPcap } from './pcap.js';
import { isPcapng, readPcapng } from './pcapng.js';
import { TcpStreams, type Connection } from './tcp-streams.js';
import { CaptureError } from './types.js';

export type { Chunk, Connection, Gap } from './tcp-streams.js';

/** The iSCSI well-known port (3260, assigned by IANA). */
export const ISCSI_PORT = 3260;

/** Result of reading a capture. */
export interface CaptureContents {
  connections: Connection[];
  /** Things skipped or lost (fragments, unknown link types, missing bytes), one line each. */
  warnings: string[];
  /** Time of the capture's first packet (seconds since the epoch), 0 for an empty capture. */
  start: number;
}

/**
 * Reads every TCP connection of a capture. `ports`: ports that mark the target side in addition to
 * 3260; a connection on none of them takes the SYN's destination as the target.
 * Throws CaptureError for a cut (ERR_CAPTURE_TRUNCATED) or unreadable (ERR_CAPTURE_FORMAT) file.
 */
export function readCapture(buf: Buffer, opts: { ports?: number[] } = {}): CaptureContents {
  let packets;
  if (isPcap(buf)) packets = readPcap(buf);
  else if (isPcapng(buf)) packets = readPcapng(buf);
  else if (buf.length < 4) throw new CaptureError(`capture is ${buf.length} bytes, too short for a magic number`, 0, 'ERR_CAPTURE_TRUNCATED');
  else throw new CaptureError(`not a pcap or pcapng file: first bytes ${buf.subarray(0, 4).toString('hex')}`, 0, 'ERR_CAPTURE_FORMAT', 'magic');
  const streams = new TcpStreams(new Set([ISCSI_PORT, ...(opts.ports ?? [])]));
  const skipped = new Map<string, number>();
  const skip = (why: string): void => { skipped.set(why, (skipped.get(why) ?? 0) + 1); };
  let start: number | undefined;
  for (const pkt of packets) {
    start ??= pkt.time;
    if (!LINK_TYPES.has(pkt.linkType)) { skip(`link type ${pkt.linkType} not supported`); continue; }
    const off = ipOffset(pkt.linkType, pkt.data);
    if (off < 0) continue;
    const seg = parseIpTcp(pkt.data, off);
    if (seg === null) continue;
    if (typeof seg === 'string') { skip(seg); continue; }
    streams.add(seg, pkt.time);
  }
  const { connections, warnings } = streams.finish();
  for (const [why, n] of skipped) warnings.push(`${n} packet(s) skipped: ${why}`);
  return { connections, warnings, start: start ?? 0 };
}
