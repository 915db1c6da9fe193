// SBC-3 READ CAPACITY(16): the LU's last LBA and block length, allocation length, protection and provisioning fields.
import { defineSection } from '../../harness/runner/case.js';
import { nonStrict, pass, scsiStatus } from '../../harness/runner/outcomes.js';
import { ReadCapacity16 } from '../../harness/scsi/commands/sbc-other.js';
import { Inquiry } from '../../harness/scsi/commands/spc.js';
import { scsi } from '../support.js';
import { good, invalidField, mustBeGood, provisioning, rc16, withBits } from '../support-sbc.js';

export default defineSection('sbc/read-capacity16', 'READ CAPACITY(16)', [
  {
    n: 1,
    title: 'READ CAPACITY(16) returns 32 bytes with a non-zero logical block length',
    level: 'MUST',
    requirement: 'READ CAPACITY(16) returns the RETURNED LOGICAL BLOCK ADDRESS (last LBA) and a non-zero LOGICAL BLOCK LENGTH IN BYTES, 32 bytes of parameter data.',
    ref: 'sbc3 READ CAPACITY(16)',
    tags: ['scsi', 'capacity'],
    async run(t) {
      const c = await t.login();
      const e = await scsi(t, c, ReadCapacity16.encode({ allocationLength: 32 }), { read: 32 });
      await t.expect(e, pass(scsiStatus(0, x => x.data.length === 32 && x.data.readUInt32BE(8) > 0, ' with 32 bytes and a non-zero block length')));
    },
  },
  {
    n: 2,
    title: 'READ CAPACITY(16) with ALLOCATION LENGTH 0 returns no data and GOOD',
    level: 'MUST',
    requirement: 'An ALLOCATION LENGTH of zero is not an error: the device server returns no parameter data.',
    ref: 'sbc3 READ CAPACITY(16); spc4 allocation length; libiscsi test_readcapacity16_alloclen',
    tags: ['scsi', 'capacity', 'boundary'],
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, ReadCapacity16.encode({ allocationLength: 0 })), pass(good(x => x.data.length === 0, ' with no data')));
    },
  },
  {
    n: 3,
    title: 'READ CAPACITY(16) with a short ALLOCATION LENGTH returns the first bytes of the full data',
    level: 'MUST',
    requirement: 'A short ALLOCATION LENGTH truncates the parameter data; it is not an error and the bytes returned are the leading bytes of the full 32.',
    ref: 'sbc3 READ CAPACITY(16); spc4 allocation length; libiscsi test_readcapacity16_alloclen',
    tags: ['scsi', 'capacity', 'boundary'],
    async run(t) {
      const c = await t.login();
      const full = mustBeGood(t, await scsi(t, c, ReadCapacity16.encode({ allocationLength: 32 }), { read: 32 }), 'READ CAPACITY(16) with ALLOCATION LENGTH 32').data;
      for (const n of [1, 8, 12, 15]) {
        await t.expect(scsi(t, c, ReadCapacity16.encode({ allocationLength: n }), { read: n }),
          pass(good(x => x.data.length <= n && x.data.equals(full.subarray(0, x.data.length)), ` with at most ${n} bytes, a prefix of the full data`)));
      }
    },
  },
  {
    n: 4,
    title: 'protection fields are zero unless the LU is formatted with protection information',
    level: 'MUST',
    requirement: 'With PROT_EN=0 the P_TYPE and P_I_EXPONENT fields are zero, and PROT_EN is 0 when standard INQUIRY reports PROTECT=0.',
    ref: 'sbc3 READ CAPACITY(16) parameter data; libiscsi test_readcapacity16_protection',
    tags: ['scsi', 'capacity', 'protection'],
    async run(t) {
      const c = await t.login();
      const cap = await rc16(t, c);
      const inq = mustBeGood(t, await scsi(t, c, Inquiry.encode({ allocationLength: 36 }), { read: 36 }), 'INQUIRY').data;
      const protect = inq.length > 5 && (inq[5]! & 0x01) !== 0;
      if (!protect) t.check(!cap.protEn, 'PROT_EN=0 when INQUIRY PROTECT=0', 'PROT_EN=1');
      if (!cap.protEn) t.check(cap.pType === 0 && cap.piExponent === 0, 'P_TYPE=0 and P_I_EXPONENT=0 when PROT_EN=0', `P_TYPE=${cap.pType} P_I_EXPONENT=${cap.piExponent}`);
    },
  },
  {
    n: 5,
    title: 'LBPRZ in READ CAPACITY(16) agrees with the Logical Block Provisioning VPD page',
    level: 'MUST',
    requirement: 'When the LU reports LBPME=1 it has a Logical Block Provisioning VPD page, and the LBPRZ bit there has the same value as LBPRZ in READ CAPACITY(16).',
    ref: 'sbc3 READ CAPACITY(16); sbc3 Logical Block Provisioning VPD page',
    tags: ['scsi', 'capacity', 'provisioning'],
    async run(t) {
      const c = await t.login();
      const cap = await rc16(t, c);
      if (!cap.lbpme) t.skip('the LU reports LBPME=0 (no logical block provisioning management)');
      const lbp = await provisioning(t, c);
      if (!lbp) return t.fail('a Logical Block Provisioning VPD page (B2) when LBPME=1', 'INQUIRY EVPD page B2 not returned');
      t.check(lbp.lbprz === cap.lbprz, `LBPRZ=${cap.lbprz ? 1 : 0} in VPD B2, as in READ CAPACITY(16)`, `LBPRZ=${lbp.lbprz ? 1 : 0} in VPD B2`);
    },
  },
  {
    n: 6,
    title: 'LBPME=1 comes with at least one way to deallocate (LBPU, LBPWS or LBPWS10)',
    level: 'MUST',
    requirement: 'A LU that reports logical block provisioning management (LBPME=1) supports UNMAP or WRITE SAME with UNMAP, and says so in the Logical Block Provisioning VPD page; with LBPME=0 none of these bits is set.',
    ref: 'sbc3 READ CAPACITY(16); sbc3 Logical Block Provisioning VPD page; libiscsi test_unmap_vpd',
    tags: ['scsi', 'capacity', 'provisioning'],
    async run(t) {
      const c = await t.login();
      const cap = await rc16(t, c);
      const lbp = await provisioning(t, c);
      if (!lbp) { if (cap.lbpme) t.fail('a Logical Block Provisioning VPD page (B2) when LBPME=1', 'no page B2'); return t.skip('no Logical Block Provisioning VPD page and LBPME=0'); }
      const any = lbp.lbpu || lbp.lbpws || lbp.lbpws10;
      t.check(any === cap.lbpme, cap.lbpme ? 'LBPU, LBPWS or LBPWS10 set when LBPME=1' : 'LBPU, LBPWS and LBPWS10 clear when LBPME=0',
        `LBPME=${cap.lbpme ? 1 : 0} LBPU=${lbp.lbpu ? 1 : 0} LBPWS=${lbp.lbpws ? 1 : 0} LBPWS10=${lbp.lbpws10 ? 1 : 0}`);
    },
  },
  {
    n: 7,
    title: 'READ CAPACITY(16) with a reserved bit set is rejected with INVALID FIELD IN CDB',
    level: 'SHOULD',
    requirement: 'A reserved CDB bit set to one may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB; completing the command anyway is tolerated (fails under --strict).',
    ref: 'sbc3 READ CAPACITY(16); spc4 reserved fields',
    tags: ['scsi', 'capacity', 'reserved'],
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, withBits(ReadCapacity16.encode({ allocationLength: 32 }), 14, 0x02), { read: 32 }), pass(invalidField()), nonStrict(good()));
    },
  },
  {
    n: 8,
    title: 'READ CAPACITY(16) with PMI 0 and a non-zero LBA is rejected with INVALID FIELD IN CDB',
    level: 'SHOULD',
    requirement: 'With PMI=0 the LOGICAL BLOCK ADDRESS must be zero; SBC-3 rejects a non-zero LBA with ILLEGAL REQUEST, INVALID FIELD IN CDB (SBC-4 made both fields obsolete, so GOOD is tolerated).',
    ref: 'sbc3 READ CAPACITY(16) (PMI)',
    tags: ['scsi', 'capacity'],
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, ReadCapacity16.encode({ allocationLength: 32, lba: 1n }), { read: 32 }), pass(invalidField()), nonStrict(good()));
    },
  },
]);
