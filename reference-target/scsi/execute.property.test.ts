// Property: any CDB (declared commands in every arbitrary mode, near-valid ones, raw bytes) gets an
// answer, never an exception; CHECK CONDITION carries sense that harness/scsi's decoder finds no violation in; Data-In never exceeds the CDB's length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registeredCdbs } from '../../harness/scsi/cdb.js';
import '../../harness/scsi/commands/index.js';
import { decodeSense } from '../../harness/scsi/sense.js';
import type { ScsiResult } from './device.js';
import { createScsiDevice } from './scsi-device.js';
import { I1, I2 } from './scsi.test-helpers.js';

/** Sense shape checks on top of harness/scsi's decoder: only the two formats we send, exact lengths. */
function senseProblems(s: Buffer | undefined): string[] {
  if (!s) return ['no sense'];
  const code = s[0] & 0x7f;
  if (code === 0x70) {
    const out = [];
    if (s.length !== 18 || s[7] !== 10) out.push('fixed sense length');
    if ((s[2] & 0xf) === 0xc || (s[2] & 0xf) === 0xf) out.push('obsolete/reserved sense key');
    return out;
  }
  if (code !== 0x72) return [`response code 0x${code.toString(16)}`];
  if (s[7] !== s.length - 8) return ['descriptor additional length'];
  let at = 8;
  while (at < s.length) at += 2 + s[at + 1];
  return at === s.length ? [] : ['descriptor lengths'];
}

const cdbs = registeredCdbs();
const fromDecl = (mode: 'valid' | 'edge' | 'any') => fc.constantFrom(...cdbs).chain(c => c.arbitrary(mode).map(v => c.encode(v)));
const nearValid = fc.constantFrom(...cdbs.filter(c => { try { c.nearValid(); return true; } catch { return false; } }))
  .chain(c => c.nearValid().map(({ value }) => c.encode(value)));
const raw = fc.uint8Array({ minLength: 1, maxLength: 16 }).map(a => Buffer.from(a));
const anyCdb = fc.oneof(fromDecl('valid'), fromDecl('edge'), fromDecl('any'), nearValid, raw);

describe('execute on arbitrary CDBs', () => {
  it('never throws; statuses are GOOD, CHECK CONDITION with well-formed sense, or RESERVATION CONFLICT', async () => {
    const dev = await createScsiDevice([{ lun: 0, backing: 'ram', size: 1024 * 1024, blockSize: 512 }, { lun: 1, backing: 'ram', size: 1024 * 1024, blockSize: 4096 }]);
    await fc.assert(fc.asyncProperty(anyCdb, fc.constantFrom(0n, 1n << 48n, 9n << 48n), fc.boolean(), fc.nat({ max: 9000 }), async (cdb, lun, second, edtl) => {
      const req = { nexus: second ? I2 : I1, lun, cdb: Buffer.concat([cdb, Buffer.alloc(Math.max(0, 16 - cdb.length))]), attr: 1, expectedDataTransferLength: edtl, dataOut: Buffer.alloc(0) };
      const want = dev.dataOutLength(req);
      expect(want).toBeGreaterThanOrEqual(0);
      const r: ScsiResult = await dev.execute({ ...req, dataOut: Buffer.alloc(Math.min(edtl, want), 0x33) });
      expect([0x00, 0x02, 0x18]).toContain(r.status);
      if (r.status === 0x02) {
        expect(senseProblems(r.sense)).toEqual([]);
        expect(decodeSense(r.sense!).violations).toEqual([]);
        // 44/00 would be an exception inside a handler turned into INTERNAL TARGET FAILURE: a bug.
        const asc = r.sense![0] === 0x72 ? r.sense![2] : r.sense![12];
        expect(asc).not.toBe(0x44);
      } else {
        expect(r.sense).toBeUndefined();
      }
      if (r.dataIn) expect(r.dataIn.length).toBeLessThanOrEqual(r.transferLength ?? Infinity);
    }), { numRuns: 600 });
  });

  it('with fault/crash-on-cdb-reserved-bit the only exception is the deliberate one', async () => {
    const dev = await createScsiDevice([{ lun: 0, backing: 'ram', size: 1024 * 1024, blockSize: 512 }], { faults: new Set(['fault/crash-on-cdb-reserved-bit']) });
    let crashes = 0;
    await fc.assert(fc.asyncProperty(fromDecl('any'), async cdb => {
      const req = { nexus: I1, lun: 0n, cdb: Buffer.concat([cdb, Buffer.alloc(16 - cdb.length)]), attr: 1, expectedDataTransferLength: 0, dataOut: Buffer.alloc(0) };
      try { await dev.execute(req); } catch (e) {
        crashes++;
        expect(String(e)).toContain('fault/crash-on-cdb-reserved-bit');
        expect(cdb[0] === 0x25 && (cdb[1] & 0x20) !== 0).toBe(true);
      }
    }), { numRuns: 300, seed: 7 });
    expect(crashes).toBeGreaterThan(0);
  });
});
