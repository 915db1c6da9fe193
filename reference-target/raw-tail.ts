// The received bytes the framer has not yet turned into PDUs, so a refused PDU's header can still be quoted in a Reject.

/** Chunks at or after the framer's position, with their stream offsets. */
export class RawTail {
  private chunks: { at: number; buf: Buffer }[] = [];
  private end = 0;

  /** Records a chunk as it is handed to the framer. */
  push(buf: Buffer): void {
    this.chunks.push({ at: this.end, buf });
    this.end += buf.length;
  }

  /** Forgets chunks wholly before stream offset `pos`. */
  consumedTo(pos: number): void {
    while (this.chunks.length && this.chunks[0]!.at + this.chunks[0]!.buf.length <= pos) this.chunks.shift();
  }

  /** `len` bytes from stream offset `pos`, or undefined when they have not all arrived. */
  peek(pos: number, len: number): Buffer | undefined {
    if (pos + len > this.end) return undefined;
    const parts: Buffer[] = [];
    for (const c of this.chunks) {
      const s = Math.max(pos, c.at), e = Math.min(pos + len, c.at + c.buf.length);
      if (s < e) parts.push(c.buf.subarray(s - c.at, e - c.at));
    }
    const out = Buffer.concat(parts);
    return out.length === len ? out : undefined;
  }
}
