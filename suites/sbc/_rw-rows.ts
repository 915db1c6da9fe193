// Case families over the READ / WRITE / VERIFY / WRITE AND VERIFY table: each row is one requirement
// (bounds, zero length, wrap, DPO/FUA, protection, reserved bits); a command file picks rows and gives each its n.
import type { CaseApi } from '../../harness/runner/case-api.js';
import type { CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, type CaseEvent } from '../../harness/runner/outcomes.js';
import { scsi } from '../support.js';
import { blockPattern, dpoFua, expectContents, good, goodBytes, invalidField, lbaOutOfRange, openLu, rc16, withBits, type Lu } from '../support-sbc.js';
import { dataOutBlocks, maxFieldLba, type RwArgs, type RwSpec } from './_rw-specs.js';

/** Sends one command of the family; Data-Out defaults to the per-LBA pattern (safe for shared blocks). */
export function send(t: CaseApi, lu: Lu, s: RwSpec, a: RwArgs, cdb: Buffer = s.encode(a), data?: Buffer): Promise<CaseEvent> {
  const out = dataOutBlocks(s, a);
  if (out > 0) {
    const write = data ?? Buffer.concat(Array.from({ length: out }, (_x, i) => blockPattern(a.lba + BigInt(i), lu.blockSize)));
    return scsi(t, lu.c, cdb, { write });
  }
  const blocks = s.kind === 'read' ? (s.lbaBits === 21 && a.len === 0 ? 256 : a.len) : 0;
  return scsi(t, lu.c, cdb, blocks > 0 ? { read: blocks * lu.blockSize } : {});
}

/** Skips when `lba` does not fit the command's LBA field (the LU is too big for the form). */
const fits = (t: CaseApi, s: RwSpec, lba: bigint): void => { if (lba > maxFieldLba(s)) t.skip(`the LU is larger than ${s.name} can address`); };

type Row = Omit<CaseDef, 'n'>;
const destructive = (s: RwSpec) => (s.kind === 'write' || s.kind === 'wav' ? { requires: ['dataloss'] as const } : {});
const verb = (s: RwSpec) => ({ read: 'read', write: 'write', verify: 'verify', wav: 'write and verify' })[s.kind];
const ref = (s: RwSpec, extra = '') => `sbc3 ${s.name}${extra}`;
const lenName = (s: RwSpec) => (s.kind === 'verify' ? 'VERIFICATION LENGTH' : 'TRANSFER LENGTH');

/** One block at `where`: GOOD; a read returns one block, a write reads back as written. */
function oneBlock(s: RwSpec, where: 'first' | 'last'): Row {
  const at = where === 'first' ? 'LBA 0' : 'the last LBA';
  return {
    title: `${s.name} of one block at ${at} succeeds`, level: 'MUST', ref: ref(s), tags: ['scsi', s.kind, 'boundary'], ...destructive(s),
    requirement: `${s.name} with ${lenName(s)} 1 at ${at} addresses a block inside the LU and completes with GOOD${s.kind === 'read' ? ', returning one block' : ''}${s.kind === 'write' || s.kind === 'wav' ? '; the block then reads back as written' : ''}.`,
    async run(t) {
      const lu = await openLu(t);
      const lba = where === 'first' ? 0n : lu.lastLba;
      fits(t, s, lba);
      await t.expect(send(t, lu, s, { lba, len: 1 }), pass(s.kind === 'read' ? goodBytes(lu.blockSize) : good()));
      if (s.kind === 'write' || s.kind === 'wav') await expectContents(t, lu, lba, blockPattern(lba, lu.blockSize), 'the block just written');
    },
  };
}

/** A range that starts past the end, runs past it, or starts at the highest LBA the field holds. */
function outOfRange(s: RwSpec, how: 'past-end' | 'straddle' | 'wrap'): Row {
  const title = {
    'past-end': `${s.name} at the LBA after the last one gets LOGICAL BLOCK ADDRESS OUT OF RANGE`,
    straddle: `${s.name} that runs one block past the last LBA gets LOGICAL BLOCK ADDRESS OUT OF RANGE`,
    wrap: `${s.name} at the highest LBA the CDB can hold, wrapping past it, gets LOGICAL BLOCK ADDRESS OUT OF RANGE`,
  }[how];
  return {
    title, level: 'MUST', ref: ref(s, `; libiscsi test_${s.id.replace('write-and-verify', 'writeverify')}_beyond_eol`), tags: ['scsi', s.kind, 'boundary'], ...destructive(s),
    requirement: `When the LBA plus the ${lenName(s)} exceeds the capacity of the LU (including an LBA + length that overflows the field), ${s.name} ends with CHECK CONDITION, ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE and transfers nothing to the medium.`,
    async run(t) {
      const lu = await openLu(t);
      const lba = how === 'past-end' ? lu.blocks : how === 'straddle' ? lu.lastLba : maxFieldLba(s);
      fits(t, s, how === 'wrap' ? lu.lastLba : lba);
      if (how === 'wrap' && lu.lastLba >= lba) t.skip('the LU reaches the highest LBA the CDB can hold');
      await t.expect(send(t, lu, s, { lba, len: how === 'past-end' ? 1 : 2 }), pass(lbaOutOfRange()));
    },
  };
}

/** TRANSFER LENGTH 0: no data, GOOD at LBA 0; still LBA OUT OF RANGE beyond the end (libiscsi *_0blocks). */
function zeroLength(s: RwSpec, where: 'lba0' | 'past-end' | 'field-max'): Row {
  const at = { lba0: 'LBA 0', 'past-end': 'one block past the end of the LU', 'field-max': 'the highest LBA the CDB can hold' }[where];
  const ok = where === 'lba0';
  return {
    title: ok ? `${s.name} with ${lenName(s)} 0 is not an error` : `${s.name} with ${lenName(s)} 0 at ${at} gets LOGICAL BLOCK ADDRESS OUT OF RANGE`,
    level: 'MUST', ref: ref(s, `; libiscsi test_${s.id.replace('write-and-verify', 'writeverify')}_0blocks`), tags: ['scsi', s.kind, 'boundary'], ...destructive(s),
    requirement: ok
      ? `A ${lenName(s)} of 0 means no logical blocks are transferred; it is not an error and no data moves.`
      : `Even with ${lenName(s)} 0 the LBA is checked: an LBA beyond the capacity ends with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.`,
    async run(t) {
      const lu = await openLu(t);
      const lba = where === 'lba0' ? 0n : where === 'past-end' ? lu.blocks + 1n : maxFieldLba(s);
      fits(t, s, where === 'field-max' ? lu.lastLba + 1n : lba);
      await t.expect(send(t, lu, s, { lba, len: 0 }), pass(ok ? goodBytes(0) : lbaOutOfRange()));
    },
  };
}

/** DPO (and FUA where defined) accepted when MODE SENSE reports DPOFUA=1, else INVALID FIELD IN CDB. */
function dpoFuaRow(s: RwSpec): Row {
  const bits = s.fua ? 'DPO and FUA' : 'DPO';
  return {
    title: `${s.name} with ${bits} set follows the DPOFUA bit of the mode parameter header`, level: 'MUST',
    ref: ref(s, `; libiscsi test_${s.id.replace('write-and-verify', 'writeverify')}_dpo${s.fua ? 'fua' : ''}`), tags: ['scsi', s.kind, 'dpofua'], ...destructive(s),
    requirement: `When the DEVICE-SPECIFIC PARAMETER of the mode parameter header has DPOFUA=1 the device server accepts ${bits} in ${s.name}; with DPOFUA=0 it ends the command with ILLEGAL REQUEST, INVALID FIELD IN CDB.`,
    async run(t) {
      const lu = await openLu(t);
      const supported = await dpoFua(t, lu.c);
      t.note(`MODE SENSE(10) reports DPOFUA=${supported ? 1 : 0}`);
      const lba = s.kind === 'read' || s.kind === 'verify' ? 0n : lu.lastLba;
      fits(t, s, lba);
      await t.expect(send(t, lu, s, { lba, len: 1, dpo: true, fua: s.fua }), pass(supported ? good() : invalidField()));
    },
  };
}

/** Non-zero RD/WR/VRPROTECT on an LU without protection information: INVALID FIELD IN CDB for each value 1..7. */
function protectRow(s: RwSpec): Row {
  const f = s.protect!;
  return {
    title: `${s.name} with ${f} 1..7 on an LU without protection information gets INVALID FIELD IN CDB`, level: 'MUST',
    ref: ref(s, `; libiscsi test_${s.id.replace('write-and-verify', 'writeverify')}_${f.toLowerCase()}`), tags: ['scsi', s.kind, 'protection'], ...destructive(s),
    requirement: `If the LU is not formatted with protection information (PROT_EN=0), a non-zero ${f} ends ${s.name} with CHECK CONDITION, ILLEGAL REQUEST, INVALID FIELD IN CDB.`,
    async run(t) {
      const lu = await openLu(t);
      if ((await rc16(t, lu.c)).protEn) t.skip('the LU is formatted with protection information (PROT_EN=1)');
      for (let p = 1; p <= 7; p++) await t.expect(send(t, lu, s, { lba: 0n, len: 1, protect: p }), pass(invalidField()));
    },
  };
}

/** A reserved bit set: INVALID FIELD IN CDB is the strict answer; GOOD is tolerated (SCSI-NOTES §5). */
function reservedRow(s: RwSpec): Row {
  const r = s.reserved;
  return {
    title: `${s.name} with a reserved bit set (byte ${r.byte}, mask 0x${r.mask.toString(16)}) is rejected with INVALID FIELD IN CDB`, level: 'SHOULD',
    ref: ref(s, '; spc4 reserved fields'), tags: ['scsi', s.kind, 'reserved'], ...destructive(s),
    requirement: 'A reserved CDB bit set to one may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB; a device server that does not check reserved bits completes the command (tolerated, fails under --strict).',
    async run(t) {
      const lu = await openLu(t);
      const a = { lba: 0n, len: 1 };
      await t.expect(send(t, lu, s, a, withBits(s.encode(a), r.byte, r.mask)), pass(invalidField()), nonStrict(good()));
    },
  };
}

/** The rows a command file can ask for. */
export const rows = {
  first: (s: RwSpec) => oneBlock(s, 'first'),
  last: (s: RwSpec) => oneBlock(s, 'last'),
  pastEnd: (s: RwSpec) => outOfRange(s, 'past-end'),
  straddle: (s: RwSpec) => outOfRange(s, 'straddle'),
  wrap: (s: RwSpec) => outOfRange(s, 'wrap'),
  zero: (s: RwSpec) => zeroLength(s, 'lba0'),
  zeroPastEnd: (s: RwSpec) => zeroLength(s, 'past-end'),
  zeroFieldMax: (s: RwSpec) => zeroLength(s, 'field-max'),
  dpoFua: dpoFuaRow,
  protect: protectRow,
  reserved: reservedRow,
} as const;

/** Row name -> explicit case number. */
export type RowNumbers = Partial<Record<keyof typeof rows, number>>;

/** Builds the chosen rows for one command, each with its explicit number. */
export function rwCases(s: RwSpec, numbers: RowNumbers): CaseDef[] {
  return Object.entries(numbers).map(([row, n]) => ({ n: n!, ...rows[row as keyof typeof rows](s) }));
}
