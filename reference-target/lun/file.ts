// File LUN: a sparse file sized to the LUN (created or extended on open); FUA and SYNCHRONIZE
// CACHE map to fdatasync. Unmapped blocks are zero-filled since Node cannot punch holes.
import { open, type FileHandle } from 'node:fs/promises';
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
    const out = Buffer.alloc(count * this.blockSize);
    let done = 0;
    while (done < out.length) {
      const { bytesRead } = await this.fh.read(out, done, out.length - done, lba * this.blockSize + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return out;
  }

  async write(lba: number, data: Buffer): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.fh.write(data, done, data.length - done, lba * this.blockSize + done);
      done += bytesWritten;
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
