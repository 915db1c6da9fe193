// SBC PRE-FETCH (10, 16), READ DEFECT DATA (10, 12) and ORWRITE (16) CDBs.
// (checked: libiscsi scsi_cdb_prefetch10/16, scsi_cdb_readdefectdata10/12, scsi_cdb_orwrite)
import { bits, flag, reserved, reservedBits, u16, u32, u64 } from '../../codec/fields.js';
import { defineCdb } from '../cdb.js';
import { groupByte, rwByte1 } from '../cdb-fields.js';

/** PRE-FETCH byte 1: IMMED is bit 1; bit 0 was RELADR (obsolete), so reserved like the rest. */
const prefetchByte1 = [reservedBits(1, 0xfd), flag('immed', 1, 1)] as const;

/** PRE-FETCH(10) 0x34 (SBC-4): PREFETCH LENGTH 0 means "from the LBA to the last block". */
export const PreFetch10 = defineCdb({
  name: 'PRE-FETCH(10)', opcode: 0x34, ref: 'sbc4/pre-fetch10', direction: 'none', destructive: false,
  fields: [...prefetchByte1, u32('lba', 2), ...groupByte(6), u16('prefetchLength', 7)],
  lba: v => BigInt(v.lba), blocks: v => v.prefetchLength,
});

/** PRE-FETCH(16) 0x90 (SBC-4): the GROUP NUMBER byte moves to 14. */
export const PreFetch16 = defineCdb({
  name: 'PRE-FETCH(16)', opcode: 0x90, ref: 'sbc4/pre-fetch16', direction: 'none', destructive: false,
  fields: [...prefetchByte1, u64('lba', 2), u32('prefetchLength', 10), ...groupByte(14)],
  lba: v => v.lba, blocks: v => v.prefetchLength,
});

/**
 * DEFECT LIST FORMAT (SBC-4): 0 short block, 1 extended bytes from index, 2 extended physical
 * sector, 3 long block, 4 bytes from index, 5 physical sector, 6 vendor specific; 7 is reserved.
 * (SBC-3 reserved 1 and 2; SBC-4 defined them, so a device server may accept them.)
 */
export const DefectListFormat = {
  0: 'short-block', 1: 'extended-bytes-from-index', 2: 'extended-physical-sector', 3: 'long-block',
  4: 'bytes-from-index', 5: 'physical-sector', 6: 'vendor-specific',
} as const;

/** REQ_PLIST (4), REQ_GLIST (3) and DEFECT LIST FORMAT (2..0) in byte `off`; bits 7..5 reserved. */
const defectRequest = (off: number) => [
  reservedBits(off, 0xe0), flag('reqPlist', off, 4), flag('reqGlist', off, 3),
  bits('defectListFormat', off, [2, 0], { names: DefectListFormat }),
] as const;

/** READ DEFECT DATA(10) 0x37 (SBC-4): request byte 2, ALLOCATION LENGTH bytes 7..8. */
export const ReadDefectData10 = defineCdb({
  name: 'READ DEFECT DATA(10)', opcode: 0x37, ref: 'sbc4/read-defect-data10', direction: 'read', destructive: false,
  fields: [...reserved(1, 1), ...defectRequest(2), ...reserved(3, 4), u16('allocationLength', 7)],
  transferLength: v => v.allocationLength,
});

/**
 * READ DEFECT DATA(12) 0xB7 (SBC-4): request byte 1, ADDRESS DESCRIPTOR INDEX 2..5,
 * ALLOCATION LENGTH 6..9. libiscsi's builder ORs the flags into byte 2 and then overwrites it with
 * the index, so it always sends them as zero; the layout here follows SBC-3/SBC-4, not that slip.
 */
export const ReadDefectData12 = defineCdb({
  name: 'READ DEFECT DATA(12)', opcode: 0xb7, ref: 'sbc4/read-defect-data12', direction: 'read', destructive: false,
  fields: [...defectRequest(1), u32('addressDescriptorIndex', 2), u32('allocationLength', 6), ...reserved(10, 1)],
  transferLength: v => v.allocationLength,
});

/**
 * ORWRITE(16) 0x8B (SBC-3): the Data-Out ORed into the blocks on the medium, read-modify-write as
 * one uninterrupted step. Byte 1 is laid out like WRITE(16)'s, with ORPROTECT for WRPROTECT.
 * (checked: libiscsi scsi_cdb_orwrite)
 */
export const OrWrite16 = defineCdb({
  name: 'ORWRITE(16)', opcode: 0x8b, ref: 'sbc3/orwrite16', direction: 'write', destructive: true,
  fields: [...rwByte1('orprotect', false), u64('lba', 2), u32('transferLength', 10), ...groupByte(14)],
  transferLength: (v, bs) => v.transferLength * bs, lba: v => v.lba, blocks: v => v.transferLength,
});
