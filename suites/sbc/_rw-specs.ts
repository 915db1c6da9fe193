// The READ / WRITE / VERIFY / WRITE AND VERIFY (6, 10, 12, 16) commands as rows of one table, so that
// the family builders in _rw-rows.ts can send any of them with any LBA, length and byte-1 flags.
import * as C from '../../harness/scsi/commands/sbc-rw.js';

/** What a row asks of a command. */
export interface RwArgs { lba: bigint; len: number; dpo?: boolean; fua?: boolean; protect?: number; bytchk?: number }

/** One command of the family. */
export interface RwSpec {
  /** Section ID part and name: `read10`, `READ(10)`. */
  id: string;
  name: string;
  kind: 'read' | 'write' | 'verify' | 'wav';
  /** Width of the LBA field: 21 bits for the 6-byte forms. */
  lbaBits: 21 | 32 | 64;
  /** Most blocks TRANSFER LENGTH can name (256 for the 6-byte forms, where 0 means 256). */
  maxLen: number;
  /** The byte-1 protection field's name in SBC-3 (none in the 6-byte forms). */
  protect?: 'RDPROTECT' | 'WRPROTECT' | 'VRPROTECT';
  /** FUA exists in byte 1 (not in VERIFY / WRITE AND VERIFY, where only DPO is defined). */
  fua: boolean;
  /** A reserved bit to set: GROUP NUMBER byte bit 6, or byte 1 bits 7..5 of the 6-byte forms. */
  reserved: { byte: number; mask: number };
  encode(a: RwArgs): Buffer;
}

const lba32 = (a: RwArgs) => Number(a.lba & 0xffffffffn);
const six = (a: RwArgs) => ({ lbaHigh: Number((a.lba >> 16n) & 0x1fn), lbaLow: Number(a.lba & 0xffffn), transferLength: a.len & 0xff });
const rw = (a: RwArgs) => ({ dpo: a.dpo ?? false, fua: a.fua ?? false });
const vf = (a: RwArgs) => ({ dpo: a.dpo ?? false, bytchk: a.bytchk ?? 0 });

const base = (id: string, name: string, kind: RwSpec['kind'], lbaBits: RwSpec['lbaBits'], encode: RwSpec['encode'], extra: Partial<RwSpec> = {}): RwSpec => {
  const size = lbaBits === 21 ? 6 : lbaBits === 64 ? 16 : id.endsWith('12') ? 12 : 10;
  const group = size === 10 ? 6 : size === 12 ? 10 : 14;
  return {
    id, name, kind, lbaBits, encode, maxLen: lbaBits === 21 ? 256 : size === 10 ? 0xffff : 0xffffffff,
    fua: kind === 'read' || kind === 'write', reserved: size === 6 ? { byte: 1, mask: 0x20 } : { byte: group, mask: 0x40 },
    ...(size === 6 ? {} : { protect: kind === 'read' ? 'RDPROTECT' : kind === 'verify' ? 'VRPROTECT' : 'WRPROTECT' }),
    ...extra,
  };
};

export const Read6 = base('read6', 'READ(6)', 'read', 21, a => C.Read6.encode(six(a)));
export const Read10 = base('read10', 'READ(10)', 'read', 32, a => C.Read10.encode({ ...rw(a), rdprotect: a.protect ?? 0, lba: lba32(a), transferLength: a.len }));
export const Read12 = base('read12', 'READ(12)', 'read', 32, a => C.Read12.encode({ ...rw(a), rdprotect: a.protect ?? 0, lba: lba32(a), transferLength: a.len }));
export const Read16 = base('read16', 'READ(16)', 'read', 64, a => C.Read16.encode({ ...rw(a), rdprotect: a.protect ?? 0, lba: a.lba, transferLength: a.len }));
export const Write6 = base('write6', 'WRITE(6)', 'write', 21, a => C.Write6.encode(six(a)));
export const Write10 = base('write10', 'WRITE(10)', 'write', 32, a => C.Write10.encode({ ...rw(a), wrprotect: a.protect ?? 0, lba: lba32(a), transferLength: a.len }));
export const Write12 = base('write12', 'WRITE(12)', 'write', 32, a => C.Write12.encode({ ...rw(a), wrprotect: a.protect ?? 0, lba: lba32(a), transferLength: a.len }));
export const Write16 = base('write16', 'WRITE(16)', 'write', 64, a => C.Write16.encode({ ...rw(a), wrprotect: a.protect ?? 0, lba: a.lba, transferLength: a.len }));
export const Verify10 = base('verify10', 'VERIFY(10)', 'verify', 32, a => C.Verify10.encode({ ...vf(a), vrprotect: a.protect ?? 0, lba: lba32(a), verificationLength: a.len }));
export const Verify12 = base('verify12', 'VERIFY(12)', 'verify', 32, a => C.Verify12.encode({ ...vf(a), vrprotect: a.protect ?? 0, lba: lba32(a), verificationLength: a.len }));
export const Verify16 = base('verify16', 'VERIFY(16)', 'verify', 64, a => C.Verify16.encode({ ...vf(a), vrprotect: a.protect ?? 0, lba: a.lba, verificationLength: a.len }));
export const Wav10 = base('write-and-verify10', 'WRITE AND VERIFY(10)', 'wav', 32, a => C.WriteAndVerify10.encode({ ...vf(a), wrprotect: a.protect ?? 0, lba: lba32(a), transferLength: a.len }));
export const Wav12 = base('write-and-verify12', 'WRITE AND VERIFY(12)', 'wav', 32, a => C.WriteAndVerify12.encode({ ...vf(a), wrprotect: a.protect ?? 0, lba: lba32(a), transferLength: a.len }));
export const Wav16 = base('write-and-verify16', 'WRITE AND VERIFY(16)', 'wav', 64, a => C.WriteAndVerify16.encode({ ...vf(a), wrprotect: a.protect ?? 0, lba: a.lba, transferLength: a.len }));

/** The highest LBA the command's LBA field can hold. */
export const maxFieldLba = (s: RwSpec): bigint => (1n << BigInt(s.lbaBits)) - 1n;

/** Bytes of Data-Out the command moves for `len` blocks (VERIFY only with BYTCHK=1); 6-byte 0 means 256. */
export function dataOutBlocks(s: RwSpec, a: RwArgs): number {
  const len = s.lbaBits === 21 && a.len === 0 ? 256 : a.len;
  if (s.kind === 'write' || s.kind === 'wav') return len;
  if (s.kind === 'verify') return a.bytchk === 1 ? len : 0;
  return 0;
}
