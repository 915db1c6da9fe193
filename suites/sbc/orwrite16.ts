// SBC-3 ORWRITE(16): the Data-Out ORed into the medium, range checks, 0 blocks, ORPROTECT.
// ORWRITE is optional: INVALID COMMAND OPERATION CODE skips the case.
import type { CaseApi } from '../../harness/runner/case-api.js';
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { pass, type CaseEvent } from '../../harness/runner/outcomes.js';
import { OrWrite16 } from '../../harness/scsi/commands/sbc-media.js';
import { scsi } from '../support.js';
import { unsupported } from '../support-spc.js';
import { expectContents, good, invalidField, lbaOutOfRange, openLu, rc16, Region, scratchLba, writeAt, type Lu } from '../support-sbc.js';

/** Sends ORWRITE(16) with `data` (none for 0 blocks); a target without ORWRITE makes the case not applicable. */
async function orwrite(t: CaseApi, lu: Lu, lba: bigint, blocks: number, data = Buffer.alloc(blocks * lu.blockSize), orprotect = 0): Promise<CaseEvent> {
  const e = await scsi(t, lu.c, OrWrite16.encode({ lba, transferLength: blocks, orprotect }), data.length ? { write: data } : {});
  if (unsupported(e)) t.skip('ORWRITE(16) is not supported (INVALID COMMAND OPERATION CODE)');
  return e;
}

const ref = (libiscsi: string) => `sbc3 ORWRITE(16); libiscsi test_orwrite_${libiscsi}`;
const tags = (...more: string[]) => ['scsi', 'orwrite', ...more];

const cases: CaseDef[] = [
  {
    n: 1, title: 'ORWRITE(16) leaves each byte as the OR of the medium and the Data-Out', level: 'MUST', ref: ref('verify'), tags: tags(), requires: ['dataloss'],
    requirement: 'ORWRITE reads the blocks, ORs the Data-Out into them and writes the result: zeros ORed with 0xA5 read back 0xA5, and that ORed with 0x5A reads back 0xFF.',
    async run(t) {
      const lu = await openLu(t);
      const lba = scratchLba(t, lu, Region.orWrite, 0);
      const bytes = 2 * lu.blockSize;
      await writeAt(t, lu, lba, Buffer.alloc(bytes));
      await t.expect(orwrite(t, lu, lba, 2, Buffer.alloc(bytes, 0xa5)), pass(good()));
      await expectContents(t, lu, lba, Buffer.alloc(bytes, 0xa5), '0xA5 (0x00 OR 0xA5)');
      await t.expect(orwrite(t, lu, lba, 2, Buffer.alloc(bytes, 0x5a)), pass(good()));
      await expectContents(t, lu, lba, Buffer.alloc(bytes, 0xff), '0xFF (0xA5 OR 0x5A)');
    },
  },
  {
    n: 2, title: 'ORWRITE(16) with TRANSFER LENGTH 0 at LBA 0 completes with GOOD', level: 'MUST', ref: ref('0blocks'), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'A TRANSFER LENGTH of zero transfers no blocks and is not an error.',
    async run(t) {
      const lu = await openLu(t);
      await t.expect(orwrite(t, lu, 0n, 0), pass(good()));
    },
  },
  {
    n: 3, title: 'ORWRITE(16) with TRANSFER LENGTH 0 one block past the end gets LOGICAL BLOCK ADDRESS OUT OF RANGE', level: 'MUST', ref: ref('0blocks'), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'An LBA beyond the capacity is out of range even when no block is transferred.',
    async run(t) {
      const lu = await openLu(t);
      await t.expect(orwrite(t, lu, lu.blocks + 1n, 0), pass(lbaOutOfRange()));
    },
  },
  {
    n: 4, title: 'ORWRITE(16) of a range running past the last LBA gets LOGICAL BLOCK ADDRESS OUT OF RANGE', level: 'MUST', ref: ref('beyond_eol'), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'An LBA plus TRANSFER LENGTH beyond the capacity ends ORWRITE with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.',
    async run(t) {
      const lu = await openLu(t);
      await t.expect(orwrite(t, lu, lu.lastLba, 2), pass(lbaOutOfRange()));
    },
  },
  {
    n: 5, title: 'ORWRITE(16) with non-zero ORPROTECT on an LU without protection information gets INVALID FIELD IN CDB', level: 'MUST', ref: ref('wrprotect'), tags: tags('protection'), requires: ['dataloss'],
    requirement: 'With protection information disabled (PROT_EN=0), a non-zero ORPROTECT is an invalid field in the CDB.',
    async run(t) {
      const lu = await openLu(t);
      const cap = await rc16(t, lu.c);
      if (cap.protEn) t.skip('the LU has protection information enabled (PROT_EN=1)');
      await t.expect(orwrite(t, lu, 0n, 1, undefined, 1), pass(invalidField()));
    },
  },
];

export default defineSection('sbc/orwrite16', 'ORWRITE(16)', cases);
