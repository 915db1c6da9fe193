// Field groups that recur across CDB declarations (SBC-3 byte 1 protection/DPO/FUA, GROUP NUMBER byte).
import { bits, flag, reservedBits } from '../codec/fields.js';

/** GROUP NUMBER byte: bits 4..0, bits 7..5 reserved (SBC-3; bit 7 is MMC-only for the 12/16 forms). */
export const groupByte = (off: number) => [reservedBits(off, 0xe0), bits('groupNumber', off, [4, 0])] as const;

/**
 * Byte 1 of READ/WRITE(10/12/16) and ORWRITE(16): xPROTECT 7..5, DPO 4, FUA 3, RARC 2 (read only, SBC-3r35+),
 * FUA_NV 1 (SBC-3, obsolete later), bit 0 obsolete (RELADR) and so reserved.
 * (checked: libiscsi scsi_read12_cdb_unmarshall / scsi_write10_cdb_unmarshall)
 */
export const rwByte1 = (protect: 'rdprotect' | 'wrprotect' | 'orprotect', read: boolean) => [
  bits(protect, 1, [7, 5]), flag('dpo', 1, 4), flag('fua', 1, 3),
  ...(read ? [flag('rarc', 1, 2), reservedBits(1, 0x01)] as const : [reservedBits(1, 0x05)] as const),
  flag('fuaNv', 1, 1),
] as const;

/**
 * BYTCHK as SBC-4 widened it (bits 2..1): 0 no compare, 1 compare the Data-Out, 3 compare one
 * block against every block; 2 is reserved. SBC-3's one-bit BYTCHK (bit 1) reads as 0 or 1 here.
 */
export const bytchk = () => bits('bytchk', 1, [2, 1], { names: { 0: 'none', 1: 'compare', 3: 'one-block' } });

/** Data bytes a BYTCHK value asks for: none, every block, or one block (SBC-4). */
export const bytchkBytes = (b: number, blocks: number, bs: number) => b === 1 ? blocks * bs : b === 3 ? bs : 0;
