// SYNCHRONIZE CACHE (10) and (16) as one family: whole LU, a range, IMMED, bounds, reserved bits.
import type { CaseApi } from '../../harness/runner/case-api.js';
import type { CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, type CaseEvent } from '../../harness/runner/outcomes.js';
import { SynchronizeCache10, SynchronizeCache16 } from '../../harness/scsi/commands/sbc-other.js';
import { scsi } from '../support.js';
import { good, invalidField, lbaOutOfRange, openLu, withBits, type Lu } from '../support-sbc.js';

type Args = { lba: bigint; blocks: number; immed?: boolean };
/** One of the two commands. */
export interface ScSpec { id: string; name: string; lbaBits: 32 | 64; reserved: { byte: number; mask: number }; encode(a: Args): Buffer }

export const Sc10: ScSpec = {
  id: 'synchronizecache10', name: 'SYNCHRONIZE CACHE(10)', lbaBits: 32, reserved: { byte: 6, mask: 0x40 },
  encode: a => SynchronizeCache10.encode({ lba: Number(a.lba & 0xffffffffn), numberOfBlocks: a.blocks, immed: a.immed ?? false }),
};
export const Sc16: ScSpec = {
  id: 'synchronizecache16', name: 'SYNCHRONIZE CACHE(16)', lbaBits: 64, reserved: { byte: 14, mask: 0x40 },
  encode: a => SynchronizeCache16.encode({ lba: a.lba, numberOfBlocks: a.blocks, immed: a.immed ?? false }),
};

const send = (t: CaseApi, lu: Lu, s: ScSpec, a: Args, cdb = s.encode(a)): Promise<CaseEvent> => scsi(t, lu.c, cdb);
const fits = (t: CaseApi, s: ScSpec, lba: bigint): void => { if (lba >= 1n << BigInt(s.lbaBits)) t.skip(`the LU is larger than ${s.name} can address`); };

type Row = Omit<CaseDef, 'n'>;
const row = (s: ScSpec, title: string, level: Row['level'], requirement: string, run: Row['run'], tag = 'sync-cache'): Row => ({
  title: `${s.name} ${title}`, level, requirement, ref: `sbc3 ${s.name}; libiscsi test_${s.id}_simple`, tags: ['scsi', tag], run,
});

/** The rows a command file can ask for. */
export const scRows = {
  whole: (s: ScSpec) => row(s, 'of the whole LU (LBA 0, NUMBER OF LOGICAL BLOCKS 0) completes with GOOD', 'MUST',
    'NUMBER OF LOGICAL BLOCKS 0 asks for every block from the LBA to the end of the LU to be synchronized; with LBA 0 that is the whole LU.', async t => {
      const lu = await openLu(t);
      await t.expect(send(t, lu, s, { lba: 0n, blocks: 0 }), pass(good()));
    }),
  range: (s: ScSpec) => row(s, 'of a range inside the LU completes with GOOD', 'MUST',
    'Synchronizing a range that lies inside the capacity completes with GOOD.', async t => {
      const lu = await openLu(t);
      await t.expect(send(t, lu, s, { lba: 0n, blocks: lu.blocks >= 16n ? 16 : 1 }), pass(good()));
    }),
  lastToEnd: (s: ScSpec) => row(s, 'from the last LBA to the end (NUMBER OF LOGICAL BLOCKS 0) completes with GOOD', 'MUST',
    'NUMBER OF LOGICAL BLOCKS 0 at the last LBA covers exactly that block; it is in range.', async t => {
      const lu = await openLu(t);
      fits(t, s, lu.lastLba);
      await t.expect(send(t, lu, s, { lba: lu.lastLba, blocks: 0 }), pass(good()));
    }),
  immed: (s: ScSpec) => row(s, 'with IMMED=1 completes with GOOD, or is refused as unsupported with INVALID FIELD IN CDB', 'MUST',
    'With IMMED=1 the device server returns status as soon as the CDB is validated; a device server that does not support IMMED ends the command with ILLEGAL REQUEST, INVALID FIELD IN CDB.', async t => {
      const lu = await openLu(t);
      await t.expect(send(t, lu, s, { lba: 0n, blocks: 0, immed: true }), pass(good()), pass(invalidField()));
    }),
  pastEnd: (s: ScSpec) => row(s, 'at the LBA after the last one gets LOGICAL BLOCK ADDRESS OUT OF RANGE', 'MUST',
    'An LBA beyond the capacity ends SYNCHRONIZE CACHE with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.', async t => {
      const lu = await openLu(t);
      fits(t, s, lu.blocks);
      await t.expect(send(t, lu, s, { lba: lu.blocks, blocks: 1 }), pass(lbaOutOfRange()));
    }, 'boundary'),
  straddle: (s: ScSpec) => row(s, 'of a range running past the last LBA gets LOGICAL BLOCK ADDRESS OUT OF RANGE', 'MUST',
    'An LBA plus NUMBER OF LOGICAL BLOCKS beyond the capacity ends SYNCHRONIZE CACHE with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.', async t => {
      const lu = await openLu(t);
      fits(t, s, lu.lastLba);
      await t.expect(send(t, lu, s, { lba: lu.lastLba, blocks: 2 }), pass(lbaOutOfRange()));
    }, 'boundary'),
  reserved: (s: ScSpec) => row(s, `with a reserved bit set (byte ${s.reserved.byte}, mask 0x${s.reserved.mask.toString(16)}) is rejected with INVALID FIELD IN CDB`, 'SHOULD',
    'A reserved CDB bit set to one may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB; completing the command anyway is tolerated (fails under --strict).', async t => {
      const lu = await openLu(t);
      const a = { lba: 0n, blocks: 1 };
      await t.expect(send(t, lu, s, a, withBits(s.encode(a), s.reserved.byte, s.reserved.mask)), pass(invalidField()), nonStrict(good()));
    }, 'reserved'),
} as const;

/** Builds the chosen rows with their explicit numbers. */
export function scCases(s: ScSpec, numbers: Partial<Record<keyof typeof scRows, number>>): CaseDef[] {
  return Object.entries(numbers).map(([r, n]) => ({ n: n!, ...scRows[r as keyof typeof scRows](s) }));
}
