// Sparse record of which blocks are mapped: one bitset per chunk, allocated on first write, so a
// 1 GiB LUN that was never written costs a Map and nothing else.
import type { ProvisioningRun } from './backend.js';

/** Blocks covered by one bitset (power of two keeps the index arithmetic cheap). */
export const BLOCKS_PER_CHUNK = 1024;

/** Which blocks hold data; everything starts unmapped (deallocated). */
export class ProvisionMap {
  private readonly chunks = new Map<number, Uint8Array>();

  constructor(readonly blocks: number) {}

  /** Marks `[lba, lba+count)` mapped or unmapped. */
  set(lba: number, count: number, mapped: boolean): void {
    for (let b = lba, end = lba + count; b < end;) {
      const c = Math.floor(b / BLOCKS_PER_CHUNK), first = b - c * BLOCKS_PER_CHUNK;
      const n = Math.min(end - b, BLOCKS_PER_CHUNK - first);
      let bits = this.chunks.get(c);
      if (!bits) {
        if (!mapped) { b += n; continue; }
        bits = new Uint8Array(BLOCKS_PER_CHUNK / 8);
        this.chunks.set(c, bits);
      }
      for (let i = first; i < first + n; i++) {
        if (mapped) bits[i >> 3] |= 1 << (i & 7); else bits[i >> 3] &= ~(1 << (i & 7));
      }
      if (!mapped && bits.every(x => x === 0)) this.chunks.delete(c);
      b += n;
    }
  }

  /** True when block `lba` is mapped. */
  get(lba: number): boolean {
    const c = Math.floor(lba / BLOCKS_PER_CHUNK), i = lba - c * BLOCKS_PER_CHUNK;
    const bits = this.chunks.get(c);
    return bits !== undefined && (bits[i >> 3] & (1 << (i & 7))) !== 0;
  }

  /** True when no block of chunk `c` is mapped (lets RAM drop the chunk's data). */
  chunkEmpty(c: number): boolean {
    return !this.chunks.has(c);
  }

  /** The run of equal state starting at `lba`, at most `max` blocks and not past the end. */
  run(lba: number, max: number): ProvisioningRun {
    const mapped = this.get(lba);
    const limit = Math.min(this.blocks, lba + max);
    let b = lba + 1;
    while (b < limit) {
      const c = Math.floor(b / BLOCKS_PER_CHUNK);
      // Whole absent chunks are unmapped: skip them at once instead of bit by bit.
      if (!mapped && b % BLOCKS_PER_CHUNK === 0 && this.chunkEmpty(c)) { b += BLOCKS_PER_CHUNK; continue; }
      if (this.get(b) !== mapped) break;
      b++;
    }
    return { lba, blocks: Math.min(b, limit) - lba, mapped };
  }

  /** Number of mapped blocks (tests and diagnostics). */
  mappedCount(): number {
    let n = 0;
    for (const bits of this.chunks.values()) for (const x of bits) { let y = x; while (y) { n += y & 1; y >>= 1; } }
    return n;
  }
}
