// SPC-4 standard INQUIRY data (EVPD=0): 36+ bytes, then up to 8 version descriptors from byte 58.
// (checked: libiscsi scsi_inquiry_datain_unmarshall; tgt captures)
import { bits, bytes, flag, reserved, reservedBits, u16, u8 } from '../../codec/fields.js';
import { ascii } from '../../codec/fields-extra.js';
import { defineStruct } from '../../codec/struct.js';
import { defineListData } from './param.js';

/** PERIPHERAL QUALIFIER values (2 is reserved). */
export const PeripheralQualifier = { 0: 'connected', 1: 'not-connected', 3: 'no-lu' } as const;
/** VERSION values a target may claim. */
export const InquiryVersion = { 0: 'none', 3: 'SPC', 4: 'SPC-2', 5: 'SPC-3', 6: 'SPC-4', 7: 'SPC-5' } as const;

/** Byte 0 of INQUIRY and every VPD page. */
export const peripheral = () => [bits('peripheralQualifier', 0, [7, 5], { names: PeripheralQualifier }), bits('peripheralDeviceType', 0, [4, 0], { hex: true })] as const;

/** Bytes 0..57 of the standard data; obsolete bits are held to 0 as reserved. */
export const InquiryHeader = defineStruct('INQUIRY data', [
  ...peripheral(), flag('rmb', 1, 7), flag('luCong', 1, 6), reservedBits(1, 0x3f),
  u8('version', 2, { names: InquiryVersion, open: true, hex: true }),
  reservedBits(3, 0xc0), flag('normaca', 3, 5), flag('hisup', 3, 4), bits('responseDataFormat', 3, [3, 0], { fixed: 2 }),
  u8('additionalLength', 4),
  flag('sccs', 5, 7), flag('acc', 5, 6), bits('tpgs', 5, [5, 4]), flag('threePc', 5, 3), reservedBits(5, 0x06), flag('protect', 5, 0),
  reservedBits(6, 0x8e), flag('encserv', 6, 6), flag('vs6', 6, 5), flag('multip', 6, 4), flag('addr16', 6, 0),
  reservedBits(7, 0xcc), flag('wbus16', 7, 5), flag('sync', 7, 4), flag('cmdQue', 7, 1), flag('vs7', 7, 0),
  ascii('vendorIdentification', 8, 8), ascii('productIdentification', 16, 16), ascii('productRevisionLevel', 32, 4),
  bytes('vendorSpecific', 36, 20), reservedBits(56, 0xf0), bits('clocking', 56, [3, 2]), flag('qas', 56, 1), flag('ius', 56, 0), ...reserved(57, 1),
] as const, 58);

/** One VERSION DESCRIPTOR (e.g. 0x0960 iSCSI, 0x0460 SPC-4, 0x04C0 SBC-3). */
export const VersionDescriptor = defineStruct('version descriptor', [u16('code', 0, { hex: true })] as const, 2);

/** Standard INQUIRY data: ADDITIONAL LENGTH counts from byte 5; at least 36 bytes in all (SPC-4). */
export const InquiryData = defineListData(InquiryHeader, VersionDescriptor, 'spc4/inquiry', {
  length: 'additionalLength', countsFrom: 5, rule: 'scsi/inquiry', maxItems: 8, minTotal: 36,
});
