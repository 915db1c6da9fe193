// CDBs for the session's convenience helpers (SPC-4/SBC-3 layouts). Kept minimal and local until harness/scsi's
// declarations are committed; then these become calls to their encode().

/** TEST UNIT READY (SPC-4 opcode 0x00). */
export const testUnitReadyCdb = (): Buffer => Buffer.alloc(6);

/** INQUIRY (0x12): EVPD bit, page code, 16-bit allocation length. */
export function inquiryCdb(o: { evpd?: boolean; page?: number; allocationLength?: number } = {}): Buffer {
  const b = Buffer.alloc(6);
  b[0] = 0x12;
  b[1] = o.evpd ? 1 : 0;
  b[2] = o.page ?? 0;
  b.writeUInt16BE(o.allocationLength ?? 255, 3);
  return b;
}

/** READ CAPACITY(16): SERVICE ACTION IN(16) 0x9e with service action 0x10, 32-bit allocation length. */
export function readCapacity16Cdb(allocationLength = 32): Buffer {
  const b = Buffer.alloc(16);
  b[0] = 0x9e;
  b[1] = 0x10;
  b.writeUInt32BE(allocationLength, 10);
  return b;
}

/** REPORT LUNS (0xa0): select report, 32-bit allocation length at byte 6. */
export function reportLunsCdb(allocationLength = 4096, selectReport = 0): Buffer {
  const b = Buffer.alloc(12);
  b[0] = 0xa0;
  b[2] = selectReport;
  b.writeUInt32BE(allocationLength, 6);
  return b;
}

/** READ(10) 0x28 / WRITE(10) 0x2a: 32-bit LBA at 2, 16-bit transfer length (blocks) at 7. */
export function rw10Cdb(op: 'read' | 'write', lba: number, blocks: number): Buffer {
  const b = Buffer.alloc(10);
  b[0] = op === 'read' ? 0x28 : 0x2a;
  b.writeUInt32BE(lba >>> 0, 2);
  b.writeUInt16BE(blocks, 7);
  return b;
}

/** READ(16) 0x88 / WRITE(16) 0x8a: 64-bit LBA at 2, 32-bit transfer length (blocks) at 10. */
export function rw16Cdb(op: 'read' | 'write', lba: bigint, blocks: number): Buffer {
  const b = Buffer.alloc(16);
  b[0] = op === 'read' ? 0x88 : 0x8a;
  b.writeBigUInt64BE(lba, 2);
  b.writeUInt32BE(blocks >>> 0, 10);
  return b;
}

/** The 8-byte LUN field for a LUN number (SAM: peripheral addressing below 256, flat space addressing above). */
export const samLun = (lun: number): bigint => (lun < 256 ? BigInt(lun) << 48n : BigInt(0x4000 | lun) << 48n);

/** READ CAPACITY(16) parameter data: last LBA and block length (SBC-3). */
export function parseReadCapacity16(d: Buffer): { lastLba: bigint; blockLength: number } | undefined {
  return d.length >= 12 ? { lastLba: d.readBigUInt64BE(0), blockLength: d.readUInt32BE(8) } : undefined;
}
