// SPC-4 VPD pages 0x00 (supported pages), 0x80 (unit serial number), 0x83 (device identification).
// (checked: libiscsi scsi_inquiry_unmarshall_*; tgt captures)
import { bits, flag, reserved, reservedBits, u16, u8 } from '../../codec/fields.js';
import { defineStruct, type StructValue } from '../../codec/struct.js';
import { violation, type Violation } from '../../violation.js';
import { peripheral } from './inquiry.js';
import { cut, defineListData, pad, type Parsed, type Received } from './param.js';

const REF = 'spc4/vpd';

/** Bytes 0..3 of every VPD page: PAGE LENGTH counts from byte 4. */
export const VpdHeader = defineStruct('VPD header', [...peripheral(), u8('pageCode', 1, { hex: true }), u16('pageLength', 2)] as const, 4);

/** Page 0x00: one byte per supported page, ascending, 0x00 itself included. */
export const SupportedVpdPages = defineListData(VpdHeader, defineStruct('page code', [u8('code', 0, { hex: true })] as const, 1), REF, {
  length: 'pageLength', countsFrom: 4, rule: 'scsi/vpd00',
});

/** Checks page 0x00's list order and content (libiscsi test_inquiry_vpd_page_codes_sorted). */
export function checkSupportedPages(codes: readonly number[]): Violation[] {
  const out: Violation[] = [];
  if (!codes.includes(0)) out.push(violation('scsi/vpd00-lists-itself', REF, 'page 0x00 does not list itself', 'items'));
  if (codes.some((c, i) => i > 0 && c <= codes[i - 1])) out.push(violation('scsi/vpd00-order', REF, `page codes are not strictly ascending: ${codes.map(c => c.toString(16)).join(' ')}`, 'items'));
  return out;
}

/** Page 0x80: the PRODUCT SERIAL NUMBER is printable ASCII. */
export const UnitSerialNumber = {
  decode(b: Uint8Array): Parsed<StructValue<typeof VpdHeader.fields> & Received & { serial: string }> {
    const h = VpdHeader.decode(pad(b, 4));
    const out = VpdHeader.check(h, REF, 'scsi/vpd80');
    const serial = Buffer.from(b.subarray(4, 4 + h.pageLength)).toString('latin1');
    if ([...serial].some(c => c < ' ' || c > '~')) out.push(violation('scsi/vpd80-serial', REF, `serial number ${JSON.stringify(serial)} is not printable ASCII`, 'serial'));
    return { value: { ...h, serial, ...(b.length < 4 ? { received: b.length } : {}) }, violations: out, truncated: b.length < 4 + h.pageLength };
  },
  encode(v: Partial<StructValue<typeof VpdHeader.fields>> & Received & { serial: string }): Buffer {
    const s = Buffer.from(v.serial, 'latin1');
    return cut(Buffer.concat([VpdHeader.encode({ pageCode: 0x80, ...v, pageLength: v.pageLength ?? s.length }), s]), v);
  },
};

/** DESIGNATOR TYPE names (SPC-4). */
export const DesignatorType = { 0: 'vendor', 1: 't10-vendor-id', 2: 'eui64', 3: 'naa', 4: 'relative-target-port', 5: 'target-port-group', 6: 'lu-group', 7: 'md5', 8: 'scsi-name' } as const;
/** CODE SET names. */
export const CodeSet = { 1: 'binary', 2: 'ascii', 3: 'utf8' } as const;
/** ASSOCIATION names (3 is reserved). */
export const Association = { 0: 'lu', 1: 'target-port', 2: 'target-device' } as const;

/** Designation descriptor header (4 bytes); the designator follows. */
export const DesignatorHeader = defineStruct('designation descriptor', [
  bits('protocolIdentifier', 0, [7, 4]), bits('codeSet', 0, [3, 0], { names: CodeSet }),
  flag('piv', 1, 7), reservedBits(1, 0x40), bits('association', 1, [5, 4], { names: Association }), bits('designatorType', 1, [3, 0], { names: DesignatorType, open: true }),
  ...reserved(2, 1), u8('designatorLength', 3),
] as const, 4);

/** One designation descriptor. */
export type Designator = StructValue<typeof DesignatorHeader.fields> & { designator: Buffer };

/** Lengths SPC fixes per designator type (NAA depends on its first nibble). */
function designatorChecks(d: Designator, i: number): Violation[] {
  const out: Violation[] = [];
  const bad = (msg: string) => out.push(violation('scsi/vpd83-designator', REF, `descriptor ${i}: ${msg}`, 'designators'));
  const n = d.designator.length;
  if (d.designatorType === 2 && ![8, 12, 16].includes(n)) bad(`EUI-64 designator is ${n} bytes; expected 8, 12 or 16`);
  if (d.designatorType === 3) {
    const naa = n ? d.designator[0] >> 4 : 0;
    const want = naa === 6 ? 16 : [2, 3, 5].includes(naa) ? 8 : undefined;
    if (want === undefined) bad(`NAA field ${naa} is not 2, 3, 5 or 6`); else if (n !== want) bad(`NAA ${naa} designator is ${n} bytes; expected ${want}`);
  }
  if ((d.designatorType === 4 || d.designatorType === 5) && n !== 4) bad(`designator type ${d.designatorType} is ${n} bytes; expected 4`);
  if (d.designatorType === 8) {
    if (d.codeSet !== 3) bad('SCSI name string needs code set 3 (UTF-8)');
    if (n % 4 !== 0 || !d.designator.includes(0)) bad('SCSI name string must be NUL-terminated and padded to a multiple of 4');
  }
  if (d.designatorType === 1 && d.codeSet !== 2 && d.codeSet !== 3) bad('T10 vendor ID designator needs an ASCII code set');
  return out;
}

/** Page 0x83: designation descriptors walked by their own lengths. */
export const DeviceIdentification = {
  decode(b: Uint8Array): Parsed<StructValue<typeof VpdHeader.fields> & Received & { designators: Designator[] }> {
    const h = VpdHeader.decode(pad(b, 4)) as StructValue<typeof VpdHeader.fields> & Received;
    const out = VpdHeader.check(h, REF, 'scsi/vpd83');
    const end = Math.min(4 + h.pageLength, b.length);
    const designators: Designator[] = [];
    let at = 4;
    while (at + 4 <= end) {
      const d = DesignatorHeader.decode(b.subarray(at, at + 4));
      if (at + 4 + d.designatorLength > end) break;
      const x: Designator = { ...d, designator: Buffer.from(b.subarray(at + 4, at + 4 + d.designatorLength)) };
      out.push(...DesignatorHeader.check(x, REF, 'scsi/vpd83'), ...designatorChecks(x, designators.length));
      designators.push(x); at += 4 + d.designatorLength;
    }
    if (at < end) {
      h.trailing = Buffer.from(b.subarray(at, end));
      if (b.length >= 4 + h.pageLength) out.push(violation('scsi/vpd83-length', REF, `${end - at} byte(s) at ${at} are not a whole designation descriptor`, 'pageLength'));
    }
    if (b.length < 4) h.received = b.length;
    return { value: { ...h, designators }, violations: out, truncated: b.length < 4 + h.pageLength };
  },
  encode(v: Partial<StructValue<typeof VpdHeader.fields>> & Received & { designators: Array<Partial<Designator> & { designator: Buffer }> }): Buffer {
    const body = Buffer.concat([...v.designators.flatMap(d => [DesignatorHeader.encode({ ...d, designatorLength: d.designatorLength ?? d.designator.length }), d.designator]), v.trailing ?? Buffer.alloc(0)]);
    return cut(Buffer.concat([VpdHeader.encode({ pageCode: 0x83, ...v, pageLength: v.pageLength ?? body.length }), body]), v);
  },
};
