// PRE-FETCH (10) and (16) as one family (SBC-4): in-range requests, IMMED, bounds, reserved bits.
// GOOD and CONDITION MET are both success: CONDITION MET says every block now sits in the cache,
// GOOD that not all of them fit (a target without a cache answers GOOD). PRE-FETCH is optional,
// so INVALID COMMAND OPERATION CODE skips the case.
import type { CaseApi } from '../../harness/runner/case-api.js';
import type { CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, type CaseEvent } from '../../harness/runner/outcomes.js';
import { PreFetch10, PreFetch16 } from '../../harness/scsi/commands/sbc-media.js';
import { scsi } from '../support.js';
import { unsupported } from '../support-spc.js';
import { conditionMet, good, invalidField, lbaOutOfRange, openLu, withBits, type Lu } from '../support-sbc.js';

type Args = { lba: bigint; blocks: number; immed?: boolean; group?: number };
/** One of the two commands. */
export interface PfSpec { id: string; name: string; lbaBits: 32 | 64; encode(a: Args): Buffer }

export const Pf10: PfSpec = {
  id: 'prefetch10', name: 'PRE-FETCH(10)', lbaBits: 32,
  encode: a => PreFetch10.encode({ lba: Number(a.lba & 0xffffffffn), prefetchLength: a.blocks, immed: a.immed ?? false, groupNumber: a.group ?? 0 }),
};
export const Pf16: PfSpec = {
  id: 'prefetch16', name: 'PRE-FETCH(16)', lbaBits: 64,
  encode: a => PreFetch16.encode({ lba: a.lba, prefetchLength: a.blocks, immed: a.immed ?? false, groupNumber: a.group ?? 0 }),
};

/** Sends the command; a target that does not implement PRE-FETCH makes the case not applicable. */
async function send(t: CaseApi, lu: Lu, s: PfSpec, a: Args, cdb = s.encode(a)): Promise<CaseEvent> {
  const e = await scsi(t, lu.c, cdb);
  if (unsupported(e)) t.skip(`${s.name} is not supported (INVALID COMMAND OPERATION CODE)`);
  return e;
}
const fits = (t: CaseApi, s: PfSpec, lba: bigint): void => { if (lba >= 1n << BigInt(s.lbaBits)) t.skip(`the LU is larger than ${s.name} can address`); };
const staged = () => [pass(good()), pass(conditionMet())] as const;

type Row = Omit<CaseDef, 'n'>;
const row = (s: PfSpec, title: string, level: Row['level'], requirement: string, libiscsi: string, run: Row['run'], tag?: string): Row => ({
  title: `${s.name} ${title}`, level, requirement, ref: `sbc4 ${s.name}; libiscsi test_${s.id}_${libiscsi}`,
  tags: ['scsi', 'prefetch', ...(tag ? [tag] : [])], run,
});

/** The rows a command file can ask for. */
export const pfRows = {
  start: (s: PfSpec) => row(s, 'of blocks at LBA 0 completes with GOOD or CONDITION MET', 'MUST',
    'PRE-FETCH of a range inside the capacity completes with CONDITION MET when every block fits in the cache and with GOOD when not.', 'simple', async t => {
      const lu = await openLu(t);
      await t.expect(send(t, lu, s, { lba: 0n, blocks: lu.blocks >= 256n ? 256 : 1 }), ...staged());
    }),
  last: (s: PfSpec) => row(s, 'of the last block completes with GOOD or CONDITION MET', 'MUST',
    'The last LBA is inside the capacity: PRE-FETCH of that one block succeeds.', 'simple', async t => {
      const lu = await openLu(t);
      fits(t, s, lu.lastLba);
      await t.expect(send(t, lu, s, { lba: lu.lastLba, blocks: 1 }), ...staged());
    }, 'boundary'),
  whole: (s: PfSpec) => row(s, 'with PREFETCH LENGTH 0 at LBA 0 (to the last block) completes with GOOD or CONDITION MET', 'MUST',
    'PREFETCH LENGTH 0 asks for every block from the LBA to the last one; with LBA 0 that is the whole LU, which need not fit in the cache.', '0blocks', async t => {
      const lu = await openLu(t);
      await t.expect(send(t, lu, s, { lba: 0n, blocks: 0 }), ...staged());
    }),
  immed: (s: PfSpec) => row(s, 'with IMMED=1 and GROUP NUMBER 3 completes with GOOD or CONDITION MET', 'MUST',
    'With IMMED=1 status comes as soon as the CDB is validated (CONDITION MET when the blocks will fit in the cache, GOOD otherwise); a GROUP NUMBER only classifies the command.', 'flags', async t => {
      const lu = await openLu(t);
      await t.expect(send(t, lu, s, { lba: 0n, blocks: 1, immed: true, group: 3 }), ...staged());
    }),
  pastEnd: (s: PfSpec) => row(s, 'at the LBA after the last one gets LOGICAL BLOCK ADDRESS OUT OF RANGE', 'MUST',
    'An LBA beyond the capacity ends PRE-FETCH with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.', 'beyond_eol', async t => {
      const lu = await openLu(t);
      fits(t, s, lu.blocks);
      await t.expect(send(t, lu, s, { lba: lu.blocks, blocks: 1 }), pass(lbaOutOfRange()));
    }, 'boundary'),
  zeroPastEnd: (s: PfSpec) => row(s, 'with PREFETCH LENGTH 0 one block past the end gets LOGICAL BLOCK ADDRESS OUT OF RANGE', 'MUST',
    'PREFETCH LENGTH 0 does not excuse the LBA: one past the capacity is out of range.', '0blocks', async t => {
      const lu = await openLu(t);
      fits(t, s, lu.blocks + 1n);
      await t.expect(send(t, lu, s, { lba: lu.blocks + 1n, blocks: 0 }), pass(lbaOutOfRange()));
    }, 'boundary'),
  straddle: (s: PfSpec) => row(s, 'of a range running past the last LBA gets LOGICAL BLOCK ADDRESS OUT OF RANGE', 'MUST',
    'An LBA plus PREFETCH LENGTH beyond the capacity ends PRE-FETCH with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.', 'beyond_eol', async t => {
      const lu = await openLu(t);
      fits(t, s, lu.lastLba);
      await t.expect(send(t, lu, s, { lba: lu.lastLba, blocks: 2 }), pass(lbaOutOfRange()));
    }, 'boundary'),
  reserved: (s: PfSpec) => row(s, 'with the obsolete byte 1 bit 0 set is rejected with INVALID FIELD IN CDB', 'SHOULD',
    'Byte 1 bit 0 (RELADR once) is reserved; a reserved bit set may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB. Completing the command anyway is tolerated (fails under --strict).', 'flags', async t => {
      const lu = await openLu(t);
      const a = { lba: 0n, blocks: 1 };
      await t.expect(send(t, lu, s, a, withBits(s.encode(a), 1, 0x01)), pass(invalidField()), nonStrict(good()), nonStrict(conditionMet()));
    }, 'reserved'),
} as const;

/** Builds the chosen rows with their explicit numbers. */
export function pfCases(s: PfSpec, numbers: Partial<Record<keyof typeof pfRows, number>>): CaseDef[] {
  return Object.entries(numbers).map(([r, n]) => ({ n: n!, ...pfRows[r as keyof typeof pfRows](s) }));
}
