// SBC-3 READ CAPACITY(10) and (16) parameter data. (checked: libiscsi readcapacity unmarshall)
import { bits, flag, reserved, reservedBits, u32, u64, u8 } from '../../codec/fields.js';
import { defineStruct } from '../../codec/struct.js';
import { defineFixedData } from './param.js';

/** READ CAPACITY(10): last LBA (0xFFFFFFFF = use the 16-byte form) and block length. */
export const ReadCapacity10Data = defineFixedData(defineStruct('READ CAPACITY(10) data', [
  u32('returnedLogicalBlockAddress', 0), u32('logicalBlockLength', 4),
] as const, 8), 'sbc3/read-capacity10', { rule: 'scsi/read-capacity10' });

/** READ CAPACITY(16): adds protection, physical-block exponent, provisioning bits, lowest aligned LBA. */
export const ReadCapacity16Data = defineFixedData(defineStruct('READ CAPACITY(16) data', [
  u64('returnedLogicalBlockAddress', 0), u32('logicalBlockLength', 8),
  reservedBits(12, 0xf0), bits('pType', 12, [3, 1]), flag('protEn', 12, 0),
  bits('piExponent', 13, [7, 4]), bits('lbppbe', 13, [3, 0]),
  flag('lbpme', 14, 7), flag('lbprz', 14, 6), bits('lowestAlignedLbaHigh', 14, [5, 0]), u8('lowestAlignedLbaLow', 15),
  ...reserved(16, 16),
] as const, 32), 'sbc3/read-capacity16', { rule: 'scsi/read-capacity16' });

/** LOWEST ALIGNED LOGICAL BLOCK ADDRESS from its two parts (14 bits). */
export const lowestAlignedLba = (v: { lowestAlignedLbaHigh: number; lowestAlignedLbaLow: number }) => (v.lowestAlignedLbaHigh << 8) | v.lowestAlignedLbaLow;
