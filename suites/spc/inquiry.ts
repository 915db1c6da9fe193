// SPC-4 INQUIRY: standard data, allocation length, EVPD/page code, Supported VPD pages.
import { defineSection } from '../../harness/runner/case.js';
import { pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { Inquiry } from '../../harness/scsi/commands/spc.js';
import { Asc, scsi, SenseKey } from '../support.js';
import { inquiryStandardCases } from './inquiry-standard.js';
import { inquiryVpdCases } from './inquiry-vpd.js';

const [ifcAsc, ifcAscq] = Asc.INVALID_FIELD_IN_CDB;

export default defineSection('spc/inquiry', 'INQUIRY', [
  {
    n: 1,
    title: 'standard INQUIRY data is at least 36 bytes, format 2, for a connected LU',
    level: 'MUST',
    requirement: 'Standard INQUIRY data holds at least 36 bytes, RESPONSE DATA FORMAT 2, and peripheral qualifier 000b for a logical unit that is connected.',
    ref: 'spc4 INQUIRY (standard INQUIRY data)',
    tags: ['scsi', 'inquiry'],
    async run(t) {
      const c = await t.login();
      const e = await scsi(t, c, Inquiry.encode({ allocationLength: 255 }), { read: 255 });
      await t.expect(e, pass(scsiStatus(0, x => x.data.length >= 36 && x.data[4]! + 5 >= 36 && (x.data[3]! & 0x0f) === 2 && x.data[0]! >> 5 === 0,
        ' with >= 36 bytes, ADDITIONAL LENGTH >= 31, RESPONSE DATA FORMAT 2, qualifier 000b')));
    },
  },
  {
    n: 2,
    title: 'INQUIRY returns no more than the allocation length',
    level: 'MUST',
    requirement: 'The device server stops the transfer when ALLOCATION LENGTH bytes have been sent; a short allocation length is not an error.',
    ref: 'spc4 INQUIRY (allocation length)',
    tags: ['scsi', 'inquiry', 'boundary'],
    async run(t) {
      const c = await t.login();
      const e = await scsi(t, c, Inquiry.encode({ allocationLength: 5 }), { read: 5 });
      await t.expect(e, pass(scsiStatus(0, x => x.data.length <= 5, ' with at most 5 bytes')));
    },
  },
  {
    n: 3,
    title: 'a PAGE CODE with EVPD 0 is rejected with INVALID FIELD IN CDB',
    level: 'MUST',
    requirement: 'If PAGE CODE is not zero while EVPD is zero, the command ends with CHECK CONDITION, ILLEGAL REQUEST, INVALID FIELD IN CDB.',
    ref: 'spc4 INQUIRY (EVPD and PAGE CODE)',
    tags: ['scsi', 'inquiry'],
    async run(t) {
      const c = await t.login();
      const e = await scsi(t, c, Inquiry.encode({ evpd: false, pageCode: 0x83, allocationLength: 255 }), { read: 255 });
      await t.expect(e, pass(sense(SenseKey.ILLEGAL_REQUEST, ifcAsc, ifcAscq)));
    },
  },
  {
    n: 4,
    title: 'the Supported VPD Pages page lists 0x00 and 0x83 in ascending order',
    level: 'MUST',
    requirement: 'VPD page 0x00 lists the supported page codes in ascending order, including itself; a block device supports Device Identification (0x83).',
    ref: 'spc4 Supported VPD Pages VPD page; sbc3 (mandatory VPD pages)',
    tags: ['scsi', 'inquiry', 'vpd'],
    async run(t) {
      const c = await t.login();
      const e = await scsi(t, c, Inquiry.encode({ evpd: true, pageCode: 0x00, allocationLength: 255 }), { read: 255 });
      await t.expect(e, pass(scsiStatus(0, x => {
        if (x.data.length < 4 || x.data[1] !== 0x00) return false;
        const pages = [...x.data.subarray(4, 4 + x.data.readUInt16BE(2))];
        return pages.includes(0x00) && pages.includes(0x83) && pages.every((p, i) => i === 0 || p > pages[i - 1]!);
      }, ' with page 0x00 listing 0x00 and 0x83, ascending')));
    },
  },
  {
    n: 5,
    title: 'a VPD page the LU does not list is rejected with INVALID FIELD IN CDB',
    level: 'MUST',
    requirement: 'An INQUIRY with EVPD 1 for a page the device server does not support ends with CHECK CONDITION, ILLEGAL REQUEST, INVALID FIELD IN CDB.',
    ref: 'spc4 INQUIRY (EVPD)',
    tags: ['scsi', 'inquiry', 'vpd'],
    async run(t) {
      const c = await t.login();
      const list = await scsi(t, c, Inquiry.encode({ evpd: true, pageCode: 0x00, allocationLength: 255 }), { read: 255 });
      if (list.kind !== 'scsi' || list.status !== 0) t.fail('INQUIRY VPD page 0x00 returns GOOD', list.kind);
      const pages = new Set(list.kind === 'scsi' ? list.data.subarray(4) : []);
      const missing = [0xb7, 0xb8, 0xb9, 0x8f, 0x7f].find(p => !pages.has(p));
      if (missing === undefined) t.skip('the LU lists every page we would try');
      const e = await scsi(t, c, Inquiry.encode({ evpd: true, pageCode: missing, allocationLength: 255 }), { read: 255 });
      await t.expect(e, pass(sense(SenseKey.ILLEGAL_REQUEST, ifcAsc, ifcAscq)));
    },
  },
  ...inquiryStandardCases,
  ...inquiryVpdCases,
]);
