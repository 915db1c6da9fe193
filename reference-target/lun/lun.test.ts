// RAM and file backends: data written is data read, sparse allocation, unmap reads zeros, provisioning runs.
import { mkdtemp, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LunBackend } from './backend.js';
import { openLun } from './index.js';
import { RamLun } from './ram.js';

let dir = '';
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'lun-test-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const kinds = [
  ['ram', 512], ['ram', 4096], ['file', 512], ['file', 4096],
] as const;
let n = 0;
async function make(backing: 'ram' | 'file', blockSize: 512 | 4096, size = 2 * 1024 * 1024): Promise<LunBackend> {
  return openLun({ lun: 0, backing, blockSize, size, path: join(dir, `lun${n++}.img`) });
}

describe.each(kinds)('%s LUN, %i-byte blocks', (backing, blockSize) => {
  it('reads back what was written, across chunk boundaries', async () => {
    const lun = await make(backing, blockSize);
    expect(lun.blocks).toBe(2 * 1024 * 1024 / blockSize);
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: lun.blocks - 1 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 255 }), async (lba, count, seed) => {
      const blocks = Math.min(count, lun.blocks - lba);
      const data = Buffer.alloc(blocks * blockSize, 0).map((_, i) => (i * 7 + seed) & 0xff) as Buffer;
      await lun.write(lba, Buffer.from(data));
      expect((await lun.read(lba, blocks)).equals(Buffer.from(data))).toBe(true);
      expect(lun.provisioning(lba, blocks)).toEqual({ lba, blocks, mapped: true });
    }), { numRuns: 25 });
    await lun.close();
  });

  it('never-written blocks read as zeros and are reported unmapped', async () => {
    const lun = await make(backing, blockSize);
    expect((await lun.read(10, 3)).equals(Buffer.alloc(3 * blockSize))).toBe(true);
    expect(lun.provisioning(0, lun.blocks)).toEqual({ lba: 0, blocks: lun.blocks, mapped: false });
    await lun.close();
  });

  it('unmap zeroes the range and splits the provisioning runs', async () => {
    const lun = await make(backing, blockSize);
    await lun.write(0, Buffer.alloc(10 * blockSize, 0xab));
    await lun.unmap(3, 4);
    const back = await lun.read(0, 10);
    expect(back.subarray(0, 3 * blockSize).every(x => x === 0xab)).toBe(true);
    expect(back.subarray(3 * blockSize, 7 * blockSize).every(x => x === 0)).toBe(true);
    expect(back.subarray(7 * blockSize).every(x => x === 0xab)).toBe(true);
    expect(lun.provisioning(0, 100)).toEqual({ lba: 0, blocks: 3, mapped: true });
    expect(lun.provisioning(3, 100)).toEqual({ lba: 3, blocks: 4, mapped: false });
    expect(lun.provisioning(7, 100)).toEqual({ lba: 7, blocks: 3, mapped: true });
    expect(lun.provisioning(10, 5)).toEqual({ lba: 10, blocks: 5, mapped: false });
    await lun.flush();
    await lun.close();
  });
});

describe('sparse allocation', () => {
  it('a 1 GiB RAM LUN allocates only the chunks it was written in, and frees them on unmap', async () => {
    const lun = new RamLun(2 * 1024 * 1024, 512);
    expect(lun.allocatedBytes()).toBe(0);
    await lun.write(1_000_000, Buffer.alloc(512, 1));
    expect(lun.allocatedBytes()).toBe(128 * 512);
    await lun.unmap(1_000_000, 1);
    expect(lun.allocatedBytes()).toBe(0);
  });

  it('a file LUN is created at full size without writing data, and reopening keeps the data', async () => {
    const path = join(dir, 'sparse.img');
    const lun = await openLun({ lun: 0, backing: 'file', path, size: 64 * 1024 * 1024, blockSize: 4096 });
    await lun.write(5, Buffer.alloc(4096, 0x5a));
    await lun.close();
    const st = await stat(path);
    expect(st.size).toBe(64 * 1024 * 1024);
    expect(st.blocks * 512).toBeLessThan(1024 * 1024);
    const again = await openLun({ lun: 0, backing: 'file', path, size: 64 * 1024 * 1024, blockSize: 4096 });
    expect((await again.read(5, 1)).every(x => x === 0x5a)).toBe(true);
    await again.close();
  });

  it('a file cut short behind our back reads as zeros past its end, small (sync) and large (async) reads alike', async () => {
    const path = join(dir, 'cut.img');
    const lun = await openLun({ lun: 0, backing: 'file', path, size: 4 * 1024 * 1024, blockSize: 4096 });
    await lun.write(0, Buffer.alloc(4 * 1024 * 1024, 0x77));
    await truncate(path, 4096 + 512);
    const small = await lun.read(0, 4);
    expect(small.subarray(0, 4096 + 512).every(x => x === 0x77)).toBe(true);
    expect(small.subarray(4096 + 512).every(x => x === 0)).toBe(true);
    const large = await lun.read(0, 256);
    expect(large.subarray(4096 + 512).every(x => x === 0)).toBe(true);
    await lun.close();
  });
});
