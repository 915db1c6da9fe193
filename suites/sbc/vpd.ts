// SBC-3 VPD pages B0 (block limits), B1 (block device characteristics), B2 (logical block provisioning):
// listed iff readable, page lengths, UNMAP limits consistent with LBPU.
import type { CaseApi } from '../../harness/runner/case-api.js';
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { Inquiry } from '../../harness/scsi/commands/spc.js';
import { scsi } from '../support.js';
import { blockLimits, provisioning, rc16, vpdPage } from '../support-sbc.js';
import type { Conn } from '../../harness/runner/conn.js';

/** The page codes VPD page 0x00 lists. */
async function listed(t: CaseApi, c: Conn): Promise<Set<number>> {
  const e = await scsi(t, c, Inquiry.encode({ evpd: true, pageCode: 0x00, allocationLength: 255 }), { read: 255 });
  if (e.kind !== 'scsi' || e.status !== 0 || e.data.length < 4) return t.fail('INQUIRY VPD page 0x00 returns GOOD', e.kind);
  return new Set(e.data.subarray(4, 4 + e.data.readUInt16BE(2)));
}

/** A page is readable exactly when page 0x00 lists it, and its header names it. */
function listedIffReadable(n: number, code: number, name: string): CaseDef {
  const hex = code.toString(16).toUpperCase();
  return {
    n, title: `the ${name} VPD page (${hex}h) is readable exactly when the Supported VPD Pages page lists it`, level: 'MUST',
    ref: `sbc3 ${name} VPD page; spc4 Supported VPD Pages VPD page; libiscsi test_inquiry_supported_vpd`, tags: ['scsi', 'vpd'],
    requirement: `Page 0x00 lists the VPD pages the device server supports: a listed page ${hex}h is returned with PAGE CODE ${hex}h and a PAGE LENGTH that matches the data; an unlisted one is rejected with INVALID FIELD IN CDB.`,
    async run(t) {
      const c = await t.login();
      const has = (await listed(t, c)).has(code);
      const e = await scsi(t, c, Inquiry.encode({ evpd: true, pageCode: code, allocationLength: 255 }), { read: 255 });
      const ok = e.kind === 'scsi' && e.status === 0;
      if (has) {
        t.check(ok, `page ${hex}h (listed in page 0x00) returns GOOD`, e.kind === 'scsi' ? `status 0x${e.status.toString(16)}` : e.kind);
        const d = e.kind === 'scsi' ? e.data : Buffer.alloc(0);
        t.check(d.length >= 4 && d[1] === code && d.length === Math.min(255, 4 + d.readUInt16BE(2)), `PAGE CODE ${hex}h and PAGE LENGTH + 4 = bytes returned`, `${d.length} bytes, page code ${d[1]}, page length ${d.length >= 4 ? d.readUInt16BE(2) : '?'}`);
      } else {
        t.check(e.kind === 'scsi' && e.status === 2 && e.sense?.key === 5 && e.sense.asc === 0x24, `page ${hex}h (not listed in page 0x00) rejected with ILLEGAL REQUEST, INVALID FIELD IN CDB`, ok ? 'GOOD' : e.kind);
      }
    },
  };
}

const cases: CaseDef[] = [
  listedIffReadable(1, 0xb0, 'Block Limits'),
  listedIffReadable(2, 0xb1, 'Block Device Characteristics'),
  listedIffReadable(3, 0xb2, 'Logical Block Provisioning'),
  {
    n: 4, title: 'the Block Limits page has the SBC-3 length 0x3C (or the SBC-2 length 8)', level: 'MUST', ref: 'sbc3 Block Limits VPD page; libiscsi test_inquiry_block_limits',
    tags: ['scsi', 'vpd'],
    requirement: 'The Block Limits VPD page has PAGE LENGTH 003Ch (SBC-3); SBC-2 devices return the older 8-byte body.',
    async run(t) {
      const c = await t.login();
      const b = await vpdPage(t, c, 0xb0);
      if (!b) return t.skip('the LU has no Block Limits VPD page');
      const len = b.readUInt16BE(2);
      t.check(len === 0x3c || len === 8, 'PAGE LENGTH 0x3C (or 8)', `PAGE LENGTH 0x${len.toString(16)}`);
    },
  },
  {
    n: 5, title: 'the UNMAP limits in Block Limits agree with LBPU', level: 'MUST', ref: 'sbc3 Block Limits VPD page; sbc3 Logical Block Provisioning VPD page; libiscsi test_inquiry_block_limits',
    tags: ['scsi', 'vpd', 'provisioning'],
    requirement: 'With LBPU=1 (UNMAP supported) MAXIMUM UNMAP LBA COUNT is at least one physical block (2^LBPPBE logical blocks) and MAXIMUM UNMAP BLOCK DESCRIPTOR COUNT is non-zero; with LBPU=0 both are zero.',
    async run(t) {
      const c = await t.login();
      const bl = await blockLimits(t, c);
      if (!bl) return t.skip('the LU has no Block Limits VPD page');
      if (bl.pageLength !== 0x3c) t.skip('the Block Limits page has no UNMAP fields (SBC-2 length)');
      const lbpu = (await provisioning(t, c))?.lbpu ?? false;
      const { lbppbe } = await rc16(t, c);
      const got = `LBPU=${lbpu ? 1 : 0}, MAXIMUM UNMAP LBA COUNT ${bl.maximumUnmapLbaCount}, MAXIMUM UNMAP BLOCK DESCRIPTOR COUNT ${bl.maximumUnmapBlockDescriptorCount}`;
      if (lbpu) t.check(bl.maximumUnmapLbaCount >= 2 ** lbppbe && bl.maximumUnmapBlockDescriptorCount > 0, `both limits non-zero, LBA count >= ${2 ** lbppbe}`, got);
      else t.check(bl.maximumUnmapLbaCount === 0 && bl.maximumUnmapBlockDescriptorCount === 0, 'both limits zero when LBPU=0', got);
    },
  },
  {
    n: 6, title: 'the Logical Block Provisioning page reports a defined PROVISIONING TYPE', level: 'MUST', ref: 'sbc3 Logical Block Provisioning VPD page',
    tags: ['scsi', 'vpd', 'provisioning'],
    requirement: 'PROVISIONING TYPE is 0 (full or not reported), 1 (resource provisioned) or 2 (thin provisioned); other values are reserved.',
    async run(t) {
      const c = await t.login();
      const lbp = await provisioning(t, c);
      if (!lbp) return t.skip('the LU has no Logical Block Provisioning VPD page');
      t.check(lbp.provisioningType <= 2, 'PROVISIONING TYPE 0, 1 or 2', `PROVISIONING TYPE ${lbp.provisioningType}`);
    },
  },
];

export default defineSection('sbc/vpd', 'Block device VPD pages (B0, B1, B2)', cases);
