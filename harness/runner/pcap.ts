// Writes one pcap per case from the bytes the case's links saw, through the initiator's recorder
// (harness/transport/pcap-writer.ts), so every case capture opens in Wireshark/tshark.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PcapRecorder } from '../transport/pcap-writer.js';
import type { WireChunk } from './case-api.js';
import type { Verdict } from './result.js';

/** --pcap: which cases get a capture. */
export type PcapMode = 'failures' | 'all' | 'none';

/** True when the mode wants a capture of a case with this verdict. */
export const wantsPcap = (mode: PcapMode, v: Verdict): boolean =>
  mode === 'all' || (mode === 'failures' && ['fail', 'error', 'timeout', 'xpass', 'xfail'].includes(v));

/** File name of a case's capture, relative to the report directory. */
export const pcapName = (id: string): string => `pcaps/${id.replace(/[^A-Za-z0-9.-]+/g, '_')}.pcap`;

/** Writes the capture; returns its relative path, or undefined when there was no traffic. */
export function writeCasePcap(dir: string, id: string, chunks: readonly WireChunk[], host: string): string | undefined {
  if (!chunks.length) return undefined;
  const rel = pcapName(id);
  mkdirSync(join(dir, 'pcaps'), { recursive: true });
  const rec = PcapRecorder.toFile(join(dir, rel));
  try {
    const byConn = new Map<number, WireChunk[]>();
    for (const c of chunks) { if (!byConn.has(c.conn)) byConn.set(c.conn, []); byConn.get(c.conn)!.push(c); }
    for (const list of byConn.values()) {
      const tap = rec.tap();
      const first = list[0]!;
      tap.opened({ localAddress: '127.0.0.1', localPort: first.localPort, remoteAddress: host, remotePort: first.remotePort }, first.t / 1000);
      for (const c of list) tap.data(c.dir, c.bytes, c.t / 1000);
      tap.closed({ reason: 'local' }, list[list.length - 1]!.t / 1000);
    }
  } finally { rec.close(); }
  return rel;
}
