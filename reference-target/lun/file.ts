// File LUN: a sparse file sized to the LUN (created or extended on open); FUA and SYNCHRONIZE
// CACHE map to fdatasync. Unmapped blocks are zero-filled since Node cannot punch holes.
import { readSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/**
 * Transfers up to this size are done synchronously. On a page-cache hit (the common case for a test LUN) a 4 KiB
 * pread costs ~2 µs, while the thread-pool hop of the async API costs ~30 µs of CPU and a wake-up, which made the file
 * LUN 3x slower than tgtd at QD32 (bench/target-perf.ts). Larger transfers stay async so a cold disk cannot stall
 * every other session for long.
 */
const SYNC_MAX = 128 * 1024;
import type { LunBackend, ProvisioningRun } from './backend.js';
import { ProvisionMap } from './provision-map.js';

/** A LUN backed by a file; provisioning is tracked in memory (a fresh open sees existing data as mapped). */
export class FileLun implements LunBackend {
  private readonly map: ProvisionMap;

  private constructor(private readonly fh: FileHandle, readonly blocks: number, readonly blockSize: number) {
    this.map = new ProvisionMap(blocks);
  }

  /** Opens (creating if needed) `path` and grows it to `blocks * blockSize` without writing data. */
  static async open(path: string, blocks: number, blockSize: number): Promise<FileLun> {
    const fh = await open(path, 'a+').then(h => h.close()).then(() => open(path, 'r+'));
    const size = blocks * blockSize;
    const st = await fh.stat();
    if (st.size < size) await fh.truncate(size);
    const lun = new FileLun(fh, blocks, blockSize);
    // A file that already held data: its blocks count as mapped, which is the safe answer
    // (SBC allows "mapped" for blocks whose state is not known).
    if (st.size > 0) lun.map.set(0, Math.min(blocks, Math.ceil(st.size / blockSize)), true);
    return lun;
  }

  async read(lba: number, count: number): Promise<Buffer> {
    if (count * this.blockSize <= SYNC_MAX) return this.readNow(Buffer.allocUnsafe(count * this.blockSize), lba);
    const out = Buffer.alloc(count * this.blockSize);
    let done = 0;
    while (done < out.length) {
      const { bytesRead } = await this.fh.read(out, done, out.length - done, lba * this.blockSize + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return out;
  }

  private readNow(out: Buffer, lba: number): Buffer {
    let done = 0;
    while (done < out.length) {
      const n = readSync(this.fh.fd, out, done, out.length - done, lba * this.blockSize + done);
      if (n === 0) return out.fill(0, done); // past the end of a file shorter than the LUN: zeros
      done += n;
    }
    return out;
  }

  async write(lba: number, data: Buffer): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const at = lba * this.blockSize + done;
      done += data.length <= SYNC_MAX ? writeSync(this.fh.fd, data, done, data.length - done, at)
        : (await this.fh.write(data, done, data.length - done, at)).bytesWritten;
    }
    this.map.set(lba, data.length / this.blockSize, true);
  }

  async unmap(lba: number, count: number): Promise<void> {
    const zeros = Buffer.alloc(Math.min(count, 256) * this.blockSize);
    for (let b = lba, end = lba + count; b < end;) {
      const n = Math.min(end - b, 256);
      const run = this.map.run(b, n);
      // Skip writing zeros over a stretch that is already all unmapped (and so already zero).
      if (run.mapped || run.blocks < n) await this.write(b, zeros.subarray(0, n * this.blockSize));
      b += n;
    }
    this.map.set(lba, count, false);
  }

  provisioning(lba: number, max: number): ProvisioningRun {
    return this.map.run(lba, max);
  }

  async flush(): Promise<void> { await this.fh.datasync(); }
  async close(): Promise<void> { await this.fh.close(); }
}
