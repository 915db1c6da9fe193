// Benchmarks CRC32C and the PDU framer against a plain uint32 scan of the same bytes (PERF-NOTES.md).
import { pathToFileURL } from 'node:url';
import { crc32c } from '../harness/pdu/crc32c.js';
import { Framer } from '../harness/pdu/framer.js';
import { toWire } from '../harness/pdu/wire.js';
import type { BenchRow } from './types.js';

const WARMUP_NS = 200_000_000n;
const RUN_NS = 1_000_000_000n;

// Calls fn in batches for ~1 s after a warm-up; returns calls per second. The sink keeps the JIT
// from dropping the work.
let sink = 0;
function rate(fn: () => number, batch: number): number {
  for (const limit of [WARMUP_NS, RUN_NS]) {
    const t0 = process.hrtime.bigint();
    let calls = 0;
    let dt = 0n;
    while (dt < limit) {
      for (let i = 0; i < batch; i++) sink ^= fn();
      calls += batch;
      dt = process.hrtime.bigint() - t0;
    }
    if (limit === RUN_NS) return calls / (Number(dt) / 1e9);
  }
  return 0;
}

const mbps = (callsPerSec: number, bytes: number): number => (callsPerSec * bytes) / 1e6;

// 128 PDUs of 48 B BHS + 8 KiB data (~1 MiB), cut into 64 KiB reads as a socket would deliver them.
function pduStream(digests: boolean): { chunks: Buffer[]; bytes: number } {
  const bhs = Buffer.alloc(48);
  bhs[0] = 0x25;
  bhs.writeUIntBE(8192, 5, 3);
  const data = Buffer.alloc(8192, 0xa5);
  const one = toWire({ bhs, data }, { headerDigest: digests, dataDigest: digests });
  const stream = Buffer.concat(Array.from({ length: 128 }, () => one));
  const chunks: Buffer[] = [];
  for (let o = 0; o < stream.length; o += 65536) chunks.push(stream.subarray(o, o + 65536));
  return { chunks, bytes: stream.length };
}

/** Measures CRC32C (48 B, 4 KiB, 1 MiB) and framing with digests off and on, with a scan ceiling. */
export async function benchCrcFramer(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const header = Buffer.alloc(48, 0x11);
  rows.push({ name: 'crc32c 48 B (header digest)', value: rate(() => crc32c(header), 10_000) / 1e6, unit: 'M calls/s' });
  const b4k = Buffer.alloc(4096, 0x5a);
  rows.push({ name: 'crc32c 4 KiB', value: mbps(rate(() => crc32c(b4k), 1000), 4096), unit: 'MB/s' });
  const b1m = Buffer.alloc(1 << 20, 0x5a);
  rows.push({ name: 'crc32c 1 MiB', value: mbps(rate(() => crc32c(b1m), 4), 1 << 20), unit: 'MB/s', goal: 4000 });

  const off = pduStream(false);
  const scan = (chunks: Buffer[]) => (): number => {
    let s = 0;
    for (const c of chunks) for (let i = 0; i + 4 <= c.length; i += 4) s = (s + c.readUInt32BE(i)) | 0;
    return s;
  };
  const frame = (chunks: Buffer[], digests: boolean): (() => number) => {
    const f = new Framer({ headerDigest: digests, dataDigest: digests });
    return () => {
      let n = 0;
      for (const c of chunks) n += f.push(c).length;
      return n;
    };
  };
  const ceiling = { name: 'Buffer.readUInt32BE scan of the same bytes', value: mbps(rate(scan(off.chunks), 1), off.bytes) };
  rows.push({ name: ceiling.name, value: ceiling.value, unit: 'MB/s' });
  // The framer reads 8 header bytes per PDU and copies only PDUs that straddle reads, so it beats a
  // scan that touches every word; the memcpy of the whole stream is the tighter reference.
  const dst = Buffer.allocUnsafe(off.bytes);
  const copy = (): number => { let o = 0; for (const c of off.chunks) o += c.copy(dst, o); return o; };
  rows.push({ name: 'memcpy of the same bytes (Buffer.copy)', value: mbps(rate(copy, 4), off.bytes), unit: 'MB/s' });
  rows.push({ name: 'framer 48 B + 8 KiB PDUs, 64 KiB reads, digests off', value: mbps(rate(frame(off.chunks, false), 4), off.bytes), unit: 'MB/s', ceiling, goal: 1000 });
  const on = pduStream(true);
  rows.push({ name: 'framer 48 B + 8 KiB PDUs, 64 KiB reads, digests on (verified)', value: mbps(rate(frame(on.chunks, true), 4), on.bytes), unit: 'MB/s', ceiling });
  if (sink === 0.5) console.log(sink); // never true; keeps `sink` observable
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchCrcFramer()) {
    const extra = [r.goal !== undefined ? `goal ≥ ${r.goal}` : '', r.ceiling ? `ceiling ${r.ceiling.value.toFixed(0)}` : ''].filter(Boolean).join(', ');
    console.log(`${r.name.padEnd(66)} ${r.value.toFixed(1).padStart(9)} ${r.unit}${extra ? `  (${extra})` : ''}`);
  }
}
