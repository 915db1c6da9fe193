// Mode `cdb`: every declared SCSI command (harness/scsi) as valid, boundary (LBA/length extremes), near-valid
// (one field broken: reserved bits, bad values) or any CDB, with matching Data-Out; each must get a SCSI status.
import fc from 'fast-check';
import '../../scsi/commands/index.js';
import { registeredCdbs, type Cdb } from '../../scsi/cdb.js';
import type { Step } from '../../script/schema.js';
import { inSession, type FuzzMode } from './mode.js';

/** Largest data phase a fuzzed command gets (bounds memory and time; a bigger CDB length is sent as is). */
export const MAX_FUZZ_TRANSFER = 512 * 1024;

/** Data-Out bytes are a fixed pattern: deterministic, and visible in a pcap. */
const pattern = (n: number): string => Buffer.alloc(n, 0xa5).toString('hex');

/** A `scsi` step for one CDB of `decl` in a generator mode. */
export function cdbStep(decl: Cdb, mode: 'valid' | 'edge' | 'near-valid' | 'any'): fc.Arbitrary<Step> {
  const value = mode === 'near-valid' ? decl.nearValid().map(x => x.value) : decl.arbitrary(mode);
  return value.map(v => {
    const len = Math.min(decl.transferLength(v, 512), MAX_FUZZ_TRANSFER);
    const cdb = decl.encode(v).toString('hex');
    if (decl.direction === 'write' && len > 0) return { op: 'scsi' as const, cdb, dataOut: pattern(len) };
    return { op: 'scsi' as const, cdb, ...(len > 0 ? { readLength: len } : {}) };
  });
}

/** A step for any declared command in any mode. */
export function arbitraryCdbStep(): fc.Arbitrary<Step> {
  const decls = registeredCdbs().sort((a, b) => a.opcode - b.opcode || (a.serviceAction ?? -1) - (b.serviceAction ?? -1));
  const modes = ['valid', 'edge', 'near-valid', 'any'] as const;
  // The ITT is a field like any other: half the commands carry a drawn one instead of the session's next.
  return fc.tuple(fc.nat({ max: decls.length - 1 }), fc.nat({ max: modes.length - 1 }), fc.option(fc.integer({ min: 0, max: 0xfffffffe }))).chain(([i, m, itt]) =>
    cdbStep(decls[i]!, modes[m]!).map(s => (itt === null ? s : { ...s, itt })));
}

/** The mode. */
export const cdbMode: FuzzMode = {
  name: 'cdb',
  describe: 'SCSI commands from every CDB declaration (SPC/SBC: INQUIRY, MODE SENSE/SELECT, READ/WRITE 6/10/12/16, reservations, ...) as valid, boundary (LBA and length extremes), near-valid (one field broken, reserved bits set) or any values, with matching Data-Out; every command must get a SCSI status.',
  arbitrary: ctx => fc.array(arbitraryCdbStep(), { minLength: 1, maxLength: ctx.maxBody }).map(inSession),
};
