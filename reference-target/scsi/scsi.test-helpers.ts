// Test helpers: a small RAM device, nexuses, one-call command execution and sense field reading.
import { lunFromNumber } from '../../harness/scsi/lun.js';
import { decodeSense, senseFieldPointer, senseInformation } from '../../harness/scsi/sense.js';
import type { LunSpec } from './scsi-device.js';
import { createScsiDevice } from './scsi-device.js';
import type { Nexus, ScsiDevice, ScsiResult } from './device.js';

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
    nexus: o.nexus ?? I1, lun: typeof o.lun === 'bigint' ? o.lun : lunFromNumber(o.lun ?? 0), cdb: raw, attr: 1,
    expectedDataTransferLength: o.edtl ?? (data.length || 65536), dataOut: data,
  });
}

/** Key/ASC/ASCQ, INFORMATION and field pointer of fixed or descriptor sense, read with harness/scsi's decoder. */
export function sense(r: ScsiResult): { key: number; asc: number; ascq: number; info?: bigint; sks?: { cd: boolean; byte: number; bit?: number } } {
  if (!r.sense) throw new Error(`no sense, status 0x${r.status.toString(16)}`);
  const v = decodeSense(r.sense).value;
  const info = senseInformation(v);
  const p = senseFieldPointer(v);
  const sks = p && { cd: p.cd, byte: p.fieldPointer, ...(p.bpv ? { bit: p.bitPointer } : {}) };
  return { key: v.senseKey, asc: v.asc, ascq: v.ascq, ...(info !== undefined ? { info } : {}), ...(sks ? { sks } : {}) };
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
