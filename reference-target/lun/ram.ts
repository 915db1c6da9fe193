// RAM LUN: data lives in fixed-size chunks allocated on first write, so a large LUN costs nothing
// until it is written; unmapped blocks read as zeros (LBPRZ=1).
import type { LunBackend, ProvisioningRun } from './backend.js';
import { ProvisionMap } from './provision-map.js';

/** Blocks per data chunk: small enough that one stray write does not allocate megabytes. */
const DATA_BLOCKS = 128;

/** A thin-provisioned LUN held in memory. */
export class RamLun implements LunBackend {
  private readonly data = new Map<number, Buffer>();
  private readonly map: ProvisionMap;

  constructor(readonly blocks: number, readonly blockSize: number) {
    this.map = new ProvisionMap(blocks);
  }

  async read(lba: number, count: number): Promise<Buffer> {
    const out = Buffer.alloc(count * this.blockSize);
    this.each(lba, count, (chunk, first, n, at) => {
      const d = this.data.get(chunk);
      if (d) d.copy(out, at, first * this.blockSize, (first + n) * this.blockSize);
    });
    return out;
  }

  async write(lba: number, buf: Buffer): Promise<void> {
    const count = buf.length / this.blockSize;
    this.each(lba, count, (chunk, first, n, at) => {
      let d = this.data.get(chunk);
      if (!d) { d = Buffer.alloc(DATA_BLOCKS * this.blockSize); this.data.set(chunk, d); }
      buf.copy(d, first * this.blockSize, at, at + n * this.blockSize);
    });
    this.map.set(lba, count, true);
  }

  async unmap(lba: number, count: number): Promise<void> {
    this.map.set(lba, count, false);
    this.each(lba, count, (chunk, first, n) => {
      const d = this.data.get(chunk);
      if (!d) return;
      const start = chunk * DATA_BLOCKS;
      const stillUsed = this.map.run(start, DATA_BLOCKS);
      // Drop the chunk when none of its blocks stays mapped; otherwise zero just the range.
      if (!stillUsed.mapped && stillUsed.blocks >= Math.min(DATA_BLOCKS, this.blocks - start)) this.data.delete(chunk);
      else d.fill(0, first * this.blockSize, (first + n) * this.blockSize);
    });
  }

  provisioning(lba: number, max: number): ProvisioningRun {
    return this.map.run(lba, max);
  }

  /** Bytes of chunk memory in use (tests check that an untouched LUN costs nothing). */
  allocatedBytes(): number {
    return this.data.size * DATA_BLOCKS * this.blockSize;
  }

  async flush(): Promise<void> {}
  async close(): Promise<void> { this.data.clear(); }

  /** Calls `fn(chunk, firstBlockInChunk, blocks, byteOffsetInBuffer)` for each chunk piece of a range. */
  private each(lba: number, count: number, fn: (chunk: number, first: number, n: number, at: number) => void): void {
    for (let b = lba, end = lba + count; b < end;) {
      const chunk = Math.floor(b / DATA_BLOCKS), first = b - chunk * DATA_BLOCKS;
      const n = Math.min(end - b, DATA_BLOCKS - first);
      fn(chunk, first, n, (b - lba) * this.blockSize);
      b += n;
    }
  }
}
