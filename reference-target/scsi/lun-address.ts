// SAM-5 LUN addressing for the 8-byte LUN field: peripheral device (LUN < 256) and flat space (< 16384).
// A local helper: harness/scsi's LUN helpers were not committed when this layer was written.

/** The LUN number an 8-byte LUN addresses, or undefined when it uses another addressing method or a second level. */
export function lunNumber(lun: bigint): number | undefined {
  if ((lun & 0xffffffffffffn) !== 0n) return undefined;
  const top = Number((lun >> 48n) & 0xffffn);
  const method = top >> 14;
  if (method === 0) return (top >> 8) === 0 ? top & 0xff : undefined;
  if (method === 1) return top & 0x3fff;
  return undefined;
}

/** The 8-byte form tgt and most targets report: peripheral below 256, flat space above (SCSI-NOTES, REPORT LUNS). */
export function lunField(n: number): bigint {
  const top = n < 256 ? n : 0x4000 | (n & 0x3fff);
  return BigInt(top) << 48n;
}
