// SBC-3 capacity, WRITE SAME, UNMAP, SYNCHRONIZE CACHE, START STOP, PREVENT ALLOW, COMPARE AND
// WRITE and GET LBA STATUS CDBs. (checked: libiscsi CDB builders; positions as in SCSI-NOTES §7)
import { bits, flag, reserved, reservedBits, u16, u32, u64, u8 } from '../../codec/fields.js';
import { defineCdb } from '../cdb.js';
import { groupByte } from '../cdb-fields.js';

/** READ CAPACITY(10) 0x25: LBA and PMI are obsolete; PMI=0 needs LBA 0 (tgt answers 24/00). */
export const ReadCapacity10 = defineCdb({
  name: 'READ CAPACITY(10)', opcode: 0x25, ref: 'sbc3/read-capacity10', direction: 'read', destructive: false,
  fields: [reservedBits(1, 0xff), u32('lba', 2), ...reserved(6, 2), reservedBits(8, 0xfe), flag('pmi', 8, 0)],
  transferLength: () => 8,
  rules: [{ id: 'read-capacity-lba-without-pmi', field: 'lba', message: 'LOGICAL BLOCK ADDRESS must be 0 when PMI is 0', ok: v => v.pmi || v.lba === 0 }],
});

/** READ CAPACITY(16): SERVICE ACTION IN(16) 0x9E / SA 0x10; allocation length bytes 10..13. */
export const ReadCapacity16 = defineCdb({
  name: 'READ CAPACITY(16)', opcode: 0x9e, serviceAction: 0x10, ref: 'sbc3/read-capacity16', direction: 'read', destructive: false,
  fields: [reservedBits(1, 0xe0), u64('lba', 2), u32('allocationLength', 10), reservedBits(14, 0xfe), flag('pmi', 14, 0)],
  transferLength: v => v.allocationLength,
  rules: [{ id: 'read-capacity-lba-without-pmi', field: 'lba', message: 'LOGICAL BLOCK ADDRESS must be 0 when PMI is 0', ok: v => v.pmi || v.lba === 0n }],
});

/** GET LBA STATUS: SERVICE ACTION IN(16) 0x9E / SA 0x12. Byte 14 reserved (SBC-4 REPORT TYPE unverified). */
export const GetLbaStatus = defineCdb({
  name: 'GET LBA STATUS', opcode: 0x9e, serviceAction: 0x12, ref: 'sbc3/get-lba-status', direction: 'read', destructive: false,
  fields: [reservedBits(1, 0xe0), u64('lba', 2), u32('allocationLength', 10), ...reserved(14, 1)],
  transferLength: v => v.allocationLength, lba: v => v.lba,
});

/** WRITE SAME byte 1: WRPROTECT, ANCHOR, UNMAP, PBDATA, LBDATA; bit 0 is NDOB in the 16-byte form only. */
const wsByte1 = (ndob: boolean) => [
  bits('wrprotect', 1, [7, 5]), flag('anchor', 1, 4), flag('unmap', 1, 3), flag('pbdata', 1, 2), flag('lbdata', 1, 1),
  ndob ? flag('ndob', 1, 0) : reservedBits(1, 0x01),
] as const;
/** PBDATA and LBDATA together are an invalid request (SBC-3; tgt rejects it). */
const wsRule = { id: 'write-same-pbdata-lbdata', field: 'lbdata', message: 'PBDATA and LBDATA are both set', ok: (v: { pbdata: boolean; lbdata: boolean }) => !(v.pbdata && v.lbdata) };

/** WRITE SAME(10) 0x41: one block of Data-Out written to the whole range. */
export const WriteSame10 = defineCdb({
  name: 'WRITE SAME(10)', opcode: 0x41, ref: 'sbc3/write-same10', direction: 'write', destructive: true,
  fields: [...wsByte1(false), u32('lba', 2), ...groupByte(6), u16('numberOfBlocks', 7)],
  transferLength: (_v, bs) => bs, lba: v => BigInt(v.lba), blocks: v => v.numberOfBlocks, rules: [wsRule],
});

/** WRITE SAME(16) 0x93: NDOB=1 sends no Data-Out. */
export const WriteSame16 = defineCdb({
  name: 'WRITE SAME(16)', opcode: 0x93, ref: 'sbc3/write-same16', direction: 'write', destructive: true,
  fields: [...wsByte1(true), u64('lba', 2), u32('numberOfBlocks', 10), ...groupByte(14)],
  transferLength: (v, bs) => v.ndob ? 0 : bs, lba: v => v.lba, blocks: v => v.numberOfBlocks, rules: [wsRule],
});

/** UNMAP 0x42: the ranges travel in the parameter list (see data/unmap.ts). */
export const Unmap = defineCdb({
  name: 'UNMAP', opcode: 0x42, ref: 'sbc3/unmap', direction: 'write', destructive: true,
  fields: [reservedBits(1, 0xfe), flag('anchor', 1, 0), ...reserved(2, 4), ...groupByte(6), u16('parameterListLength', 7)],
  transferLength: v => v.parameterListLength,
});

/** SYNCHRONIZE CACHE byte 1: SYNC_NV 2 (obsolete later), IMMED 1, others reserved. */
const syncByte1 = [reservedBits(1, 0xf9), flag('syncNv', 1, 2), flag('immed', 1, 1)] as const;

/** SYNCHRONIZE CACHE(10) 0x35; NUMBER OF LOGICAL BLOCKS 0 = to the last LBA. */
export const SynchronizeCache10 = defineCdb({
  name: 'SYNCHRONIZE CACHE(10)', opcode: 0x35, ref: 'sbc3/synchronize-cache10', direction: 'none', destructive: false,
  fields: [...syncByte1, u32('lba', 2), ...groupByte(6), u16('numberOfBlocks', 7)],
  lba: v => BigInt(v.lba), blocks: v => v.numberOfBlocks,
});

/** SYNCHRONIZE CACHE(16) 0x91. */
export const SynchronizeCache16 = defineCdb({
  name: 'SYNCHRONIZE CACHE(16)', opcode: 0x91, ref: 'sbc3/synchronize-cache16', direction: 'none', destructive: false,
  fields: [...syncByte1, u64('lba', 2), u32('numberOfBlocks', 10), ...groupByte(14)],
  lba: v => v.lba, blocks: v => v.numberOfBlocks,
});

/** START STOP UNIT 0x1B; destructive because LOEJ can eject the medium. (checked: libiscsi scsi_cdb_startstopunit) */
export const StartStopUnit = defineCdb({
  name: 'START STOP UNIT', opcode: 0x1b, ref: 'sbc3/start-stop-unit', direction: 'none', destructive: true,
  fields: [reservedBits(1, 0xfe), flag('immed', 1, 0), ...reserved(2, 1), reservedBits(3, 0xf0), bits('powerConditionModifier', 3, [3, 0]),
    bits('powerCondition', 4, [7, 4]), reservedBits(4, 0x08), flag('noFlush', 4, 2), flag('loej', 4, 1), flag('start', 4, 0)],
});

/** PREVENT ALLOW MEDIUM REMOVAL 0x1E: PREVENT 0 allow, 1 prevent; 2 and 3 are obsolete for block devices. */
export const PreventAllowMediumRemoval = defineCdb({
  name: 'PREVENT ALLOW MEDIUM REMOVAL', opcode: 0x1e, ref: 'sbc3/prevent-allow-medium-removal', direction: 'none', destructive: false,
  fields: [...reserved(1, 3), reservedBits(4, 0xfc), bits('prevent', 4, [1, 0], { names: { 0: 'allow', 1: 'prevent' } })],
});

/** COMPARE AND WRITE 0x89: Data-Out is the verify blocks then the write blocks (2 x blocks). */
export const CompareAndWrite = defineCdb({
  name: 'COMPARE AND WRITE', opcode: 0x89, ref: 'sbc3/compare-and-write', direction: 'write', destructive: true,
  fields: [bits('wrprotect', 1, [7, 5]), flag('dpo', 1, 4), flag('fua', 1, 3), reservedBits(1, 0x05), flag('fuaNv', 1, 1),
    u64('lba', 2), ...reserved(10, 3), u8('numberOfBlocks', 13), ...groupByte(14)],
  transferLength: (v, bs) => 2 * v.numberOfBlocks * bs, lba: v => v.lba, blocks: v => v.numberOfBlocks,
});
