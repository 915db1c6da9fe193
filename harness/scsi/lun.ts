// SAM-5 8-byte LUN: peripheral (LUN < 256) and flat space (LUN < 16384) addressing, as bigint
// because the iSCSI BHS codec carries the LUN field as a u64 bigint. (checked: tgt REPORT LUNS)

/** Address methods in byte 0 bits 7..6. */
export const AddressMethod = { peripheral: 0, flat: 1, logicalUnit: 2, extended: 3 } as const;

/** Largest LUN each single-level method can carry. */
export const MAX_PERIPHERAL_LUN = 0xff;
/** Flat space addressing has 14 bits. */
export const MAX_FLAT_LUN = 0x3fff;

/**
 * The 8-byte LUN for LUN number `n`: peripheral addressing below 256 (byte 0 = 0, byte 1 = n),
 * flat space addressing up to 16383 (byte 0 = 0x40 | n >> 8), second to fourth levels zero.
 */
export function lunFromNumber(n: number): bigint {
  if (!Number.isInteger(n) || n < 0 || n > MAX_FLAT_LUN) throw new RangeError(`LUN ${n} is outside 0..${MAX_FLAT_LUN}`);
  const first = n <= MAX_PERIPHERAL_LUN ? n : 0x4000 | n;
  return BigInt(first) << 48n;
}

/** The LUN number of a single-level peripheral or flat LUN; undefined for anything else. */
export function lunToNumber(lun: bigint): number | undefined {
  if ((lun & 0xffffffffffffn) !== 0n) return undefined; // second..fourth level: not a single-level LUN
  const first = Number(lun >> 48n) & 0xffff;
  const method = first >> 14;
  if (method === AddressMethod.peripheral) return (first >> 8) === 0 ? first & 0xff : undefined; // bus identifier must be 0
  if (method === AddressMethod.flat) return first & 0x3fff;
  return undefined;
}

/** LUN as 8 bytes (REPORT LUNS entries). */
export function lunToBytes(lun: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt.asUintN(64, lun));
  return b;
}

/** LUN from 8 bytes at `off`. */
export const lunFromBytes = (b: Uint8Array, off = 0): bigint => Buffer.from(b.buffer, b.byteOffset + off, 8).readBigUInt64BE(0);

/** Short text: the number when single-level, else the 16 hex digits. */
export function lunText(lun: bigint): string {
  const n = lunToNumber(lun);
  return n === undefined ? `0x${lun.toString(16).padStart(16, '0')}` : String(n);
}
