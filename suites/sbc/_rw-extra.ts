// Rows of the READ / WRITE / VERIFY family that only some commands have: the 6-byte "0 means 256",
// data integrity in scratch blocks, VERIFY with BYTCHK (match, miscompare, medium only).
import type { CaseDef } from '../../harness/runner/case.js';
import { pass } from '../../harness/runner/outcomes.js';
import { blockLimits, blockPattern, expectContents, good, miscompare, openLu, pattern, scratchLba, writeAt } from '../support-sbc.js';
import { send } from './_rw-rows.js';
import { maxFieldLba, type RwSpec } from './_rw-specs.js';

type Row = Omit<CaseDef, 'n'>;

/** TRANSFER LENGTH 0 in READ(6)/WRITE(6) means 256 blocks (libiscsi test_read6_simple). */
export function len256(s: RwSpec): Row {
  const write = s.kind === 'write';
  return {
    title: `${s.name} with TRANSFER LENGTH 0 transfers 256 blocks`, level: 'MUST', ref: `sbc3 ${s.name}; libiscsi test_read6_simple`,
    tags: ['scsi', s.kind, 'boundary'], ...(write ? { requires: ['dataloss'] as const } : {}),
    requirement: `In ${s.name} a TRANSFER LENGTH of 0 specifies 256 logical blocks${write ? '; all 256 are written' : ''}.`,
    async run(t) {
      const lu = await openLu(t);
      const lba = write ? 256n : 0n; // blocks 256..511 are written by no other case
      if (lu.blocks < lba + 256n) t.skip('the LU has fewer blocks than this case needs');
      const bl = await blockLimits(t, lu.c);
      if (bl && bl.maximumTransferLength > 0 && bl.maximumTransferLength < 256) t.skip(`MAXIMUM TRANSFER LENGTH is ${bl.maximumTransferLength} blocks`);
      const data = Buffer.concat(Array.from({ length: 256 }, (_x, i) => blockPattern(lba + BigInt(i), lu.blockSize)));
      if (!write) {
        await t.expect(send(t, lu, s, { lba, len: 0 }), pass(good(e => e.data.length === 256 * lu.blockSize, ` with ${256 * lu.blockSize} bytes (256 blocks)`)));
        return;
      }
      await t.expect(send(t, lu, s, { lba, len: 0 }, s.encode({ lba, len: 0 }), data), pass(good()));
      await expectContents(t, lu, lba, data, 'the 256 blocks just written');
    },
  };
}

/** Eight blocks of a case-specific pattern in scratch blocks read back unchanged (WRITE AND VERIFY with BYTCHK=1). */
export function integrity(s: RwSpec, region: number, slot: number): Row {
  const wav = s.kind === 'wav';
  return {
    title: `eight blocks written with ${s.name}${wav ? ' (BYTCHK=1)' : ''} read back unchanged`, level: 'MUST', ref: `sbc3 ${s.name}`,
    tags: ['scsi', s.kind, 'integrity'], requires: ['dataloss'],
    requirement: `${s.name} stores every logical block it transfers; a later READ of the range returns exactly the data sent${wav ? ', and the verification of what was written succeeds' : ''}.`,
    async run(t) {
      const lu = await openLu(t);
      const lba = scratchLba(t, lu, region, slot);
      const data = pattern(8 * lu.blockSize, t.seed + region * 16 + slot);
      const a = { lba, len: 8, ...(wav ? { bytchk: 1 } : {}) };
      await t.expect(send(t, lu, s, a, s.encode(a), data), pass(good()));
      await expectContents(t, lu, lba, data, 'the eight blocks just written');
    },
  };
}

/** VERIFY with BYTCHK=1: equal data -> GOOD; one differing byte -> MISCOMPARE 1D/00 (libiscsi test_verify*_mismatch). */
export function verifyCompare(s: RwSpec, slot: number, equal: boolean): Row {
  return {
    title: equal ? `${s.name} with BYTCHK=1 and the medium's own data completes with GOOD` : `${s.name} with BYTCHK=1 and one differing byte gets MISCOMPARE`,
    level: 'MUST', ref: `sbc3 ${s.name}; libiscsi test_${s.id}_${equal ? 'simple' : 'mismatch'}`, tags: ['scsi', 'verify', 'compare'], requires: ['dataloss'],
    requirement: equal
      ? 'With BYTCHK=1 the device server compares the Data-Out with the medium; when they are equal the command completes with GOOD.'
      : 'With BYTCHK=1, a Data-Out that differs from the medium ends the command with CHECK CONDITION, MISCOMPARE, MISCOMPARE DURING VERIFY OPERATION.',
    async run(t) {
      const lu = await openLu(t);
      const lba = scratchLba(t, lu, 7, slot); // Region.verify
      const data = pattern(4 * lu.blockSize, t.seed + 700 + slot);
      await writeAt(t, lu, lba, data); // setup: known contents, so the compare result is ours
      const sent = Buffer.from(data);
      if (!equal) sent[2 * lu.blockSize + 17] = sent[2 * lu.blockSize + 17]! ^ 0xff;
      const a = { lba, len: 4, bytchk: 1 };
      await t.expect(send(t, lu, s, a, s.encode(a), sent), pass(equal ? good() : miscompare()));
    },
  };
}

/** VERIFY with BYTCHK=0 checks the medium only: no Data-Out, GOOD (libiscsi test_verify*_mismatch_no_cmp). */
export function verifyMedium(s: RwSpec): Row {
  return {
    title: `${s.name} with BYTCHK=0 verifies the medium without Data-Out`, level: 'MUST', ref: `sbc3 ${s.name}; libiscsi test_${s.id}_mismatch_no_cmp`,
    tags: ['scsi', 'verify'],
    requirement: 'With BYTCHK=0 no data is transferred and only the medium is verified; readable blocks complete with GOOD.',
    async run(t) {
      const lu = await openLu(t);
      const len = lu.blocks >= 8n ? 8 : 1;
      if (lu.blocks - BigInt(len) > maxFieldLba(s)) t.skip(`the LU is larger than ${s.name} can address`);
      await t.expect(send(t, lu, s, { lba: lu.blocks - BigInt(len), len }), pass(good()));
    },
  };
}
