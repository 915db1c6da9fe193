// Test helpers: a small RAM device, nexuses, one-call command execution and sense field reading.
import type { LunSpec } from './scsi-device.js';
import { createScsiDevice } from './scsi-device.js';
import type { Nexus, ScsiDevice, ScsiResult } from './device.js';
import { lunField } from './lun-address.js';

/** A nexus for initiator `name` (ISID 1, TPGT 1). */
export function nexus(name = 'iqn.test:init1'): Nexus {
  return { key: `${name},i,0x000000000001,t,0x0001`, initiatorName: name, isid: 1, tpgt: 1 };
}
export const I1 = nexus('iqn.test:init1');
export const I2 = nexus('iqn.test:init2');

/** A device with one 1 MiB RAM LUN 0 (or the given LUNs), power-on UAs already drained for I1 and I2. */
export async function device(luns: LunSpec[] = [{ lun: 0, backing: 'ram', size: 1024 * 1024, blockSize: 512 }], faults: string[] = [], drain = true): Promise<ScsiDevice> {
  const dev = await createScsiDevice(luns, { faults: new Set(faults) });
  if (drain) for (const n of [I1, I2]) for (const l of luns) await run(dev, [0x00, 0, 0, 0, 0, 0], { nexus: n, lun: l.lun });
  return dev;
}

/** Options of one command. */
export interface RunOpts { nexus?: Nexus; lun?: number | bigint; data?: Buffer; edtl?: number }

/** Executes a CDB given as bytes (padded to 16 like the BHS CDB field). */
export function run(dev: ScsiDevice, cdb: number[] | Buffer, o: RunOpts = {}): Promise<ScsiResult> {
  const raw = Buffer.alloc(16);
  Buffer.from(cdb).copy(raw);
  const data = o.data ?? Buffer.alloc(0);
  return dev.execute({
    nexus: o.nexus ?? I1, lun: typeof o.lun === 'bigint' ? o.lun : lunField(o.lun ?? 0), cdb: raw, attr: 1,
    expectedDataTransferLength: o.edtl ?? (data.length || 65536), dataOut: data,
  });
}

/** Key/ASC/ASCQ (and field pointer) of fixed or descriptor sense. */
export function sense(r: ScsiResult): { key: number; asc: number; ascq: number; info?: bigint; sks?: { cd: boolean; byte: number; bit?: number } } {
  const s = r.sense;
  if (!s) throw new Error(`no sense, status 0x${r.status.toString(16)}`);
  const code = s[0] & 0x7f;
  const sksOf = (b: Buffer) => (b[0] & 0x80 ? { cd: (b[0] & 0x40) !== 0, byte: b.readUInt16BE(1), ...(b[0] & 0x08 ? { bit: b[0] & 7 } : {}) } : undefined);
  if (code === 0x70) {
    const sks = sksOf(s.subarray(15, 18));
    return { key: s[2] & 0xf, asc: s[12], ascq: s[13], ...(s[0] & 0x80 ? { info: BigInt(s.readUInt32BE(3)) } : {}), ...(sks ? { sks } : {}) };
  }
  const out: ReturnType<typeof sense> = { key: s[1] & 0xf, asc: s[2], ascq: s[3] };
  for (let at = 8; at + 2 <= s.length; at += 2 + s[at + 1]) {
    if (s[at] === 0x00) out.info = s.readBigUInt64BE(at + 4);
    if (s[at] === 0x02) { const k = sksOf(s.subarray(at + 4, at + 7)); if (k) out.sks = k; }
  }
  return out;
}

/** Big-endian CDB fields. */
export const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
export const be32 = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
export const be64 = (n: bigint) => [...be32(Number((n >> 32n) & 0xffffffffn)), ...be32(Number(n & 0xffffffffn))];

/** READ(16) / WRITE(16) CDBs. */
export const read16 = (lba: number | bigint, blocks: number, byte1 = 0) => [0x88, byte1, ...be64(BigInt(lba)), ...be32(blocks), 0, 0];
export const write16 = (lba: number | bigint, blocks: number, byte1 = 0) => [0x8a, byte1, ...be64(BigInt(lba)), ...be32(blocks), 0, 0];
export const read10 = (lba: number, blocks: number, byte1 = 0) => [0x28, byte1, ...be32(lba), 0, ...be16(blocks), 0];
export const write10 = (lba: number, blocks: number, byte1 = 0) => [0x2a, byte1, ...be32(lba), 0, ...be16(blocks), 0];
