// WRITE SAME (10) and (16) as one family: one block over a range, the UNMAP bit, NUMBER OF LOGICAL
// BLOCKS 0, MAXIMUM WRITE SAME LENGTH, ANCHOR, WRPROTECT, Data-Out size, reserved bits. Destructive.
import type { CaseApi } from '../../harness/runner/case-api.js';
import type { CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, type CaseEvent } from '../../harness/runner/outcomes.js';
import { WriteSame10, WriteSame16 } from '../../harness/scsi/commands/sbc-other.js';
import { scsi } from '../support.js';
import {
  blockLimits, blockPattern, expectContents, good, illegalRequest, invalidField, lbaOutOfRange, needProvisioning, openLu, pattern,
  provisioning, rc16, Region, scratchLba, withBits, writeAt, type Lu,
} from '../support-sbc.js';

/** What a row may set in the CDB. */
export interface WsArgs { lba: bigint; blocks: number; unmap?: boolean; anchor?: boolean; wrprotect?: number; ndob?: boolean }

/** One of the two commands. */
export interface WsSpec { id: string; name: string; lbaBits: 32 | 64; maxBlocks: number; region: number; lbpBit: 'lbpws10' | 'lbpws'; reserved: { byte: number; mask: number }; encode(a: WsArgs): Buffer }

export const Ws10: WsSpec = {
  id: 'writesame10', name: 'WRITE SAME(10)', lbaBits: 32, maxBlocks: 0xffff, region: Region.writeSame10, lbpBit: 'lbpws10', reserved: { byte: 1, mask: 0x01 },
  encode: a => WriteSame10.encode({ lba: Number(a.lba & 0xffffffffn), numberOfBlocks: a.blocks, unmap: a.unmap ?? false, anchor: a.anchor ?? false, wrprotect: a.wrprotect ?? 0 }),
};
export const Ws16: WsSpec = {
  id: 'writesame16', name: 'WRITE SAME(16)', lbaBits: 64, maxBlocks: 0xffffffff, region: Region.writeSame16, lbpBit: 'lbpws', reserved: { byte: 14, mask: 0x40 },
  encode: a => WriteSame16.encode({ lba: a.lba, numberOfBlocks: a.blocks, unmap: a.unmap ?? false, anchor: a.anchor ?? false, wrprotect: a.wrprotect ?? 0, ndob: a.ndob ?? false }),
};

/** Sends WRITE SAME with one block of Data-Out (none with NDOB). */
const send = (t: CaseApi, lu: Lu, s: WsSpec, a: WsArgs, block?: Buffer, cdb = s.encode(a)): Promise<CaseEvent> =>
  scsi(t, lu.c, cdb, a.ndob ? {} : { write: block ?? blockPattern(a.lba, lu.blockSize) });

const fits = (t: CaseApi, s: WsSpec, lba: bigint): void => { if (lba >= 1n << BigInt(s.lbaBits)) t.skip(`the LU is larger than ${s.name} can address`); };

type Row = Omit<CaseDef, 'n'>;
const base = (s: WsSpec, title: string, level: Row['level'], requirement: string, libiscsi: string, run: Row['run'], tag = 'write-same'): Row => ({
  title: `${s.name} ${title}`, level, requirement, ref: `sbc3 ${s.name}${libiscsi ? `; libiscsi test_${s.id}_${libiscsi}` : ''}`,
  tags: ['scsi', tag], requires: ['dataloss'], run,
});

/** The rows a command file can ask for. */
export const wsRows = {
  simple: (s: WsSpec) => base(s, 'writes its one block to every LBA of the range', 'MUST',
    'WRITE SAME writes the single block of Data-Out to each LBA of the range; every block then reads back as that block.', 'simple', async t => {
      const lu = await openLu(t);
      const lba = scratchLba(t, lu, s.region, 1);
      const block = pattern(lu.blockSize, t.seed + 801);
      await t.expect(send(t, lu, s, { lba, blocks: 8 }, block), pass(good()));
      await expectContents(t, lu, lba, Buffer.concat(Array.from({ length: 8 }, () => block)), 'the same block eight times');
    }),
  pastEnd: (s: WsSpec) => base(s, 'at the LBA after the last one gets LOGICAL BLOCK ADDRESS OUT OF RANGE', 'MUST',
    'A WRITE SAME range beyond the capacity ends with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.', 'beyond_eol', async t => {
      const lu = await openLu(t);
      fits(t, s, lu.blocks);
      await t.expect(send(t, lu, s, { lba: lu.blocks, blocks: 1 }), pass(lbaOutOfRange()));
    }),
  straddle: (s: WsSpec) => base(s, 'that runs one block past the last LBA gets LOGICAL BLOCK ADDRESS OUT OF RANGE', 'MUST',
    'A WRITE SAME range that starts inside the LU and ends beyond it ends with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.', 'beyond_eol', async t => {
      const lu = await openLu(t);
      fits(t, s, lu.lastLba);
      await t.expect(send(t, lu, s, { lba: lu.lastLba, blocks: 2 }), pass(lbaOutOfRange()));
    }),
  wrap: (s: WsSpec) => base(s, 'at the highest LBA the CDB can hold gets LOGICAL BLOCK ADDRESS OUT OF RANGE', 'MUST',
    'An LBA + NUMBER OF LOGICAL BLOCKS that overflows the LBA field is out of range: ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.', 'beyond_eol', async t => {
      const lu = await openLu(t);
      const max = (1n << BigInt(s.lbaBits)) - 1n;
      if (lu.lastLba >= max) t.skip('the LU reaches the highest LBA the CDB can hold');
      await t.expect(send(t, lu, s, { lba: max, blocks: 2 }), pass(lbaOutOfRange()));
    }),
  zeroPastEnd: (s: WsSpec) => base(s, 'with NUMBER OF LOGICAL BLOCKS 0 one block past the end gets LOGICAL BLOCK ADDRESS OUT OF RANGE', 'MUST',
    'NUMBER OF LOGICAL BLOCKS 0 does not exempt the LBA from the range check: an LBA past the last one ends with LOGICAL BLOCK ADDRESS OUT OF RANGE.', '0blocks', async t => {
      const lu = await openLu(t);
      fits(t, s, lu.blocks + 1n);
      await t.expect(send(t, lu, s, { lba: lu.blocks + 1n, blocks: 0 }), pass(lbaOutOfRange()));
    }),
  zeroToEnd: (s: WsSpec) => base(s, 'with NUMBER OF LOGICAL BLOCKS 0 writes from the LBA to the last block (WSNZ=0) or is refused (WSNZ=1)', 'MUST',
    'With WSNZ=0 in the Block Limits page, NUMBER OF LOGICAL BLOCKS 0 means every block from the LBA to the end of the LU; with WSNZ=1 it ends with ILLEGAL REQUEST, INVALID FIELD IN CDB.', '0blocks', async t => {
      const lu = await openLu(t);
      const bl = await blockLimits(t, lu.c);
      if (!bl) return t.skip('the LU has no Block Limits VPD page, so WSNZ is unknown');
      fits(t, s, lu.lastLba);
      // Only the last block is in the range: every case writes it with the same per-LBA bytes.
      const block = blockPattern(lu.lastLba, lu.blockSize);
      await t.expect(send(t, lu, s, { lba: lu.lastLba, blocks: 0 }, block), pass(bl.wsnz ? invalidField() : good()));
      if (!bl.wsnz) await expectContents(t, lu, lu.lastLba, block, 'the block sent');
    }),
  zeroOverLimit: (s: WsSpec) => base(s, 'with NUMBER OF LOGICAL BLOCKS 0 over more blocks than MAXIMUM WRITE SAME LENGTH gets INVALID FIELD IN CDB', 'MUST',
    'When NUMBER OF LOGICAL BLOCKS 0 stands for more blocks than a non-zero MAXIMUM WRITE SAME LENGTH allows (or WSNZ=1), the command ends with ILLEGAL REQUEST, INVALID FIELD IN CDB.', '0blocks', async t => {
      const lu = await openLu(t);
      const bl = await blockLimits(t, lu.c);
      if (!bl) return t.skip('the LU has no Block Limits VPD page');
      const max = bl.maximumWriteSameLength;
      if (!bl.wsnz && (max === 0n || lu.blocks <= max)) t.skip('the whole LU fits in one WRITE SAME (no MAXIMUM WRITE SAME LENGTH below the capacity)');
      await t.expect(send(t, lu, s, { lba: 0n, blocks: 0 }), pass(invalidField()));
    }),
  overLimit: (s: WsSpec) => base(s, 'over MAXIMUM WRITE SAME LENGTH + 1 blocks gets INVALID FIELD IN CDB', 'MUST',
    'A NUMBER OF LOGICAL BLOCKS greater than a non-zero MAXIMUM WRITE SAME LENGTH ends with ILLEGAL REQUEST, INVALID FIELD IN CDB.', '0blocks', async t => {
      const lu = await openLu(t);
      const bl = await blockLimits(t, lu.c);
      const max = bl?.maximumWriteSameLength ?? 0n;
      if (max === 0n) t.skip('no MAXIMUM WRITE SAME LENGTH is reported');
      if (max + 1n > BigInt(s.maxBlocks)) t.skip(`MAXIMUM WRITE SAME LENGTH + 1 does not fit in the ${s.name} NUMBER OF LOGICAL BLOCKS field`);
      if (max + 1n + 8192n > lu.blocks) t.skip('the LU is too small to place the range clear of other cases\' blocks');
      await t.expect(send(t, lu, s, { lba: lu.blocks - max - 1n, blocks: Number(max + 1n) }), pass(invalidField()));
    }),
  unmap: (s: WsSpec) => base(s, 'with UNMAP=1 and a zero block deallocates the range, which then reads as zeros when LBPRZ=1', 'MUST',
    `When the LU supports it (LBPME=1 and ${s.lbpBit.toUpperCase()}=1), WRITE SAME with UNMAP=1 completes with GOOD; with LBPRZ=1 the range reads back as zeros.`, 'unmap', async t => {
      const lu = await openLu(t);
      const { cap } = await needProvisioning(t, lu.c, s.lbpBit);
      const lba = scratchLba(t, lu, s.region, 2);
      await writeAt(t, lu, lba, pattern(8 * lu.blockSize, t.seed + 802)); // setup: mapped, non-zero blocks
      await t.expect(send(t, lu, s, { lba, blocks: 8, unmap: true }, Buffer.alloc(lu.blockSize)), pass(good()));
      if (cap.lbprz) await expectContents(t, lu, lba, Buffer.alloc(8 * lu.blockSize), 'zeros (LBPRZ=1)');
    }, 'provisioning'),
  unmapUnsupported: (s: WsSpec) => base(s, `with UNMAP=1 when ${s.lbpBit.toUpperCase()}=0 gets INVALID FIELD IN CDB`, 'MUST',
    `A LU whose Logical Block Provisioning page has ${s.lbpBit.toUpperCase()}=0 (or that has no such page) rejects UNMAP=1 with ILLEGAL REQUEST, INVALID FIELD IN CDB.`, 'unmap_vpd', async t => {
      const lu = await openLu(t);
      const cap = await rc16(t, lu.c);
      const lbp = await provisioning(t, lu.c);
      if (cap.lbpme && lbp?.[s.lbpBit]) t.skip(`the LU reports ${s.lbpBit.toUpperCase()}=1`);
      const lba = scratchLba(t, lu, s.region, 3);
      await t.expect(send(t, lu, s, { lba, blocks: 1, unmap: true }, Buffer.alloc(lu.blockSize)), pass(invalidField()));
    }, 'provisioning'),
  anchor: (s: WsSpec) => base(s, 'with ANCHOR=1 when ANC_SUP=0 gets INVALID FIELD IN CDB', 'MUST',
    'If the Logical Block Provisioning page reports ANC_SUP=0, ANCHOR=1 ends WRITE SAME with ILLEGAL REQUEST, INVALID FIELD IN CDB.', 'unmap', async t => {
      const lu = await openLu(t);
      const lbp = await provisioning(t, lu.c);
      if (lbp?.ancSup) t.skip('the LU supports anchored blocks (ANC_SUP=1)');
      const lba = scratchLba(t, lu, s.region, 4);
      await t.expect(send(t, lu, s, { lba, blocks: 1, anchor: true, unmap: true }, Buffer.alloc(lu.blockSize)), pass(invalidField()));
    }, 'provisioning'),
  wrprotect: (s: WsSpec) => base(s, 'with WRPROTECT 1..7 on an LU without protection information gets INVALID FIELD IN CDB', 'MUST',
    'With PROT_EN=0, a non-zero WRPROTECT ends WRITE SAME with ILLEGAL REQUEST, INVALID FIELD IN CDB.', 'wrprotect', async t => {
      const lu = await openLu(t);
      if ((await rc16(t, lu.c)).protEn) t.skip('the LU is formatted with protection information (PROT_EN=1)');
      const lba = scratchLba(t, lu, s.region, 5);
      for (let p = 1; p <= 7; p++) await t.expect(send(t, lu, s, { lba, blocks: 1, wrprotect: p }), pass(invalidField()));
    }, 'protection'),
  // Half a block, as in libiscsi's "too small" step: the "too large" step (EDTL of two blocks) is answered
  // correctly with U and residual EDTL - SPDTL, which check/residual (counting bytes sent) flags today.
  dataOutSize: (s: WsSpec) => base(s, 'with half a block of Data-Out instead of one block gets ILLEGAL REQUEST', 'MUST',
    'WRITE SAME carries exactly one logical block of Data-Out; any other amount ends the command with CHECK CONDITION, ILLEGAL REQUEST.', 'invalid_dataout_size', async t => {
      const lu = await openLu(t);
      const lba = scratchLba(t, lu, s.region, 6);
      await t.expect(send(t, lu, s, { lba, blocks: 1 }, pattern(lu.blockSize / 2, 3)), pass(illegalRequest()));
    }),
  reserved: (s: WsSpec) => base(s, `with a reserved bit set (byte ${s.reserved.byte}, mask 0x${s.reserved.mask.toString(16)}) is rejected with INVALID FIELD IN CDB`, 'SHOULD',
    'A reserved CDB bit set to one may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB; completing the command anyway is tolerated (fails under --strict).', '', async t => {
      const lu = await openLu(t);
      const a = { lba: scratchLba(t, lu, s.region, 7), blocks: 1 };
      await t.expect(send(t, lu, s, a, undefined, withBits(s.encode(a), s.reserved.byte, s.reserved.mask)), pass(invalidField()), nonStrict(good()));
    }, 'reserved'),
  ndob: (s: WsSpec) => base(s, 'with NDOB=1 and no Data-Out writes zeros, or is refused as an unknown bit', 'MAY',
    'SBC-4 lets WRITE SAME(16) with NDOB=1 carry no Data-Out and act as if a block of zeros had been sent; an SBC-3 device server rejects the bit with INVALID FIELD IN CDB.', '', async t => {
      const lu = await openLu(t);
      const lba = scratchLba(t, lu, s.region, 8);
      await writeAt(t, lu, lba, pattern(4 * lu.blockSize, t.seed + 803));
      const e = await t.expect(send(t, lu, s, { lba, blocks: 4, ndob: true }), pass(good()), pass(invalidField()));
      if (e.kind === 'scsi' && e.status === 0) await expectContents(t, lu, lba, Buffer.alloc(4 * lu.blockSize), 'zeros (NDOB=1)');
    }),
} as const;

/** Builds the chosen rows with their explicit numbers. */
export function wsCases(s: WsSpec, numbers: Partial<Record<keyof typeof wsRows, number>>): CaseDef[] {
  return Object.entries(numbers).map(([row, n]) => ({ n: n!, ...wsRows[row as keyof typeof wsRows](s) }));
}
