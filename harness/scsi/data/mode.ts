// SPC-4 mode parameter data (MODE SENSE Data-In, MODE SELECT Data-Out): header (6 or 10), block
// descriptors, then mode pages walked by their own lengths. (checked: libiscsi modesense unmarshall)
import { flag, reserved, reservedBits, u16, u24, u32, u64, u8 } from '../../codec/fields.js';
import { defineStruct, type StructValue } from '../../codec/struct.js';
import { violation, type Violation } from '../../violation.js';
import { cut, pad, type Parsed, type Received } from './param.js';

const REF = 'spc4/mode-parameters';
/** Block-device DEVICE-SPECIFIC PARAMETER: WP bit 7, DPOFUA bit 4 (SBC-3). */
const dsp = (off: number) => [flag('wp', off, 7), reservedBits(off, 0x6f), flag('dpofua', off, 4)] as const;

/** MODE SENSE(6) / MODE SELECT(6) header: MODE DATA LENGTH counts from byte 1. */
export const ModeHeader6 = defineStruct('mode header(6)', [u8('modeDataLength', 0), u8('mediumType', 1), ...dsp(2), u8('blockDescriptorLength', 3)] as const, 4);
/** MODE SENSE(10) / MODE SELECT(10) header: MODE DATA LENGTH counts from byte 2. */
export const ModeHeader10 = defineStruct('mode header(10)', [u16('modeDataLength', 0), u8('mediumType', 2), ...dsp(3), reservedBits(4, 0xfe), flag('longlba', 4, 0), ...reserved(5, 1), u16('blockDescriptorLength', 6)] as const, 8);
/** Short block descriptor (8 bytes). */
export const ShortBlockDescriptor = defineStruct('block descriptor', [u32('numberOfBlocks', 0), ...reserved(4, 1), u24('logicalBlockLength', 5)] as const, 8);
/** Long LBA block descriptor (16 bytes, LONGLBA=1; unverified). */
export const LongBlockDescriptor = defineStruct('long block descriptor', [u64('numberOfBlocks', 0), ...reserved(8, 4), u32('logicalBlockLength', 12)] as const, 16);

/** A mode page as framed on the wire: header bits and the bytes after the page header. */
export interface ModePage { ps: boolean; spf: boolean; pageCode: number; subpageCode: number; pageLength?: number; data: Buffer }
/** Block descriptor value of either size. */
export type BlockDescriptor = { numberOfBlocks: number | bigint; logicalBlockLength: number };
/** Mode parameter data. */
export interface ModeData extends Received {
  header: StructValue<typeof ModeHeader10.fields> | StructValue<typeof ModeHeader6.fields>;
  blockDescriptors: BlockDescriptor[];
  pages: ModePage[];
}

const form = (ten: boolean) => ({ h: ten ? ModeHeader10 : ModeHeader6, countsFrom: ten ? 2 : 1 });

/** Decodes mode data in the 6- or 10-byte form; in MODE SELECT data MODE DATA LENGTH is reserved (0). */
export function decodeModeData(b: Uint8Array, ten: boolean): Parsed<ModeData> {
  const { h: H, countsFrom } = form(ten);
  const header = H.decode(pad(b, H.size)) as ModeData['header'];
  const out: Violation[] = H.check(header as never, REF, 'scsi/mode');
  const end = Math.min(header.modeDataLength + countsFrom, b.length);
  const longlba = ten && 'longlba' in header && header.longlba;
  const D = longlba ? LongBlockDescriptor : ShortBlockDescriptor;
  const blockDescriptors: BlockDescriptor[] = [];
  if (header.blockDescriptorLength % D.size) out.push(violation('scsi/mode-block-descriptor-length', REF, `BLOCK DESCRIPTOR LENGTH ${header.blockDescriptorLength} is not a multiple of ${D.size}`, 'blockDescriptorLength'));
  let at = H.size;
  const bdEnd = Math.min(H.size + header.blockDescriptorLength, end);
  for (; at + D.size <= bdEnd; at += D.size) blockDescriptors.push(D.decode(b.subarray(at, at + D.size)) as BlockDescriptor);
  at = H.size + header.blockDescriptorLength;
  const pages: ModePage[] = [];
  while (at + 2 <= end) {
    const spf = (b[at] & 0x40) !== 0;
    const hl = spf ? 4 : 2;
    if (at + hl > end) break;
    const len = spf ? (b[at + 2] << 8) | b[at + 3] : b[at + 1];
    if (at + hl + len > end) {
      if (b.length >= header.modeDataLength + countsFrom) out.push(violation('scsi/mode-page-length', REF, `page 0x${(b[at] & 0x3f).toString(16)} at ${at} runs past MODE DATA LENGTH`, 'pages'));
      break;
    }
    pages.push({ ps: (b[at] & 0x80) !== 0, spf, pageCode: b[at] & 0x3f, subpageCode: spf ? b[at + 1] : 0, data: Buffer.from(b.subarray(at + hl, at + hl + len)) });
    at += hl + len;
  }
  const value: ModeData = { header, blockDescriptors, pages };
  if (at < end) value.trailing = Buffer.from(b.subarray(at, end));
  if (b.length < H.size) value.received = b.length;
  else if (at > b.length) value.received = b.length;
  return { value, violations: out, truncated: b.length < header.modeDataLength + countsFrom };
}

/** Encodes mode data; lengths are computed unless the header sets them (pass 0 for MODE SELECT). */
export function encodeModeData(v: ModeData & { header: Partial<ModeData['header']> }, ten: boolean): Buffer {
  const { h: H, countsFrom } = form(ten);
  const longlba = ten && 'longlba' in v.header && v.header.longlba;
  const D = longlba ? LongBlockDescriptor : ShortBlockDescriptor;
  const bds = Buffer.concat(v.blockDescriptors.map(d => D.encode(d as never)));
  const pages = Buffer.concat(v.pages.map(p => {
    const hl = p.spf ? 4 : 2, hdr = Buffer.alloc(hl);
    hdr[0] = (p.ps ? 0x80 : 0) | (p.spf ? 0x40 : 0) | (p.pageCode & 0x3f);
    if (p.spf) { hdr[1] = p.subpageCode; hdr.writeUInt16BE(p.pageLength ?? p.data.length, 2); } else hdr[1] = p.pageLength ?? p.data.length;
    return Buffer.concat([hdr, p.data]);
  }));
  const rest = Buffer.concat([bds, pages, v.trailing ?? Buffer.alloc(0)]);
  const header = { ...v.header } as Record<string, unknown>;
  header.blockDescriptorLength ??= bds.length;
  header.modeDataLength ??= H.size + rest.length - countsFrom;
  return cut(Buffer.concat([H.encode(header as never), rest]), v);
}
