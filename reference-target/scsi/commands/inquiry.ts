// SPC-4 INQUIRY: standard data (SPC-4/SBC-3 version descriptors) and the VPD pages in vpd.ts.
// Layout: SCSI-NOTES INQUIRY (checked: libiscsi).
import { Inquiry } from '../../../harness/scsi/commands/spc.js';
import { defineHandler, type Ctx, type DeviceInfo } from '../handler.js';
import type { LogicalUnit } from '../logical-unit.js';
import { good, invalidCdbField } from '../reply.js';
import { vpdPage } from './vpd.js';

/** Version descriptors claimed (values from libiscsi's enum): iSCSI, SPC-4, SBC-3. */
const VERSION_DESCRIPTORS = [0x0960, 0x0460, 0x04c0];

/** Left-aligned, space-padded ASCII of exactly `n` bytes. */
export const asciiField = (s: string, n: number): Buffer => Buffer.from(s.padEnd(n, ' ').slice(0, n), 'latin1');

/** Standard INQUIRY data, 96 bytes; peripheral qualifier 3 / type 0x1F when no LU is there. */
export function standardInquiry(dev: DeviceInfo, present: boolean): Buffer {
  const b = Buffer.alloc(96);
  b[0] = present ? 0x00 : 0x7f;
  b[2] = 0x06;            // VERSION: SPC-4
  b[3] = 0x12;            // HISUP=1, RESPONSE DATA FORMAT=2 (libiscsi test_inquiry_standard)
  b[4] = b.length - 5;
  b[7] = 0x02;            // CMDQUE: full task management model, as iSCSI needs
  asciiField(dev.vendor, 8).copy(b, 8);
  asciiField(dev.product, 16).copy(b, 16);
  asciiField(dev.revision, 4).copy(b, 32);
  VERSION_DESCRIPTORS.forEach((d, i) => b.writeUInt16BE(d, 58 + 2 * i));
  return b;
}

async function run(ctx: Ctx<ReturnType<typeof Inquiry.decode>, LogicalUnit | undefined>) {
  const { v } = ctx;
  // The declaration's rule catches PAGE CODE without EVPD; the dispatcher answers it with 24/00 byte 2.
  if (!v.evpd) return good(standardInquiry(ctx.dev, ctx.lu !== undefined));
  const page = vpdPage(v.pageCode, ctx);
  return page ? good(page) : invalidCdbField(2);
}

/** INQUIRY: served on any LUN and despite unit attentions (SPC-4). */
export const handlers = [
  defineHandler({ cdb: Inquiry, anyLun: true, uaExempt: true, access: () => 'none', reserve2Allowed: () => true, run }),
];
