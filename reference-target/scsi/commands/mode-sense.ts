// SPC-4 MODE SENSE(6/10): header, optional block descriptor, pages 0x01/0x08/0x0A/0x1C or all (0x3F).
// Layout: SCSI-NOTES MODE SENSE (checked: libiscsi, tgt).
import { ModeSense10, ModeSense6 } from '../../../harness/scsi/commands/spc-mode.js';
import { defineHandler } from '../handler.js';
import type { LogicalUnit } from '../logical-unit.js';
import { MODE_PAGES, type PageControl } from '../mode-pages.js';
import { check, good, invalidCdbField, SenseKey, type Reply } from '../reply.js';

interface SenseArgs { dbd: boolean; llbaa: boolean; pc: number; pageCode: number; subpageCode: number }
const PC: Record<number, PageControl> = { 0: 'current', 1: 'changeable', 2: 'default' };

/** Short (8-byte) or long (16-byte, LONGLBA) block descriptor; zeros when asked what is changeable. */
function blockDescriptor(lu: LogicalUnit, long: boolean, pc: PageControl): Buffer {
  const b = Buffer.alloc(long ? 16 : 8);
  if (pc === 'changeable') return b;
  if (long) { b.writeBigUInt64BE(BigInt(lu.blocks), 0); b.writeUInt32BE(lu.blockSize, 12); return b; }
  b.writeUInt32BE(Math.min(lu.blocks, 0xffffffff), 0);
  b.writeUIntBE(lu.blockSize, 5, 3);
  return b;
}

/** The mode parameter list for (6) or (10). */
export function modeSense(lu: LogicalUnit, a: SenseArgs, ten: boolean): Reply {
  // No saved pages (PS=0 everywhere): SAVING PARAMETERS NOT SUPPORTED, as tgt answers.
  if (a.pc === 3) return check(SenseKey.ILLEGAL_REQUEST, 0x39, 0x00, { field: { cd: true, byte: 2, bit: 7 } });
  const pc = PC[a.pc];
  let pages: Buffer[];
  if (a.pageCode === 0x3f) {
    // No subpages exist, so "all pages and subpages" (0xFF) is the same list.
    if (a.subpageCode !== 0x00 && a.subpageCode !== 0xff) return invalidCdbField(3);
    pages = MODE_PAGES.map(p => lu.modes.page(p.code, pc)!);
  } else {
    const p = lu.modes.page(a.pageCode, pc);
    if (!p) return invalidCdbField(2, 5);
    if (a.subpageCode !== 0) return invalidCdbField(3);
    pages = [p];
  }
  const long = ten && a.llbaa;
  const bd = a.dbd ? Buffer.alloc(0) : blockDescriptor(lu, long, pc);
  // DEVICE-SPECIFIC PARAMETER: WP mirrors SWP; DPOFUA=1 so DPO/FUA are accepted (libiscsi *_dpofua).
  const dsp = (lu.modes.softwareWriteProtect ? 0x80 : 0) | 0x10;
  const body = Buffer.concat([bd, ...pages]);
  const h = Buffer.alloc(ten ? 8 : 4);
  if (ten) {
    h.writeUInt16BE(h.length - 2 + body.length, 0);
    h[3] = dsp; h[4] = long ? 1 : 0;
    h.writeUInt16BE(bd.length, 6);
  } else {
    h[0] = Math.min(0xff, h.length - 1 + body.length);
    h[2] = dsp; h[3] = bd.length;
  }
  return good(Buffer.concat([h, body]));
}

/** MODE SENSE(6/10): reads parameters, so an Exclusive Access reservation blocks it (SPC-4); RESERVE(6) does too (libiscsi Reserve6.2Initiators). */
export const handlers = [
  defineHandler({ cdb: ModeSense6, access: () => 'read', run: async ({ lu, v }) => modeSense(lu, { ...v, llbaa: false }, false) }),
  defineHandler({ cdb: ModeSense10, access: () => 'read', run: async ({ lu, v }) => modeSense(lu, v, true) }),
];
