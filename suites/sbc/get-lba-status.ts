// SBC-3 GET LBA STATUS: descriptor layout, range check, mapped after a write, deallocated after UNMAP.
import type { CaseApi } from '../../harness/runner/case-api.js';
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, type CaseEvent } from '../../harness/runner/outcomes.js';
import { GetLbaStatus } from '../../harness/scsi/commands/sbc-other.js';
import { LbaStatusData } from '../../harness/scsi/data/unmap.js';
import { scsi } from '../support.js';
import { good, invalidField, lbaOutOfRange, mustBeGood, needProvisioning, openLu, pattern, Region, scratchLba, withBits, writeAt, type Lu } from '../support-sbc.js';
import { unmap, unmapList } from './unmap.js';

const status = (t: CaseApi, lu: Lu, lba: bigint, alloc = 24, cdb = GetLbaStatus.encode({ lba, allocationLength: alloc })): Promise<CaseEvent> =>
  scsi(t, lu.c, cdb, { read: alloc });

/** GET LBA STATUS belongs to logical block provisioning: skip unless LBPME=1 (libiscsi does the same). */
async function glsLu(t: CaseApi) {
  const lu = await openLu(t);
  await needProvisioning(t, lu.c);
  return lu;
}

/** The first descriptor of a GOOD answer; fails the case when there is none or it does not start at `lba`. */
async function firstDescriptor(t: CaseApi, lu: Lu, lba: bigint) {
  const d = LbaStatusData.decode(mustBeGood(t, await status(t, lu, lba), `GET LBA STATUS at LBA ${lba}`).data).value;
  const first = d.items[0];
  if (!first) return t.fail('at least one LBA status descriptor', `PARAMETER DATA LENGTH ${d.parameterDataLength}, no descriptor`);
  t.check(first.lba === lba && first.numberOfBlocks > 0, `the first descriptor starts at the requested LBA ${lba} and covers at least one block`, `LBA ${first.lba}, ${first.numberOfBlocks} blocks`);
  return first;
}

const ref = (libiscsi?: string) => `sbc3 GET LBA STATUS${libiscsi ? `; libiscsi test_get_lba_status_${libiscsi}` : ''}`;
const tags = (...more: string[]) => ['scsi', 'get-lba-status', 'provisioning', ...more];
const R = Region.getLbaStatus;

const cases: CaseDef[] = [
  {
    n: 1, title: 'GET LBA STATUS at LBA 0 returns a descriptor that starts at LBA 0', level: 'MUST', ref: ref('simple'), tags: tags(),
    requirement: 'The parameter data holds LBA status descriptors; the first one describes the requested starting LBA.',
    async run(t) {
      const lu = await glsLu(t);
      await firstDescriptor(t, lu, 0n);
    },
  },
  {
    n: 2, title: 'GET LBA STATUS at the last LBA describes exactly that block', level: 'MUST', ref: ref('simple'), tags: tags('boundary'),
    requirement: 'At the last LBA the first descriptor starts there and cannot cover more than the one remaining block.',
    async run(t) {
      const lu = await glsLu(t);
      const d = await firstDescriptor(t, lu, lu.lastLba);
      t.check(d.numberOfBlocks === 1, 'a descriptor of one block', `${d.numberOfBlocks} blocks`);
    },
  },
  {
    n: 3, title: 'GET LBA STATUS past the last LBA gets LOGICAL BLOCK ADDRESS OUT OF RANGE', level: 'MUST', ref: ref('beyond_eol'), tags: tags('boundary'),
    requirement: 'A STARTING LOGICAL BLOCK ADDRESS beyond the last LBA ends the command with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.',
    async run(t) {
      const lu = await glsLu(t);
      await t.expect(status(t, lu, lu.blocks), pass(lbaOutOfRange()));
    },
  },
  {
    n: 4, title: 'GET LBA STATUS at LBA 2^64-1 gets LOGICAL BLOCK ADDRESS OUT OF RANGE', level: 'MUST', ref: ref('beyond_eol'), tags: tags('boundary'),
    requirement: 'The highest possible STARTING LOGICAL BLOCK ADDRESS is beyond any real LU: ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.',
    async run(t) {
      const lu = await glsLu(t);
      await t.expect(status(t, lu, 0xffffffffffffffffn), pass(lbaOutOfRange()));
    },
  },
  {
    n: 5, title: 'a block just written is reported as mapped', level: 'MUST', ref: ref('unmap_single'), tags: tags(), requires: ['dataloss'],
    requirement: 'After a WRITE the block is mapped: its descriptor has PROVISIONING STATUS 0 (mapped).',
    async run(t) {
      const lu = await glsLu(t);
      const lba = scratchLba(t, lu, R, 1);
      await writeAt(t, lu, lba, pattern(2 * lu.blockSize, t.seed + 1001));
      const d = await firstDescriptor(t, lu, lba);
      t.check(d.provisioningStatus === 0, 'PROVISIONING STATUS 0 (mapped)', `PROVISIONING STATUS ${d.provisioningStatus}`);
    },
  },
  {
    n: 6, title: 'a block just unmapped is reported as deallocated or anchored', level: 'MUST', ref: ref('unmap_single'), tags: tags(), requires: ['dataloss'],
    requirement: 'After a successful UNMAP of a block its descriptor no longer says mapped: PROVISIONING STATUS 1 (deallocated) or 2 (anchored).',
    async run(t) {
      const lu = await glsLu(t);
      await needProvisioning(t, lu.c, 'lbpu'); // the blocks are deallocated with UNMAP
      const lba = scratchLba(t, lu, R, 2);
      await writeAt(t, lu, lba, pattern(4 * lu.blockSize, t.seed + 1002));
      mustBeGood(t, await unmap(t, lu, unmapList([[lba, 4]])), `UNMAP of LBA ${lba}..${lba + 3n}`);
      const d = await firstDescriptor(t, lu, lba);
      t.check(d.provisioningStatus === 1 || d.provisioningStatus === 2, 'PROVISIONING STATUS 1 (deallocated) or 2 (anchored)', `PROVISIONING STATUS ${d.provisioningStatus}`);
    },
  },
  {
    n: 7, title: 'GET LBA STATUS with ALLOCATION LENGTH 24 returns at most one descriptor', level: 'MUST', ref: ref('simple'), tags: tags('boundary'),
    requirement: 'The device server returns no more than ALLOCATION LENGTH bytes; the header plus one descriptor fit in 24 bytes.',
    async run(t) {
      const lu = await glsLu(t);
      await t.expect(status(t, lu, 0n, 24), pass(good(e => e.data.length <= 24, ' with at most 24 bytes')));
    },
  },
  {
    n: 8, title: 'GET LBA STATUS with a reserved bit set is rejected with INVALID FIELD IN CDB', level: 'SHOULD', ref: 'sbc3 GET LBA STATUS; spc4 reserved fields', tags: tags('reserved'),
    requirement: 'A reserved CDB bit set to one may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB; completing the command anyway is tolerated (fails under --strict).',
    async run(t) {
      const lu = await glsLu(t);
      await t.expect(status(t, lu, 0n, 24, withBits(GetLbaStatus.encode({ lba: 0n, allocationLength: 24 }), 14, 0x40)), pass(invalidField()), nonStrict(good()));
    },
  },
];

export default defineSection('sbc/get-lba-status', 'GET LBA STATUS', cases);
