// Mode `cdb`: every declared SCSI command (harness/scsi) as valid, boundary (LBA/length extremes), near-valid
// (one field broken: reserved bits, bad values) or any CDB, with matching Data-Out; each must get a SCSI status.
import fc from 'fast-check';
import '../../scsi/commands/index.js';
import { registeredCdbs, type Cdb, type CdbValue } from '../../scsi/cdb.js';
import type { Step } from '../../script/schema.js';
import { FUZZ_BLOCK, onMediumValue, reservedBitValue } from './cdb-values.js';
import { inDrawnSession, type FuzzMode } from './mode.js';

/** Largest data phase a fuzzed command gets (bounds memory and time; a bigger CDB length is sent as is). */
export const MAX_FUZZ_TRANSFER = 512 * 1024;

/** Data-Out bytes are a fixed pattern: deterministic, and visible in a pcap. */
const pattern = (n: number): string => Buffer.alloc(n, 0xa5).toString('hex');

/** Generator modes of a CDB: the declaration's own four, plus the two of cdb-values.ts. */
export type CdbGenMode = 'valid' | 'edge' | 'near-valid' | 'any' | 'reserved-bit' | 'on-medium';
export const CDB_GEN_MODES: readonly CdbGenMode[] = ['valid', 'edge', 'near-valid', 'any', 'reserved-bit', 'on-medium'];

/** CDB values of `decl` in a generator mode; a mode the declaration cannot serve (no reserved bit, no LBA) gives valid ones. */
function cdbValues(decl: Cdb, mode: CdbGenMode): fc.Arbitrary<CdbValue> {
  switch (mode) {
    case 'near-valid': return decl.nearValid().map(x => x.value);
    case 'reserved-bit': return reservedBitValue(decl) ?? decl.arbitrary('valid');
    case 'on-medium': return onMediumValue(decl) ?? decl.arbitrary('valid');
    default: return decl.arbitrary(mode);
  }
}

/** A `scsi` step for one CDB of `decl` in a generator mode. */
export function cdbStep(decl: Cdb, mode: CdbGenMode): fc.Arbitrary<Step> {
  return cdbValues(decl, mode).map(v => {
    const len = Math.min(decl.transferLength(v, FUZZ_BLOCK), MAX_FUZZ_TRANSFER);
    const cdb = decl.encode(v).toString('hex');
    if (decl.direction === 'write' && len > 0) return { op: 'scsi' as const, cdb, dataOut: pattern(len) };
    return { op: 'scsi' as const, cdb, ...(len > 0 ? { readLength: len } : {}) };
  });
}

/**
 * The ITT is a field like any other: most commands carry a drawn one instead of the session's next. Drawn without
 * fast-check's bias toward 0 and 2^32-1 (the extremes come from the constants), so every byte of the tag varies:
 * a target that files tasks by some bits of the tag is found by a tag with those bits.
 */
export const arbitraryItt: fc.Arbitrary<number | null> = fc.option(fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xfffffffe) },
  { weight: 4, arbitrary: fc.noBias(fc.integer({ min: 0, max: 0xfffffffe })) },
), { freq: 4 });

/** A step for any declared command in any mode. */
export function arbitraryCdbStep(): fc.Arbitrary<Step> {
  const decls = registeredCdbs().sort((a, b) => a.opcode - b.opcode || (a.serviceAction ?? -1) - (b.serviceAction ?? -1));
  // on-medium counts twice: it alone reaches the data path (multi-burst Data-In, R2T sequences) of the read/write family.
  const mode = fc.constantFrom<CdbGenMode>(...CDB_GEN_MODES, 'on-medium');
  return fc.tuple(fc.nat({ max: decls.length - 1 }), mode, arbitraryItt).chain(([i, m, itt]) =>
    cdbStep(decls[i]!, m).map(s => (itt === null ? s : { ...s, itt })));
}

/** The mode. */
export const cdbMode: FuzzMode = {
  name: 'cdb',
  describe: 'SCSI commands from every CDB declaration (SPC/SBC: INQUIRY, MODE SENSE/SELECT, READ/WRITE 6/10/12/16, reservations, ...) as valid, boundary (LBA and length extremes), near-valid (one field broken), one reserved bit set, on the medium (LBA near 0, lengths on burst limits) or any values, with matching Data-Out; every command must get a SCSI status.',
  // Three times the body of the PDU modes: a command costs one round trip, the session around it several.
  arbitrary: ctx => inDrawnSession(fc.array(arbitraryCdbStep(), { minLength: 1, maxLength: 3 * ctx.maxBody }), { ready: true }),
};
