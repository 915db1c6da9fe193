// SPC-4 / SBC-3 VPD pages through INQUIRY EVPD=1: 0x00 against what is served, 0x80, 0x83, 0xB0, 0xB1, 0xB2.
import type { CaseDef } from '../../harness/runner/case.js';
import { pass, scsiStatus } from '../../harness/runner/outcomes.js';
import { Inquiry } from '../../harness/scsi/commands/spc.js';
import { DeviceIdentification, UnitSerialNumber } from '../../harness/scsi/data/vpd.js';
import { BlockDeviceCharacteristics, BlockLimits, LogicalBlockProvisioning } from '../../harness/scsi/data/vpd-block.js';
import type { Violation } from '../../harness/violation.js';
import { cmd, hex, standardInquiry, vpdPage, vpdPages } from '../support-spc.js';

const tags = ['scsi', 'inquiry', 'vpd'];
const says = (v: readonly Violation[]): string => v.map(x => x.message).join('; ') || 'none';

/** An SBC-3 page with a fixed layout: listed → readable, header right, no violation of its declaration. */
const sbcPage = (n: number, code: number, name: string, decode: (b: Buffer) => { violations: Violation[] }): CaseDef => ({
  n, title: `VPD page ${hex(code)} (${name}) has its SBC-3 layout`, level: 'MUST', ref: `sbc3 ${name} VPD page`, tags,
  requirement: `When page ${hex(code)} is listed, it is returned with PAGE CODE ${hex(code)}, the PAGE LENGTH SBC-3 fixes, and no reserved bit set.`,
  async run(t) {
    const c = await t.login();
    const d = await vpdPage(t, c, code);
    const v = decode(d).violations;
    t.check(d[1] === code && v.length === 0, `page ${hex(code)} well formed`, `${d.length} bytes, page code ${hex(d[1] ?? 0)}; ${says(v)}`);
  },
});

export const inquiryVpdCases: CaseDef[] = [
  {
    n: 18, title: 'every page VPD page 0x00 lists can be read', level: 'MUST', ref: 'spc4 Supported VPD Pages VPD page', tags,
    requirement: 'Each page code in the Supported VPD Pages list is answered GOOD with that PAGE CODE in byte 1 (libiscsi test_inquiry_supported_vpd).',
    async run(t) {
      const c = await t.login();
      for (const p of await vpdPages(t, c)) {
        await t.expect(cmd(t, c, Inquiry.encode({ evpd: true, pageCode: p, allocationLength: 255 }), { read: 255 }),
          pass(scsiStatus(0, x => x.data.length >= 4 && x.data[1] === p, ` with page ${hex(p)} in byte 1`)));
      }
    },
  },
  {
    n: 19, title: 'VPD pages carry the same peripheral byte as the standard data', level: 'MUST', ref: 'spc4 VPD page format', tags,
    requirement: 'Byte 0 of every VPD page holds the PERIPHERAL QUALIFIER and DEVICE TYPE of the standard INQUIRY data.',
    async run(t) {
      const c = await t.login();
      const b0 = (await standardInquiry(t, c))[0]!;
      for (const p of await vpdPages(t, c)) {
        const e = await cmd(t, c, Inquiry.encode({ evpd: true, pageCode: p, allocationLength: 8 }), { read: 8 });
        await t.expect(e, pass(scsiStatus(0, x => x.data[0] === b0, ` with byte 0 = ${hex(b0)} on page ${hex(p)}`)));
      }
    },
  },
  {
    n: 20, title: 'PAGE LENGTH of each VPD page matches the bytes returned', level: 'MUST', ref: 'spc4 VPD page format', tags,
    requirement: 'PAGE LENGTH counts the bytes after byte 3; with an ample allocation length the page ends exactly there.',
    async run(t) {
      const c = await t.login();
      for (const p of await vpdPages(t, c)) {
        const e = await cmd(t, c, Inquiry.encode({ evpd: true, pageCode: p, allocationLength: 4096 }), { read: 4096 });
        await t.expect(e, pass(scsiStatus(0, x => x.data.length >= 4 && x.data.readUInt16BE(2) + 4 === x.data.length, ` with PAGE LENGTH + 4 = bytes returned on page ${hex(p)}`)));
      }
    },
  },
  {
    n: 21, title: 'a truncated VPD page keeps its full PAGE LENGTH', level: 'MUST', ref: 'spc4 INQUIRY (allocation length)', tags: [...tags, 'boundary'],
    requirement: 'With an allocation length of 4 the device server returns only the header, and PAGE LENGTH still says how long the whole page is.',
    async run(t) {
      const c = await t.login();
      const full = await vpdPage(t, c, 0x83);
      await t.expect(cmd(t, c, Inquiry.encode({ evpd: true, pageCode: 0x83, allocationLength: 4 }), { read: 4 }),
        pass(scsiStatus(0, x => x.data.length === 4 && x.data.equals(full.subarray(0, 4)), ` with the 4 header bytes ${full.subarray(0, 4).toString('hex')}`)));
    },
  },
  {
    n: 22, title: 'the Unit Serial Number page (0x80) is printable ASCII of the stated length', level: 'MUST', ref: 'spc4 Unit Serial Number VPD page', tags,
    requirement: 'PRODUCT SERIAL NUMBER is ASCII; PAGE LENGTH gives its length (libiscsi reads it from byte 3, so byte 2 is 0).',
    async run(t) {
      const d = await vpdPage(t, await t.login(), 0x80);
      const r = UnitSerialNumber.decode(d);
      t.check(d[1] === 0x80 && r.violations.length === 0 && !r.truncated, 'a well-formed page 0x80', `${d.length} bytes; ${says(r.violations)}`);
      t.note(`serial ${JSON.stringify(r.value.serial)}`);
    },
  },
  {
    n: 23, title: 'Device Identification (0x83) designators are well formed', level: 'MUST', ref: 'spc4 Device Identification VPD page', tags,
    requirement: 'Page 0x83 is a list of designation descriptors that exactly fill PAGE LENGTH, each with a defined code set and the length its designator type fixes.',
    async run(t) {
      const d = await vpdPage(t, await t.login(), 0x83);
      const r = DeviceIdentification.decode(d);
      t.check(r.violations.length === 0 && !r.truncated && r.value.designators.length > 0, 'at least one well-formed designator',
        `${r.value.designators.length} designator(s); ${says(r.violations)}`);
    },
  },
  {
    n: 24, title: 'Device Identification names the LU with an NAA, EUI-64 or SCSI name designator', level: 'SHOULD', ref: 'spc4 Device Identification VPD page', tags,
    requirement: 'At least one designator with ASSOCIATION 0 (logical unit) is of type NAA, EUI-64 or SCSI name string, so hosts can tell LUs apart.',
    async run(t) {
      const d = await vpdPage(t, await t.login(), 0x83);
      const ds = DeviceIdentification.decode(d).value.designators;
      const kinds = ds.map(x => `assoc ${x.association} type ${x.designatorType}`).join(', ');
      t.check(ds.some(x => x.association === 0 && [2, 3, 8].includes(x.designatorType)), 'an LU designator of type 2, 3 or 8', kinds || 'no designators');
    },
  },
  {
    n: 25, title: 'a block device supports the Device Identification page', level: 'MUST', ref: 'sbc3 (mandatory VPD pages)', tags,
    requirement: 'A direct access block device lists and serves pages 0x00 and 0x83 (libiscsi test_inquiry_mandatory_vpd_sbc).',
    async run(t) {
      const c = await t.login();
      const std = await standardInquiry(t, c);
      if ((std[0]! & 0x1f) !== 0) t.skip(`device type ${hex(std[0]! & 0x1f)} is not direct access`);
      const pages = await vpdPages(t, c);
      t.check(pages.includes(0x00) && pages.includes(0x83), 'pages 0x00 and 0x83 listed', pages.map(p => hex(p)).join(' '));
    },
  },
  sbcPage(26, 0xb0, 'Block Limits', b => BlockLimits.decode(b)),
  sbcPage(27, 0xb1, 'Block Device Characteristics', b => BlockDeviceCharacteristics.decode(b)),
  sbcPage(28, 0xb2, 'Logical Block Provisioning', b => LogicalBlockProvisioning.decode(b)),
  {
    n: 29, title: 'Block Limits is only served by a device that claims SBC-3', level: 'SHOULD', ref: 'sbc3 Block Limits VPD page', tags,
    requirement: 'The 0x3C-byte Block Limits page is an SBC-3 page; a device serving it lists SBC-3 (0x04C0..0x04DF) among its version descriptors or claims SPC-3 or later (libiscsi test_inquiry_block_limits).',
    async run(t) {
      const c = await t.login();
      if (!(await vpdPages(t, c)).includes(0xb0)) t.skip('page 0xB0 not listed');
      const d = await standardInquiry(t, c);
      const vds = Array.from({ length: 8 }, (_, i) => (d.length >= 60 + 2 * i ? d.readUInt16BE(58 + 2 * i) : 0));
      t.check(vds.some(v => v >= 0x04c0 && v <= 0x04df) || d[2]! >= 5, 'an SBC-3 version descriptor or VERSION >= SPC-3',
        `VERSION ${hex(d[2]!)}, descriptors ${vds.filter(Boolean).map(v => hex(v, 4)).join(' ') || 'none'}`);
    },
  },
];
