// Frames both directions of a captured connection into PDUs, in time order, switching digests on after login.
import { Framer, type FramedPdu } from '../pdu/framer.js';
import type { Chunk, Connection } from './tcp-streams.js';

/** A PDU from a capture: which connection and direction, and when its first byte was captured. */
export interface CapturedPdu extends FramedPdu {
  conn: number;
  dir: 'i2t' | 't2i';
  time: number;
}

/** 'auto' reads the target's login answers; 'on'/'off' force it. Either way digests start after login. */
export type DigestMode = 'auto' | 'on' | 'off';

/** What framing a connection found. */
export interface FramedConnection {
  pdus: CapturedPdu[];
  /** Digests in force after login (false when login never completed). */
  digests: { header: boolean; data: boolean };
  /** Bytes left over per direction: a PDU cut by the end of the capture or by a gap. */
  trailing: { i2t: number; t2i: number };
  warnings: string[];
}

interface Side { dir: 'i2t' | 't2i'; chunks: Chunk[]; framer: Framer; done: boolean }

/**
 * Frames `conn`. Digests apply from the first PDU after the Login Response that ends login (T=1,
 * NSG=3, status 0), RFC 7143 §13.1; a direction stops at its first gap, where framing is lost.
 */
export function frameConnection(conn: Connection, opts: { headerDigest?: DigestMode; dataDigest?: DigestMode } = {}): FramedConnection {
  const warnings: string[] = [];
  const sides: Side[] = (['i2t', 't2i'] as const).map((dir) => {
    const framer = new Framer({ onDigestError: 'mark' });
    const gap = conn.gaps.find((g) => g.dir === dir);
    const chunks = conn[dir].filter((c) => !gap || c.offset < gap.offset);
    if (gap) warnings.push(`conn ${conn.id} ${dir}: framing stops at stream offset ${gap.offset} (${gap.length} bytes missing)`);
    for (const c of chunks) framer.write(c.data);
    return { dir, chunks, framer, done: false };
  });
  const digests = { header: false, data: false };
  const loginText: Buffer[] = [];
  let loginDone = false;
  const pdus: CapturedPdu[] = [];
  const startTime = (s: Side): number => (!s.done && s.framer.buffered >= 48 ? timeAt(s.chunks, s.framer.position) : Infinity);
  for (;;) {
    const [ti, tt] = [startTime(sides[0]!), startTime(sides[1]!)];
    if (ti === Infinity && tt === Infinity) break;
    const side = ti <= tt ? sides[0]! : sides[1]!;
    const time = Math.min(ti, tt);
    const pdu = side.framer.next();
    if (!pdu) { side.done = true; continue; } // the rest of this direction is a cut PDU
    pdus.push({ ...pdu, conn: conn.id, dir: side.dir, time });
    if (!loginDone && (pdu.bhs[0]! & 0x3f) === 0x23) {
      loginText.push(pdu.data);
      if ((pdu.bhs[1]! & 0x80) !== 0 && (pdu.bhs[1]! & 0x03) === 3 && pdu.bhs[36] === 0) {
        loginDone = true;
        const keys = textKeys(Buffer.concat(loginText));
        digests.header = decide(opts.headerDigest, keys.get('HeaderDigest'));
        digests.data = decide(opts.dataDigest, keys.get('DataDigest'));
        for (const s of sides) s.framer.setDigests(digests);
      }
    }
  }
  const trailing = { i2t: sides[0]!.framer.buffered, t2i: sides[1]!.framer.buffered };
  for (const s of sides) {
    if (s.framer.buffered > 0) warnings.push(`conn ${conn.id} ${s.dir}: ${s.framer.buffered} bytes after the last whole PDU`);
  }
  return { pdus, digests, trailing, warnings };
}

const decide = (mode: DigestMode | undefined, answer: string | undefined): boolean =>
  mode === 'on' ? true : mode === 'off' ? false : /^crc32c$/i.test(answer ?? '');

// Just enough of RFC 7143 §6 text (NUL-terminated key=value) to read the digest answers; the full
// key codec lives in harness/text.
function textKeys(data: Buffer): Map<string, string> {
  const keys = new Map<string, string>();
  for (const pair of data.toString('latin1').split('\0')) {
    const eq = pair.indexOf('=');
    if (eq > 0) keys.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return keys;
}

// Time of the packet that carried stream offset `offset` (chunks are sorted by offset).
function timeAt(chunks: Chunk[], offset: number): number {
  let lo = 0, hi = chunks.length - 1, t = chunks[0]?.time ?? 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (chunks[mid]!.offset <= offset) { t = chunks[mid]!.time; lo = mid + 1; } else hi = mid - 1;
  }
  return t;
}
