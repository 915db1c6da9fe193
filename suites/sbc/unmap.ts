// SBC-3 UNMAP: descriptors, empty lists, parameter list length errors, range and VPD B0 limits, ANCHOR. Destructive.
import type { CaseApi } from '../../harness/runner/case-api.js';
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, type CaseEvent } from '../../harness/runner/outcomes.js';
import { Unmap } from '../../harness/scsi/commands/sbc-other.js';
import { scsi } from '../support.js';
import {
  blockLimits, expectContents, good, invalidField, invalidParam, lbaOutOfRange, needProvisioning, openLu, paramLengthError, pattern,
  provisioning, Region, scratchLba, withBits, writeAt, type Lu,
} from '../support-sbc.js';

/** An UNMAP parameter list: 8-byte header (lengths derived) and one 16-byte descriptor per range. */
export function unmapList(ranges: ReadonlyArray<readonly [bigint, number]>): Buffer {
  const b = Buffer.alloc(8 + 16 * ranges.length);
  b.writeUInt16BE(b.length - 2, 0);          // UNMAP DATA LENGTH: bytes after this field
  b.writeUInt16BE(16 * ranges.length, 2);    // UNMAP BLOCK DESCRIPTOR DATA LENGTH
  ranges.forEach(([lba, n], i) => { b.writeBigUInt64BE(lba, 8 + 16 * i); b.writeUInt32BE(n, 16 + 16 * i); });
  return b;
}

/** UNMAP with this parameter list (PARAMETER LIST LENGTH = its size unless given). */
export const unmap = (t: CaseApi, lu: Lu, list: Buffer, o: { anchor?: boolean; length?: number; cdb?: Buffer } = {}): Promise<CaseEvent> =>
  scsi(t, lu.c, o.cdb ?? Unmap.encode({ parameterListLength: o.length ?? list.length, anchor: o.anchor ?? false }), list.length ? { write: list } : {});

/** Logs in and skips unless the LU reports LBPME=1 and LBPU=1 (libiscsi skips UNMAP tests the same way). */
async function unmapLu(t: CaseApi) {
  const lu = await openLu(t);
  const { cap } = await needProvisioning(t, lu.c, 'lbpu');
  return { lu, lbprz: cap.lbprz };
}

const ref = (libiscsi?: string) => `sbc3 UNMAP${libiscsi ? `; libiscsi test_unmap_${libiscsi}` : ''}`;
const tags = (...more: string[]) => ['scsi', 'unmap', 'provisioning', ...more];
const R = Region.unmap;

const cases: CaseDef[] = [
  {
    n: 1, title: 'UNMAP of eight written blocks succeeds and, with LBPRZ=1, they read back as zeros', level: 'MUST', ref: ref('simple'), tags: tags(), requires: ['dataloss'],
    requirement: 'UNMAP deallocates the ranges of its block descriptors and completes with GOOD; when LBPRZ=1 a deallocated block reads as zeros.',
    async run(t) {
      const { lu, lbprz } = await unmapLu(t);
      const lba = scratchLba(t, lu, R, 1);
      await writeAt(t, lu, lba, pattern(8 * lu.blockSize, t.seed + 901));
      await t.expect(unmap(t, lu, unmapList([[lba, 8]])), pass(good()));
      if (lbprz) await expectContents(t, lu, lba, Buffer.alloc(8 * lu.blockSize), 'zeros (LBPRZ=1)');
    },
  },
  {
    n: 2, title: 'UNMAP with two descriptors deallocates both ranges and leaves the block between them', level: 'MUST', ref: ref('simple'), tags: tags(), requires: ['dataloss'],
    requirement: 'Every block descriptor of the list is processed; blocks outside the ranges keep their data.',
    async run(t) {
      const { lu, lbprz } = await unmapLu(t);
      const lba = scratchLba(t, lu, R, 2);
      const data = pattern(5 * lu.blockSize, t.seed + 902);
      await writeAt(t, lu, lba, data);
      await t.expect(unmap(t, lu, unmapList([[lba, 2], [lba + 3n, 2]])), pass(good()));
      const bs = lu.blockSize;
      const want = lbprz ? Buffer.concat([Buffer.alloc(2 * bs), data.subarray(2 * bs, 3 * bs), Buffer.alloc(2 * bs)]) : undefined;
      if (want) await expectContents(t, lu, lba, want, 'zeros, the untouched middle block, zeros');
      else await expectContents(t, lu, lba + 2n, data.subarray(2 * bs, 3 * bs), 'the untouched middle block');
    },
  },
  {
    n: 3, title: 'UNMAP with PARAMETER LIST LENGTH 0 is not an error', level: 'MUST', ref: ref('0blocks'), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'A PARAMETER LIST LENGTH of zero means no data is transferred and nothing is unmapped; it is not an error.',
    async run(t) {
      const { lu } = await unmapLu(t);
      await t.expect(unmap(t, lu, Buffer.alloc(0)), pass(good()));
    },
  },
  {
    n: 4, title: 'UNMAP with a header and no block descriptors is not an error', level: 'MUST', ref: ref('0blocks'), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'A parameter list that holds no block descriptors unmaps nothing and completes with GOOD.',
    async run(t) {
      const { lu } = await unmapLu(t);
      await t.expect(unmap(t, lu, unmapList([])), pass(good()));
    },
  },
  {
    n: 5, title: 'an UNMAP descriptor with 0 blocks changes nothing', level: 'MUST', ref: ref('0blocks'), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'A block descriptor whose NUMBER OF LOGICAL BLOCKS is zero is not an error and deallocates nothing.',
    async run(t) {
      const { lu } = await unmapLu(t);
      const lba = scratchLba(t, lu, R, 5);
      const data = pattern(lu.blockSize, t.seed + 905);
      await writeAt(t, lu, lba, data);
      await t.expect(unmap(t, lu, unmapList([[lba, 0], [lu.blocks, 0]])), pass(good()));
      await expectContents(t, lu, lba, data, 'the block as written');
    },
  },
  {
    n: 6, title: 'an UNMAP descriptor that runs past the last LBA gets LOGICAL BLOCK ADDRESS OUT OF RANGE', level: 'MUST', ref: ref(), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'If a block descriptor names blocks beyond the capacity, UNMAP ends with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.',
    async run(t) {
      const { lu } = await unmapLu(t);
      await t.expect(unmap(t, lu, unmapList([[lu.lastLba, 2]])), pass(lbaOutOfRange()));
    },
  },
  {
    n: 7, title: 'an UNMAP descriptor whose LBA + length wraps past 2^64 gets LOGICAL BLOCK ADDRESS OUT OF RANGE', level: 'MUST', ref: ref(), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'A range whose end overflows the 64-bit LBA is beyond the capacity: ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.',
    async run(t) {
      const { lu } = await unmapLu(t);
      await t.expect(unmap(t, lu, unmapList([[0xffffffffffffffffn, 2]])), pass(lbaOutOfRange()));
    },
  },
  {
    n: 8, title: 'UNMAP with PARAMETER LIST LENGTH shorter than the 8-byte header gets PARAMETER LIST LENGTH ERROR', level: 'MUST', ref: ref(), tags: tags('boundary'), requires: ['dataloss'],
    requirement: 'A PARAMETER LIST LENGTH from 1 to 7 cannot hold the header: ILLEGAL REQUEST, PARAMETER LIST LENGTH ERROR.',
    async run(t) {
      const { lu } = await unmapLu(t);
      await t.expect(unmap(t, lu, unmapList([]).subarray(0, 4)), pass(paramLengthError()));
    },
  },
  {
    n: 9, title: 'UNMAP with more descriptors than MAXIMUM UNMAP BLOCK DESCRIPTOR COUNT gets INVALID FIELD IN PARAMETER LIST', level: 'MUST', ref: ref(), tags: tags('limits'), requires: ['dataloss'],
    requirement: 'More block descriptors than the Block Limits page allows ends UNMAP with ILLEGAL REQUEST, INVALID FIELD IN PARAMETER LIST.',
    async run(t) {
      const { lu } = await unmapLu(t);
      const max = (await blockLimits(t, lu.c))?.maximumUnmapBlockDescriptorCount ?? 0;
      if (max === 0 || max >= 4000) t.skip(`MAXIMUM UNMAP BLOCK DESCRIPTOR COUNT is ${max === 0 ? 'not reported' : `${max} (too many to send)`}`);
      const lba = scratchLba(t, lu, R, 9);
      await t.expect(unmap(t, lu, unmapList(Array.from({ length: max + 1 }, () => [lba, 0] as const))), pass(invalidParam()));
    },
  },
  {
    n: 10, title: 'UNMAP of more blocks than MAXIMUM UNMAP LBA COUNT gets INVALID FIELD IN PARAMETER LIST', level: 'MUST', ref: ref(), tags: tags('limits'), requires: ['dataloss'],
    requirement: 'A list that names more blocks than the Block Limits page\'s MAXIMUM UNMAP LBA COUNT ends UNMAP with ILLEGAL REQUEST, INVALID FIELD IN PARAMETER LIST.',
    async run(t) {
      const { lu } = await unmapLu(t);
      const max = BigInt((await blockLimits(t, lu.c))?.maximumUnmapLbaCount ?? 0);
      if (max === 0n || max === 0xffffffffn) t.skip('no MAXIMUM UNMAP LBA COUNT below "no limit" is reported');
      if (max + 1n + 8192n > lu.blocks) t.skip('the LU is too small to place the range clear of other cases\' blocks');
      await t.expect(unmap(t, lu, unmapList([[lu.blocks - max - 1n, Number(max + 1n)]])), pass(invalidParam()));
    },
  },
  {
    n: 11, title: 'UNMAP with ANCHOR=1 when ANC_SUP=0 gets INVALID FIELD IN CDB', level: 'MUST', ref: ref(), tags: tags(), requires: ['dataloss'],
    requirement: 'If the Logical Block Provisioning page reports ANC_SUP=0, ANCHOR=1 ends UNMAP with ILLEGAL REQUEST, INVALID FIELD IN CDB.',
    async run(t) {
      const { lu } = await unmapLu(t);
      if ((await provisioning(t, lu.c))?.ancSup) t.skip('the LU supports anchored blocks (ANC_SUP=1)');
      const lba = scratchLba(t, lu, R, 11);
      await t.expect(unmap(t, lu, unmapList([[lba, 1]]), { anchor: true }), pass(invalidField()));
    },
  },
  {
    n: 12, title: 'UNMAP with a reserved bit set is rejected with INVALID FIELD IN CDB', level: 'SHOULD', ref: 'sbc3 UNMAP; spc4 reserved fields', tags: tags('reserved'), requires: ['dataloss'],
    requirement: 'A reserved CDB bit set to one may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB; completing the command anyway is tolerated (fails under --strict).',
    async run(t) {
      const { lu } = await unmapLu(t);
      await t.expect(unmap(t, lu, Buffer.alloc(0), { cdb: withBits(Unmap.encode({ parameterListLength: 0 }), 1, 0x02) }), pass(invalidField()), nonStrict(good()));
    },
  },
];

export default defineSection('sbc/unmap', 'UNMAP', cases);
