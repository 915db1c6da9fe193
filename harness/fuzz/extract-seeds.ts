// Extracts fuzz seeds from the golden captures (../shared/captures) as JSON scripts in corpus/seeds:
// per connection, a login step (normal or discovery) and the initiator's full-feature PDUs as send steps
// with session fields left to the interpreter, each followed by a NOP-Out ping. Run: npm run corpus:seeds
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodePdu } from '../pdu/registry.js';
import { formatScript } from '../script/io.js';
import { pduToSpec } from '../script/pdu-json.js';
import { SCRIPT_FORMAT, SCRIPT_VERSION, type Script, type Step } from '../script/schema.js';

/** The captures seeds come from: short sessions that cover discovery, INQUIRY, READ CAPACITY, CmdSN and TMF traffic. */
export const SEED_CAPTURES = ['discovery', 'inquiry', 'readcapacity16', 'cmdsn', 'tmf'] as const;

interface Line { conn: number; dir: 'i2t' | 't2i'; bhs: string; ahs: string; data: string }

/** One seed script per connection of a capture (connections without full-feature traffic are left out). */
export function seedsFromCapture(name: string, lines: readonly Line[]): Script[] {
  const out: Script[] = [];
  for (const conn of [...new Set(lines.map(l => l.conn))]) {
    const mine = lines.filter(l => l.conn === conn);
    let discovery = false, ffp = false;
    const body: Step[] = [];
    for (const l of mine) {
      const p = decodePdu(Buffer.from(l.bhs, 'hex'), Buffer.from(l.ahs, 'hex'), Buffer.from(l.data, 'hex'));
      if (p.type === 'LoginRequest' && l.dir === 'i2t') { discovery ||= Buffer.from(l.data, 'hex').toString('latin1').includes('SessionType=Discovery'); continue; }
      if (p.type === 'LoginResponse') { if (p.transit && p.nsg === 3 && p.statusClass === 0) ffp = true; continue; }
      if (!ffp || l.dir !== 'i2t') continue;
      // Data-Out answers an R2T whose TTT only that session knew; the SCSI Command carries the CDB worth fuzzing.
      if (p.type === 'DataOut' || p.type === 'Raw') continue;
      body.push({ op: 'send', pdu: pduToSpec(p, { omit: ['itt', 'cmdSN', 'expStatSN', 'lun'] }) });
      body.push(p.type === 'LogoutRequest' ? { op: 'expect', oneOf: [{ pdu: { type: 'LogoutResponse' } }, { closed: true }], ref: 'rfc7143/11.15' } : { op: 'nop' });
    }
    if (body.length === 0) continue;
    out.push({
      format: SCRIPT_FORMAT, version: SCRIPT_VERSION, name: `seed/${name}/${conn}`,
      description: `initiator PDUs of connection ${conn} of ../shared/captures/${name}.pcap (libiscsi against tgtd), session fields left to the interpreter`,
      steps: [{ op: 'connect' }, { op: 'login', ...(discovery ? { discovery: true } : {}) }, ...body, { op: 'disconnect' }, { op: 'probe' }],
    });
  }
  return out;
}

// Run as a script: write corpus/seeds/<capture>-<conn>.json.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('../../../shared/captures/', import.meta.url));
  const outDir = fileURLToPath(new URL('../../corpus/seeds/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  for (const name of SEED_CAPTURES) {
    const lines = readFileSync(`${dir}${name}.pdus.jsonl`, 'utf8').trim().split('\n').map(l => JSON.parse(l) as Line);
    for (const s of seedsFromCapture(name, lines)) {
      const file = `${outDir}${s.name!.slice(5).replace(/\//g, '-')}.json`;
      writeFileSync(file, formatScript(s));
      console.log(`${file}: ${s.steps.length} steps`);
    }
  }
}
