// A tiny RAM-backed ScsiDevice for the iSCSI layer's tests (the real SCSI layer lives in reference-target/scsi).
import type { Nexus, ScsiDevice, ScsiRequest, ScsiResult, ScsiReset } from '../scsi/device.js';

/** Fixed-format sense: key / ASC / ASCQ. */
export const senseOf = (key: number, asc: number, ascq = 0): Buffer => {
  const s = Buffer.alloc(18);
  s[0] = 0x70; s[2] = key; s[7] = 10; s[12] = asc; s[13] = ascq;
  return s;
};

/** What the fake saw, for assertions. */
export interface FakeDeviceLog {
  executed: ScsiRequest[];
  resets: { kind: ScsiReset; lun?: bigint }[];
  lost: Nexus[];
}

/** READ/WRITE 10/16, TEST UNIT READY, INQUIRY, READ CAPACITY 10, REPORT LUNS on one LUN of `blocks` x 512 bytes. */
export function fakeDevice(blocks = 2048, opts: { delayMs?: number } = {}): ScsiDevice & { log: FakeDeviceLog; disk: Buffer } {
  const disk = Buffer.alloc(blocks * 512);
  const log: FakeDeviceLog = { executed: [], resets: [], lost: [] };
  const rw = (cdb: Buffer): { lba: number; n: number } | undefined => {
    if (cdb[0] === 0x28 || cdb[0] === 0x2a) return { lba: cdb.readUInt32BE(2), n: cdb.readUInt16BE(7) };
    if (cdb[0] === 0x88 || cdb[0] === 0x8a) return { lba: Number(cdb.readBigUInt64BE(2)), n: cdb.readUInt32BE(10) };
    return undefined;
  };
  const run = (req: ScsiRequest): ScsiResult => {
    const cdb = req.cdb;
    if (req.lun !== 0n) return { status: 2, sense: senseOf(5, 0x25) };
    const io = rw(cdb);
    if (io) {
      if (io.lba + io.n > blocks) return { status: 2, sense: senseOf(5, 0x21), transferLength: io.n * 512 };
      if (cdb[0] === 0x28 || cdb[0] === 0x88) return { status: 0, dataIn: Buffer.from(disk.subarray(io.lba * 512, (io.lba + io.n) * 512)) };
      req.dataOut.copy(disk, io.lba * 512);
      return { status: 0, transferLength: io.n * 512 };
    }
    switch (cdb[0]) {
      case 0x00: return { status: 0 };
      case 0x12: {
        const d = Buffer.alloc(36);
        d[2] = 6; d[3] = 2; d[4] = 31; d.write('FAKE    FAKEDISK        0001', 8, 'latin1');
        const alloc = cdb.readUInt16BE(3);
        return { status: 0, dataIn: d.subarray(0, alloc), transferLength: alloc };
      }
      case 0x25: {
        const d = Buffer.alloc(8);
        d.writeUInt32BE(blocks - 1, 0); d.writeUInt32BE(512, 4);
        return { status: 0, dataIn: d };
      }
      case 0xa0: {
        const d = Buffer.alloc(16);
        d.writeUInt32BE(8, 0);
        return { status: 0, dataIn: d.subarray(0, Math.min(16, cdb.readUInt32BE(6))) };
      }
      default: return { status: 2, sense: senseOf(5, 0x20) };
    }
  };
  return {
    disk, log,
    luns: () => [0n],
    dataOutLength: req => (req.cdb[0] === 0x2a || req.cdb[0] === 0x8a ? (rw(req.cdb)!.n * 512) : 0),
    execute: async req => {
      log.executed.push(req);
      if (opts.delayMs) await new Promise(r => setTimeout(r, opts.delayMs));
      return run(req);
    },
    reset: (kind, _n, lun) => { log.resets.push({ kind, ...(lun === undefined ? {} : { lun }) }); },
    nexusLost: n => { log.lost.push(n); },
    close: async () => {},
  };
}
