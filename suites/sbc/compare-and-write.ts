// SBC-3 COMPARE AND WRITE: match writes, miscompare (1D/00, offset in INFORMATION) writes nothing,
// MAXIMUM COMPARE AND WRITE LENGTH, bounds, zero blocks, WRPROTECT, DPO/FUA, Data-Out size. Destructive.
import type { CaseApi } from '../../harness/runner/case-api.js';
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, type CaseEvent } from '../../harness/runner/outcomes.js';
import { CompareAndWrite } from '../../harness/scsi/commands/sbc-other.js';
import { scsi } from '../support.js';
import {
  blockLimits, dpoFua, expectContents, good, illegalRequest, informationOf, invalidField, lbaOutOfRange, miscompare, openLu, pattern, rc16,
  Region, scratchLba, withBits, writeAt, type Lu,
} from '../support-sbc.js';

type Args = { lba: bigint; blocks: number; wrprotect?: number; dpo?: boolean; fua?: boolean };
const caw = (t: CaseApi, lu: Lu, a: Args, data: Buffer, cdb = CompareAndWrite.encode({ ...a, numberOfBlocks: a.blocks })): Promise<CaseEvent> =>
  scsi(t, lu.c, cdb, data.length ? { write: data } : {});

/** Logs in, skips when the LU reports MAXIMUM COMPARE AND WRITE LENGTH 0 (libiscsi skips the same way). */
async function cawLu(t: CaseApi) {
  const lu = await openLu(t);
  const bl = await blockLimits(t, lu.c);
  if (bl && bl.maximumCompareAndWriteLength === 0) t.skip('the Block Limits page reports MAXIMUM COMPARE AND WRITE LENGTH 0 (not supported)');
  if (!bl) {
    // No Block Limits page: support is unknown, so a no-op COMPARE AND WRITE (0 blocks) asks; an unknown opcode means unsupported.
    const e = await caw(t, lu, { lba: 0n, blocks: 0 }, Buffer.alloc(0));
    if (e.kind === 'scsi' && e.sense?.key === 5 && e.sense.asc === 0x20) t.skip('COMPARE AND WRITE is not supported (INVALID COMMAND OPERATION CODE)');
  }
  return { lu, max: bl?.maximumCompareAndWriteLength ?? 0 };
}

/** Scratch blocks with known contents: the verify half of a later COMPARE AND WRITE. */
async function prepared(t: CaseApi, lu: Lu, slot: number, blocks = 1) {
  const lba = scratchLba(t, lu, Region.compareAndWrite, slot);
  const old = pattern(blocks * lu.blockSize, t.seed + 1100 + slot);
  await writeAt(t, lu, lba, old);
  return { lba, old, neu: pattern(blocks * lu.blockSize, t.seed + 1150 + slot) };
}

const ref = (libiscsi?: string) => `sbc3 COMPARE AND WRITE${libiscsi ? `; libiscsi test_compareandwrite_${libiscsi}` : ''}`;
const tags = (...more: string[]) => ['scsi', 'compare-and-write', ...more];

const cases: CaseDef[] = [
  {
    n: 1, title: 'COMPARE AND WRITE with matching verify data writes the new data', level: 'MUST', ref: ref('simple'), tags: tags(), requires: ['dataloss'],
    requirement: 'When the verify half of the Data-Out equals the medium, the write half is written and the command completes with GOOD.',
    async run(t) {
      const { lu } = await cawLu(t);
      const { lba, old, neu } = await prepared(t, lu, 1, 2);
      await t.expect(caw(t, lu, { lba, blocks: 2 }, Buffer.concat([old, neu])), pass(good()));
      await expectContents(t, lu, lba, neu, 'the write half of the Data-Out');
    },
  },
  {
    n: 2, title: 'COMPARE AND WRITE with differing verify data gets MISCOMPARE and writes nothing', level: 'MUST', ref: ref('miscompare'), tags: tags(), requires: ['dataloss'],
    requirement: 'When the verify data differs from the medium the command ends with CHECK CONDITION, MISCOMPARE, MISCOMPARE DURING VERIFY OPERATION, and no block is changed.',
    async run(t) {
      const { lu } = await cawLu(t);
      const { lba, old, neu } = await prepared(t, lu, 2, 2);
      const verify = Buffer.from(old);
      verify[lu.blockSize + 5] = verify[lu.blockSize + 5]! ^ 0x5a;
      await t.expect(caw(t, lu, { lba, blocks: 2 }, Buffer.concat([verify, neu])), pass(miscompare()));
      await expectContents(t, lu, lba, old, 'the blocks as they were before (nothing written)');
    },
  },
  {
    n: 3, title: 'a COMPARE AND WRITE miscompare reports the offset of the first differing byte in INFORMATION', level: 'SHOULD', ref: ref('miscompare'), tags: tags(), requires: ['dataloss'],
    requirement: 'On a miscompare the sense data INFORMATION field holds the offset, from the start of the Data-Out, of the first byte that differed (VALID=1).',
    async run(t) {
      const { lu } = await cawLu(t);
      const { lba, old, neu } = await prepared(t, lu, 3);
      const at = 300 % lu.blockSize;
      const verify = Buffer.from(old);
      verify[at] = verify[at]! ^ 0xff;
      const e = await t.expect(caw(t, lu, { lba, blocks: 1 }, Buffer.concat([verify, neu])), pass(miscompare()));
      const info = informationOf(e);
      if (info !== undefined && info !== BigInt(at)) t.fail(`INFORMATION ${at} (the offset of the changed byte)`, `INFORMATION ${info}`);
      // libiscsi checks the offset only when VALID is set; a miscompare without it is tolerated.
      await t.expect(e, pass({ describe: `INFORMATION ${at} (VALID=1)`, test: () => info === BigInt(at) }),
        nonStrict({ describe: 'no valid INFORMATION field', test: () => info === undefined }));
    },
  },
  {
    n: 4, title: 'COMPARE AND WRITE over MAXIMUM COMPARE AND WRITE LENGTH gets INVALID FIELD IN CDB', level: 'MUST', ref: ref('miscompare'), tags: tags('limits'), requires: ['dataloss'],
    requirement: 'A NUMBER OF LOGICAL BLOCKS greater than the Block Limits page\'s MAXIMUM COMPARE AND WRITE LENGTH ends the command with ILLEGAL REQUEST, INVALID FIELD IN CDB.',
    async run(t) {
      const { lu, max } = await cawLu(t);
      if (max === 0 || max >= 255) t.skip(`MAXIMUM COMPARE AND WRITE LENGTH ${max} leaves no larger value to send`);
      const lba = scratchLba(t, lu, Region.compareAndWrite, 4);
      const n = max + 1;
      await t.expect(caw(t, lu, { lba, blocks: n }, Buffer.alloc(2 * n * lu.blockSize)), pass(invalidField()));
    },
  },
  {
    n: 5, title: 'COMPARE AND WRITE at the LBA after the last one gets LOGICAL BLOCK ADDRESS OUT OF RANGE', level: 'MUST', ref: ref(), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'A range beyond the capacity ends COMPARE AND WRITE with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.',
    async run(t) {
      const { lu } = await cawLu(t);
      await t.expect(caw(t, lu, { lba: lu.blocks, blocks: 1 }, Buffer.alloc(2 * lu.blockSize)), pass(lbaOutOfRange()));
    },
  },
  {
    n: 6, title: 'COMPARE AND WRITE that runs one block past the last LBA gets LOGICAL BLOCK ADDRESS OUT OF RANGE', level: 'MUST', ref: ref(), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'A range that starts on the last LBA and covers two blocks ends with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.',
    async run(t) {
      const { lu, max } = await cawLu(t);
      if (max !== 0 && max < 2) t.skip('MAXIMUM COMPARE AND WRITE LENGTH is 1');
      await t.expect(caw(t, lu, { lba: lu.lastLba, blocks: 2 }, Buffer.alloc(4 * lu.blockSize)), pass(lbaOutOfRange()));
    },
  },
  {
    n: 7, title: 'COMPARE AND WRITE with NUMBER OF LOGICAL BLOCKS 0 is not an error', level: 'MUST', ref: ref(), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'NUMBER OF LOGICAL BLOCKS 0 means nothing is compared or written; it is not an error.',
    async run(t) {
      const { lu } = await cawLu(t);
      const lba = scratchLba(t, lu, Region.compareAndWrite, 7);
      await t.expect(caw(t, lu, { lba, blocks: 0 }, Buffer.alloc(0)), pass(good()));
    },
  },
  {
    n: 8, title: 'COMPARE AND WRITE with WRPROTECT 1..7 on an LU without protection information gets INVALID FIELD IN CDB', level: 'MUST', ref: ref(), tags: tags('protection'), requires: ['dataloss'],
    requirement: 'With PROT_EN=0, a non-zero WRPROTECT ends COMPARE AND WRITE with ILLEGAL REQUEST, INVALID FIELD IN CDB.',
    async run(t) {
      const { lu } = await cawLu(t);
      if ((await rc16(t, lu.c)).protEn) t.skip('the LU is formatted with protection information (PROT_EN=1)');
      const { lba, old, neu } = await prepared(t, lu, 8);
      for (let p = 1; p <= 7; p++) await t.expect(caw(t, lu, { lba, blocks: 1, wrprotect: p }, Buffer.concat([old, neu])), pass(invalidField()));
    },
  },
  {
    n: 9, title: 'COMPARE AND WRITE with DPO and FUA follows the DPOFUA bit of the mode parameter header', level: 'MUST', ref: ref('dpofua'), tags: tags('dpofua'), requires: ['dataloss'],
    requirement: 'With DPOFUA=1 in the mode parameter header the device server accepts DPO and FUA in COMPARE AND WRITE; with DPOFUA=0 it ends the command with ILLEGAL REQUEST, INVALID FIELD IN CDB.',
    async run(t) {
      const { lu } = await cawLu(t);
      const supported = await dpoFua(t, lu.c);
      const { lba, old, neu } = await prepared(t, lu, 9);
      await t.expect(caw(t, lu, { lba, blocks: 1, dpo: true, fua: true }, Buffer.concat([old, neu])), pass(supported ? good() : invalidField()));
    },
  },
  {
    n: 10, title: 'COMPARE AND WRITE with only the verify half of the Data-Out gets ILLEGAL REQUEST', level: 'MUST', ref: ref('invalid_dataout_size'), tags: tags(), requires: ['dataloss'],
    requirement: 'The Data-Out is twice NUMBER OF LOGICAL BLOCKS blocks (verify then write data); a transfer of any other size ends the command with CHECK CONDITION, ILLEGAL REQUEST.',
    async run(t) {
      const { lu } = await cawLu(t);
      const { lba, old } = await prepared(t, lu, 10);
      await t.expect(caw(t, lu, { lba, blocks: 1 }, old), pass(illegalRequest()));
      await expectContents(t, lu, lba, old, 'the block unchanged');
    },
  },
  {
    n: 11, title: 'COMPARE AND WRITE with a reserved bit set is rejected with INVALID FIELD IN CDB', level: 'SHOULD', ref: 'sbc3 COMPARE AND WRITE; spc4 reserved fields', tags: tags('reserved'), requires: ['dataloss'],
    requirement: 'A reserved CDB bit set to one may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB; completing the command anyway is tolerated (fails under --strict).',
    async run(t) {
      const { lu } = await cawLu(t);
      const { lba, old, neu } = await prepared(t, lu, 11);
      const cdb = withBits(CompareAndWrite.encode({ lba, numberOfBlocks: 1 }), 10, 0x01);
      await t.expect(caw(t, lu, { lba, blocks: 1 }, Buffer.concat([old, neu]), cdb), pass(invalidField()), nonStrict(good()));
    },
  },
];

export default defineSection('sbc/compare-and-write', 'COMPARE AND WRITE', cases);
