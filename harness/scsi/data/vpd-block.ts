// SBC-3 VPD pages 0xB0 (block limits), 0xB1 (block device characteristics), 0xB2 (logical block
// provisioning). Positions from SCSI-NOTES (B0/B1 page length 0x3C unverified there; SBC-3 fixes it).
import { bits, bytes, flag, reserved, reservedBits, u16, u24, u32, u64, u8 } from '../../codec/fields.js';
import { defineStruct } from '../../codec/struct.js';
import { peripheral } from './inquiry.js';
import { defineFixedData } from './param.js';

/** VPD header with the PAGE LENGTH SBC fixes for the page (undefined: any). */
const head = (code: number, len?: number) => [...peripheral(), u8('pageCode', 1, { fixed: code, hex: true }), u16('pageLength', 2, len === undefined ? {} : { fixed: len })] as const;

/** 0xB0 Block limits; bytes 44..63 are SBC-4 atomic-write limits, kept raw (unverified layout). */
export const BlockLimits = defineFixedData(defineStruct('VPD B0', [
  ...head(0xb0, 0x3c), reservedBits(4, 0xfe), flag('wsnz', 4, 0), u8('maximumCompareAndWriteLength', 5),
  u16('optimalTransferLengthGranularity', 6), u32('maximumTransferLength', 8), u32('optimalTransferLength', 12),
  u32('maximumPrefetchLength', 16), u32('maximumUnmapLbaCount', 20), u32('maximumUnmapBlockDescriptorCount', 24),
  u32('optimalUnmapGranularity', 28), flag('ugavalid', 32, 7), bits('unmapGranularityAlignmentHigh', 32, [6, 0]), u24('unmapGranularityAlignmentLow', 33),
  u64('maximumWriteSameLength', 36), bytes('atomicLimits', 44, 20),
] as const, 64), 'sbc3/vpd-block-limits', { length: 'pageLength', countsFrom: 4, rule: 'scsi/vpd-b0' });

/** MEDIUM ROTATION RATE 1 = non-rotating (solid state); 0 = not reported. */
export const BlockDeviceCharacteristics = defineFixedData(defineStruct('VPD B1', [
  ...head(0xb1, 0x3c), u16('mediumRotationRate', 4), u8('productType', 6),
  bits('wabereq', 7, [7, 6]), bits('wacereq', 7, [5, 4]), bits('nominalFormFactor', 7, [3, 0]),
  reservedBits(8, 0xfc), flag('fuab', 8, 1), flag('vbuls', 8, 0), ...reserved(9, 55),
] as const, 64), 'sbc3/vpd-block-device-characteristics', { length: 'pageLength', countsFrom: 4, rule: 'scsi/vpd-b1' });

/** PROVISIONING TYPE: 0 full (or not reported), 1 resource, 2 thin. */
export const ProvisioningType = { 0: 'full', 1: 'resource', 2: 'thin' } as const;

/** 0xB2 Logical block provisioning; a provisioning group descriptor (DP=1) stays in `trailing`. */
export const LogicalBlockProvisioning = defineFixedData(defineStruct('VPD B2', [
  ...head(0xb2), u8('thresholdExponent', 4),
  flag('lbpu', 5, 7), flag('lbpws', 5, 6), flag('lbpws10', 5, 5), reservedBits(5, 0x18), flag('lbprz', 5, 2), flag('ancSup', 5, 1), flag('dp', 5, 0),
  reservedBits(6, 0xf8), bits('provisioningType', 6, [2, 0], { names: ProvisioningType }), ...reserved(7, 1),
] as const, 8), 'sbc3/vpd-logical-block-provisioning', { length: 'pageLength', countsFrom: 4, rule: 'scsi/vpd-b2' });
