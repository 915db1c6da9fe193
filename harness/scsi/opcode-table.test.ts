// Every command in SCSI-NOTES §6 (the commands the reference target implements) has a declaration
// with the CDB length the table gives.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { lookupCdb } from './cdb.js';
import './commands/index.js';

const notes = readFileSync(new URL('../../../shared/specs/SCSI-NOTES.md', import.meta.url), 'utf8');
const table = notes.slice(notes.indexOf('## 6. Opcode summary'), notes.indexOf('## 7.'));
const rows = [...table.matchAll(/^\| (0x[0-9A-F]{2}) \| ([^|]+) \| ([^|]+) \| (\d+) \|/gm)]
  .map(m => ({ opcode: Number(m[1]), sa: /^0x[0-9A-F]{2}$/.test(m[2].trim()) ? Number(m[2].trim()) : undefined, name: m[3].trim(), len: Number(m[4]) }));

it('reads the opcode table', () => { expect(rows.length).toBeGreaterThan(35); });
it.each(rows.map(r => [r.name, r] as const))('%s is declared with its CDB length', (_n, r) => {
  const c = lookupCdb(r.opcode, r.sa);
  expect(c, `${r.name} 0x${r.opcode.toString(16)}`).toBeDefined();
  expect(c!.size).toBe(r.len);
  if (r.sa !== undefined) expect(c!.serviceAction).toBe(r.sa);
});
