// SBC-3 UNMAP parameter list and GET LBA STATUS parameter data: a header and 16-byte descriptors.
import { bits, reserved, reservedBits, u16, u32, u64 } from '../../codec/fields.js';
import { defineStruct, type StructValue } from '../../codec/struct.js';
import { violation, type Violation } from '../../violation.js';
import { defineListData } from './param.js';

const UnmapHeader = defineStruct('UNMAP parameter list header', [u16('unmapDataLength', 0), u16('blockDescriptorDataLength', 2), ...reserved(4, 4)] as const, 8);

/** UNMAP parameter list: the descriptor count comes from UNMAP BLOCK DESCRIPTOR DATA LENGTH. */
export const UnmapParameterList = defineListData(UnmapHeader,
  defineStruct('UNMAP block descriptor', [u64('lba', 0), u32('numberOfBlocks', 8), ...reserved(12, 4)] as const, 16),
  'sbc3/unmap', { length: 'blockDescriptorDataLength', countsFrom: 8, rule: 'scsi/unmap', minTotal: 8 });

/** UNMAP DATA LENGTH must be BLOCK DESCRIPTOR DATA LENGTH + 6 (bytes after byte 1). */
export function checkUnmapLengths(v: StructValue<typeof UnmapHeader.fields>): Violation[] {
  return v.unmapDataLength === v.blockDescriptorDataLength + 6 ? []
    : [violation('scsi/unmap-data-length', 'sbc3/unmap', `UNMAP DATA LENGTH is ${v.unmapDataLength}; expected ${v.blockDescriptorDataLength + 6}`, 'unmapDataLength')];
}

/** PROVISIONING STATUS names (SBC-3; names unverified). */
export const ProvisioningStatus = { 0: 'mapped', 1: 'deallocated', 2: 'anchored' } as const;

/** GET LBA STATUS data: PARAMETER DATA LENGTH counts from byte 4. */
export const LbaStatusData = defineListData(
  defineStruct('GET LBA STATUS header', [u32('parameterDataLength', 0), ...reserved(4, 4)] as const, 8),
  defineStruct('LBA status descriptor', [u64('lba', 0), u32('numberOfBlocks', 8), reservedBits(12, 0xf0), bits('provisioningStatus', 12, [3, 0], { names: ProvisioningStatus, open: true }), ...reserved(13, 3)] as const, 16),
  'sbc3/get-lba-status', { length: 'parameterDataLength', countsFrom: 4, rule: 'scsi/get-lba-status' });
