// BHS decode/encode rates over the PDUs of the golden captures, beside a plain
// Buffer.readUInt32BE loop over the same headers as the ceiling (issue 4 goal: decode >= 10 M/s).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodePdu, encodePdu, pduTypeOf } from '../harness/pdu/registry.js';
import { opsPerSecond } from './measure.js';
import type { BenchRow } from './types.js';

const dir = fileURLToPath(new URL('../../shared/captures/', import.meta.url));

/** The BHSs of every captured PDU (a realistic mix of types), as separate 48-byte buffers. */
function capturedHeaders(): Buffer[] {
  const out: Buffer[] = [];
  for (const f of readdirSync(dir).filter(n => n.endsWith('.pdus.jsonl'))) {
    for (const line of readFileSync(dir + f, 'utf8').trim().split('\n')) out.push(Buffer.from((JSON.parse(line) as { bhs: string }).bhs, 'hex'));
  }
  return out;
}

/** BHS decodes/s, encodes/s and the readUInt32BE ceiling. */
export async function benchCodec(): Promise<BenchRow[]> {
  const headers = capturedHeaders();
  const m = headers.length;
  const empty = Buffer.alloc(0);
  let sink = 0;
  const ceiling = opsPerSecond(n => {
    for (let i = 0; i < n; i++) { const b = headers[i % m]!; for (let o = 0; o < 48; o += 4) sink ^= b.readUInt32BE(o); }
  });
  const decode = opsPerSecond(n => {
    for (let i = 0; i < n; i++) sink ^= (decodePdu(headers[i % m]!, empty, empty) as { itt?: number }).itt ?? 0;
  });
  const decoded = headers.map(h => decodePdu(h, empty, empty));
  const into = Buffer.alloc(48);
  const encodeInto = opsPerSecond(n => {
    for (let i = 0; i < n; i++) { const p = decoded[i % m]!; into.fill(0); pduTypeOf(h0(p))!.encodeBhs(p as never, into); sink ^= into[1]!; }
  });
  const encode = opsPerSecond(n => { for (let i = 0; i < n; i++) sink ^= encodePdu(decoded[i % m]!).bhs[1]!; });
  if (sink === 0.5) console.log(sink); // keep the work observable
  const c = { name: 'readUInt32BE x12 per BHS', value: ceiling / 1e6 };
  return [
    { name: `BHS decode (${m} captured headers, all types)`, value: decode / 1e6, unit: 'M/s', ceiling: c, goal: 10 },
    { name: 'BHS encode into a reused buffer', value: encodeInto / 1e6, unit: 'M/s', ceiling: c },
    { name: 'BHS encode to a new PDU (allocating)', value: encode / 1e6, unit: 'M/s', ceiling: c },
  ];
}

const h0 = (p: ReturnType<typeof decodePdu>): number => (p.type === 'Raw' ? p.opcode : pduTypeOf(opcodeOf(p.type))!.opcode);
const opcodeByName = new Map<string, number>();
for (let op = 0; op < 64; op++) { const t = pduTypeOf(op); if (t) opcodeByName.set(t.name, op); }
const opcodeOf = (name: string): number => opcodeByName.get(name)!;
