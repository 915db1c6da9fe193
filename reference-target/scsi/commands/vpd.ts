// SPC-4/SBC-3 vital product data pages: 0x00 supported pages, 0x80 unit serial number, 0x83 device
// identification, 0xB0 block limits, 0xB1 block device characteristics, 0xB2 logical block provisioning.
// Layouts: SCSI-NOTES INQUIRY (VPD tables).
import { createHash } from 'node:crypto';
import type { Ctx, DeviceInfo } from '../handler.js';
import type { LogicalUnit } from '../logical-unit.js';
import * as L from '../limits.js';
import { asciiField } from './inquiry.js';

/** Page codes served, ascending (libiscsi test_inquiry_vpd_page_codes_sorted). */
export const VPD_PAGES = [0x00, 0x80, 0x83, 0xb0, 0xb1, 0xb2] as const;

/** A page with its 4-byte header; byte 0 carries the peripheral qualifier / device type. */
function page(code: number, body: Buffer, present: boolean): Buffer {
  const h = Buffer.from([present ? 0x00 : 0x7f, code, 0, 0]);
  h.writeUInt16BE(body.length, 2);
  return Buffer.concat([h, body]);
}

/** A designation descriptor (SPC-4 Device Identification). `piv` marks a protocol-specific (iSCSI) one. */
function designator(codeSet: number, association: number, type: number, value: Buffer, piv = false): Buffer {
  const h = Buffer.from([(piv ? 0x50 : 0) | codeSet, (piv ? 0x80 : 0) | (association << 4) | type, 0, value.length]);
  return Buffer.concat([h, value]);
}

/** Unit serial number: the device serial plus the LUN, so every LU has its own. */
export const unitSerial = (dev: DeviceInfo, lu: LogicalUnit): string => `${dev.serial}-${lu.number}`;

/** NAA 3h (locally assigned) 8-byte identifier derived from the target name and LUN: stable across restarts. */
function naaLocal(dev: DeviceInfo, lu: LogicalUnit): Buffer {
  const h = createHash('sha256').update(`${dev.targetName}/${dev.serial}/${lu.number}`).digest();
  const id = Buffer.from(h.subarray(0, 8));
  id[0] = 0x30 | (id[0] & 0x0f);
  return id;
}

/** SCSI name strings are NUL-terminated and padded to a multiple of 4 bytes (SPC-4). */
function nameString(s: string): Buffer {
  const raw = Buffer.from(s, 'utf8');
  return Buffer.concat([raw, Buffer.alloc(4 - (raw.length % 4))]);
}

function deviceIdentification(ctx: Ctx<unknown, LogicalUnit>): Buffer {
  const { dev, lu } = ctx;
  const two = (n: number) => { const b = Buffer.alloc(4); b.writeUInt16BE(n, 2); return b; };
  return Buffer.concat([
    designator(1, 0, 0x3, naaLocal(dev, lu)),
    designator(2, 0, 0x1, Buffer.concat([asciiField(dev.vendor, 8), Buffer.from(`${dev.product.trim()}:${unitSerial(dev, lu)}`, 'latin1')])),
    designator(3, 2, 0x8, nameString(dev.targetName), true),
    designator(1, 1, 0x4, two(1), true),            // relative target port 1: one portal group
    designator(1, 1, 0x5, two(ctx.req.nexus.tpgt)), // target port group = the portal group tag
  ]);
}

function blockLimits(lu: LogicalUnit): Buffer {
  const b = Buffer.alloc(0x3c);
  // Offsets below are page offsets minus the 4-byte header.
  b[1] = L.MAX_COMPARE_AND_WRITE_BLOCKS;
  b.writeUInt16BE(1, 2);
  b.writeUInt32BE(L.maxTransferBlocks(lu.blockSize), 4);
  b.writeUInt32BE(L.OPTIMAL_TRANSFER_BLOCKS, 8);
  b.writeUInt32BE(L.MAX_UNMAP_LBA_COUNT, 16);
  b.writeUInt32BE(L.MAX_UNMAP_DESCRIPTORS, 20);
  b.writeUInt32BE(1, 24);
  b.writeBigUInt64BE(BigInt(L.maxWriteSameBlocks(lu.blockSize)), 32);
  return b;
}

function blockCharacteristics(): Buffer {
  const b = Buffer.alloc(0x3c);
  b.writeUInt16BE(1, 0); // MEDIUM ROTATION RATE 1: non-rotating medium
  return b;
}

/** LBPU, LBPWS, LBPWS10 and LBPRZ set; provisioning type 2 (thin). */
const provisioning = (): Buffer => Buffer.from([0x00, 0x80 | 0x40 | 0x20 | 0x04, 0x02, 0x00]);

/** The page, or undefined when it is not supported (INVALID FIELD IN CDB). No LU: only page 0x00. */
export function vpdPage(code: number, ctx: Ctx<unknown, LogicalUnit | undefined>): Buffer | undefined {
  const lu = ctx.lu;
  if (!lu) return code === 0 ? page(0, Buffer.from([0]), false) : undefined;
  const full = ctx as Ctx<unknown, LogicalUnit>;
  switch (code) {
    case 0x00: return page(code, Buffer.from(VPD_PAGES), true);
    case 0x80: return page(code, Buffer.from(unitSerial(ctx.dev, lu), 'latin1'), true);
    case 0x83: return page(code, deviceIdentification(full), true);
    case 0xb0: return page(code, blockLimits(lu), true);
    case 0xb1: return page(code, blockCharacteristics(), true);
    case 0xb2: return page(code, provisioning(), true);
    default: return undefined;
  }
}
