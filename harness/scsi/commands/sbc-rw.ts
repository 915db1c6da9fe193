// SBC-3 READ / WRITE (6, 10, 12, 16), VERIFY and WRITE AND VERIFY (10, 12, 16) CDBs.
// (checked: libiscsi CDB builders and scsi_*_cdb_unmarshall; WRITE AND VERIFY: scsi_cdb_writeverify*)
import { bits, flag, reservedBits, u16, u32, u64, u8 } from '../../codec/fields.js';
import { defineCdb } from '../cdb.js';
import { bytchk, bytchkBytes, groupByte, rwByte1 } from '../cdb-fields.js';

/** READ(6)/WRITE(6) LBA is 21 bits: byte 1 bits 4..0 then bytes 2..3. */
const lba21 = [reservedBits(1, 0xe0), bits('lbaHigh', 1, [4, 0]), u16('lbaLow', 2)] as const;
const lba6 = (v: { lbaHigh: number; lbaLow: number }) => BigInt(v.lbaHigh * 0x10000 + v.lbaLow);
/** TRANSFER LENGTH 0 in the 6-byte forms means 256 blocks (SBC-3). */
const blocks6 = (v: { transferLength: number }) => v.transferLength === 0 ? 256 : v.transferLength;

/** READ(6) 0x08. */
export const Read6 = defineCdb({
  name: 'READ(6)', opcode: 0x08, ref: 'sbc3/read6', direction: 'read', destructive: false,
  fields: [...lba21, u8('transferLength', 4)],
  transferLength: (v, bs) => blocks6(v) * bs, lba: lba6, blocks: blocks6,
});

/** WRITE(6) 0x0A. */
export const Write6 = defineCdb({
  name: 'WRITE(6)', opcode: 0x0a, ref: 'sbc3/write6', direction: 'write', destructive: true,
  fields: [...lba21, u8('transferLength', 4)],
  transferLength: (v, bs) => blocks6(v) * bs, lba: lba6, blocks: blocks6,
});

/** READ(10) 0x28. */
export const Read10 = defineCdb({
  name: 'READ(10)', opcode: 0x28, ref: 'sbc3/read10', direction: 'read', destructive: false,
  fields: [...rwByte1('rdprotect', true), u32('lba', 2), ...groupByte(6), u16('transferLength', 7)],
  transferLength: (v, bs) => v.transferLength * bs, lba: v => BigInt(v.lba), blocks: v => v.transferLength,
});

/** WRITE(10) 0x2A. */
export const Write10 = defineCdb({
  name: 'WRITE(10)', opcode: 0x2a, ref: 'sbc3/write10', direction: 'write', destructive: true,
  fields: [...rwByte1('wrprotect', false), u32('lba', 2), ...groupByte(6), u16('transferLength', 7)],
  transferLength: (v, bs) => v.transferLength * bs, lba: v => BigInt(v.lba), blocks: v => v.transferLength,
});

/** READ(12) 0xA8. */
export const Read12 = defineCdb({
  name: 'READ(12)', opcode: 0xa8, ref: 'sbc3/read12', direction: 'read', destructive: false,
  fields: [...rwByte1('rdprotect', true), u32('lba', 2), u32('transferLength', 6), ...groupByte(10)],
  transferLength: (v, bs) => v.transferLength * bs, lba: v => BigInt(v.lba), blocks: v => v.transferLength,
});

/** WRITE(12) 0xAA. */
export const Write12 = defineCdb({
  name: 'WRITE(12)', opcode: 0xaa, ref: 'sbc3/write12', direction: 'write', destructive: true,
  fields: [...rwByte1('wrprotect', false), u32('lba', 2), u32('transferLength', 6), ...groupByte(10)],
  transferLength: (v, bs) => v.transferLength * bs, lba: v => BigInt(v.lba), blocks: v => v.transferLength,
});

/** READ(16) 0x88. */
export const Read16 = defineCdb({
  name: 'READ(16)', opcode: 0x88, ref: 'sbc3/read16', direction: 'read', destructive: false,
  fields: [...rwByte1('rdprotect', true), u64('lba', 2), u32('transferLength', 10), ...groupByte(14)],
  transferLength: (v, bs) => v.transferLength * bs, lba: v => v.lba, blocks: v => v.transferLength,
});

/** WRITE(16) 0x8A. */
export const Write16 = defineCdb({
  name: 'WRITE(16)', opcode: 0x8a, ref: 'sbc3/write16', direction: 'write', destructive: true,
  fields: [...rwByte1('wrprotect', false), u64('lba', 2), u32('transferLength', 10), ...groupByte(14)],
  transferLength: (v, bs) => v.transferLength * bs, lba: v => v.lba, blocks: v => v.transferLength,
});

/** Byte 1 of VERIFY / WRITE AND VERIFY: xPROTECT 7..5, DPO 4, bit 3 reserved, BYTCHK 2..1, bit 0 obsolete. */
const verifyByte1 = (protect: 'vrprotect' | 'wrprotect') => [bits(protect, 1, [7, 5]), flag('dpo', 1, 4), reservedBits(1, 0x09), bytchk()] as const;

/** VERIFY(10) 0x2F: Data-Out only when BYTCHK asks for a compare. */
export const Verify10 = defineCdb({
  name: 'VERIFY(10)', opcode: 0x2f, ref: 'sbc3/verify10', direction: 'write', destructive: false,
  fields: [...verifyByte1('vrprotect'), u32('lba', 2), ...groupByte(6), u16('verificationLength', 7)],
  transferLength: (v, bs) => bytchkBytes(v.bytchk, v.verificationLength, bs), lba: v => BigInt(v.lba), blocks: v => v.verificationLength,
});

/** VERIFY(12) 0xAF. */
export const Verify12 = defineCdb({
  name: 'VERIFY(12)', opcode: 0xaf, ref: 'sbc3/verify12', direction: 'write', destructive: false,
  fields: [...verifyByte1('vrprotect'), u32('lba', 2), u32('verificationLength', 6), ...groupByte(10)],
  transferLength: (v, bs) => bytchkBytes(v.bytchk, v.verificationLength, bs), lba: v => BigInt(v.lba), blocks: v => v.verificationLength,
});

/** VERIFY(16) 0x8F. */
export const Verify16 = defineCdb({
  name: 'VERIFY(16)', opcode: 0x8f, ref: 'sbc3/verify16', direction: 'write', destructive: false,
  fields: [...verifyByte1('vrprotect'), u64('lba', 2), u32('verificationLength', 10), ...groupByte(14)],
  transferLength: (v, bs) => bytchkBytes(v.bytchk, v.verificationLength, bs), lba: v => v.lba, blocks: v => v.verificationLength,
});

/** WRITE AND VERIFY data: every block, except BYTCHK 3 (SBC-4) which sends one block for all. */
const wavBytes = (b: number, blocks: number, bs: number) => b === 3 ? bs : blocks * bs;

/** WRITE AND VERIFY(10) 0x2E. */
export const WriteAndVerify10 = defineCdb({
  name: 'WRITE AND VERIFY(10)', opcode: 0x2e, ref: 'sbc3/write-and-verify10', direction: 'write', destructive: true,
  fields: [...verifyByte1('wrprotect'), u32('lba', 2), ...groupByte(6), u16('transferLength', 7)],
  transferLength: (v, bs) => wavBytes(v.bytchk, v.transferLength, bs), lba: v => BigInt(v.lba), blocks: v => v.transferLength,
});

/** WRITE AND VERIFY(12) 0xAE. */
export const WriteAndVerify12 = defineCdb({
  name: 'WRITE AND VERIFY(12)', opcode: 0xae, ref: 'sbc3/write-and-verify12', direction: 'write', destructive: true,
  fields: [...verifyByte1('wrprotect'), u32('lba', 2), u32('transferLength', 6), ...groupByte(10)],
  transferLength: (v, bs) => wavBytes(v.bytchk, v.transferLength, bs), lba: v => BigInt(v.lba), blocks: v => v.transferLength,
});

/** WRITE AND VERIFY(16) 0x8E. */
export const WriteAndVerify16 = defineCdb({
  name: 'WRITE AND VERIFY(16)', opcode: 0x8e, ref: 'sbc3/write-and-verify16', direction: 'write', destructive: true,
  fields: [...verifyByte1('wrprotect'), u64('lba', 2), u32('transferLength', 10), ...groupByte(14)],
  transferLength: (v, bs) => wavBytes(v.bytchk, v.transferLength, bs), lba: v => v.lba, blocks: v => v.transferLength,
});
