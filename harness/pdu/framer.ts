// Byte stream -> PDUs (RFC 7143 §11.2): split on the BHS lengths, check digests, refuse hostile lengths.
import { DecodeError } from '../errors.js';
import { crc32c } from './crc32c.js';
import { EMPTY_BUFFER, padLength } from './wire.js';

/** One PDU cut out of the stream; the Buffers share memory with the pushed chunks when they can. */
export interface FramedPdu {
  bhs: Buffer;
  ahs: Buffer;
  headerDigest: Buffer | null;
  /** DataSegmentLength bytes. */
  data: Buffer;
  /** The 0–3 bytes that pad the data segment to a 4-byte boundary. */
  pad: Buffer;
  dataDigest: Buffer | null;
  /** Stream offset of the PDU's first byte. */
  offset: number;
  /** 0 for the first PDU of the stream. */
  index: number;
  /** null when no digest was present or checked; false when any present digest is wrong. */
  digestOk: boolean | null;
}

/** Framer settings; digests follow login negotiation and may change with `setDigests`. */
export interface FramerOptions {
  headerDigest?: boolean;
  dataDigest?: boolean;
  /** Largest DataSegmentLength accepted (the negotiated MaxRecvDataSegmentLength); default 2^24-1. */
  maxDataSegmentLength?: number;
  /** Largest AHS in bytes (TotalAHSLength × 4); default 1020. */
  maxAhsLength?: number;
  /** Check digests when present; default true. */
  verifyDigests?: boolean;
  /** 'throw' (default) raises ERR_HEADER_DIGEST / ERR_DATA_DIGEST; 'mark' sets digestOk false (inspect). */
  onDigestError?: 'throw' | 'mark';
}

/** What a framing error knows about the PDU it happened in. */
export interface FrameErrorDetail {
  pduIndex: number;
  /** Stream offset of the PDU's first byte. */
  pduOffset: number;
  opcode: number;
  itt: number;
  /** For digest errors: the CRC32C computed over the covered bytes, and the one received. */
  expected?: number;
  actual?: number;
}

/** The stream cannot be framed, or a digest is wrong; `framed` holds PDUs completed earlier in the same push. */
export class FrameError extends DecodeError {
  framed: FramedPdu[] = [];
  constructor(message: string, offset: number, field: string, code: string, readonly detail: FrameErrorDetail) {
    super(message, offset, field, code);
  }
}

const hex8 = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
const hex2 = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;

/**
 * Splits a TCP byte stream into PDUs. `push` frames everything complete; `next` frames one PDU at a
 * time, so a caller can switch digests exactly after the final Login Response.
 */
export class Framer {
  private chunks: Buffer[] = [];
  private ci = 0; // first live chunk
  private head = 0; // offset into chunks[ci]
  private avail = 0;
  private pos = 0; // stream offset of the next unconsumed byte
  private index = 0;
  private hd: boolean;
  private dd: boolean;
  private maxDsl: number;
  private maxAhs: number;
  private readonly verify: boolean;
  private readonly mark: boolean;
  private failed: FrameError | null = null;
  // Lengths of the PDU whose BHS has been seen but whose body has not arrived; digest lengths
  // are added at completion so that setDigests still applies to it.
  private ahsLen = -1;
  private dsl = 0;

  constructor(opts: FramerOptions = {}) {
    this.hd = opts.headerDigest ?? false;
    this.dd = opts.dataDigest ?? false;
    this.maxDsl = opts.maxDataSegmentLength ?? 0xffffff;
    this.maxAhs = opts.maxAhsLength ?? 1020;
    this.verify = opts.verifyDigests ?? true;
    this.mark = opts.onDigestError === 'mark';
  }

  /** Bytes held that are not yet part of a returned PDU. */
  get buffered(): number {
    return this.avail;
  }

  /** Stream offset of the next byte not yet returned in a PDU. */
  get position(): number {
    return this.pos;
  }

  /** Switches digests for every PDU not yet returned (RFC 7143 §13.1: they start after login). */
  setDigests(d: { header: boolean; data: boolean }): void {
    this.hd = d.header;
    this.dd = d.data;
  }

  /** Changes the length caps, e.g. once MaxRecvDataSegmentLength is negotiated. */
  setLimits(l: { maxDataSegmentLength?: number; maxAhsLength?: number }): void {
    this.maxDsl = l.maxDataSegmentLength ?? this.maxDsl;
    this.maxAhs = l.maxAhsLength ?? this.maxAhs;
  }

  /** Appends bytes without framing them (use with `next`). */
  write(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.avail += chunk.length;
  }

  /** Appends bytes and returns every PDU now complete, in stream order. */
  push(chunk: Buffer): FramedPdu[] {
    this.write(chunk);
    const out: FramedPdu[] = [];
    try {
      for (let p = this.next(); p; p = this.next()) out.push(p);
    } catch (e) {
      if (e instanceof FrameError) e.framed = out;
      throw e;
    }
    return out;
  }

  /** The next complete PDU, or null when more bytes are needed. Length errors are sticky. */
  next(): FramedPdu | null {
    if (this.failed) throw this.failed;
    if (this.ahsLen < 0) {
      if (this.avail < 48) return null;
      this.readLengths();
    }
    const hd = this.hd ? 4 : 0;
    const pad = padLength(this.dsl);
    const dd = this.dd && this.dsl > 0 ? 4 : 0;
    const total = 48 + this.ahsLen + hd + this.dsl + pad + dd;
    if (this.avail < total) return null;
    const f = this.take(total);
    const ahsEnd = 48 + this.ahsLen;
    const dataStart = ahsEnd + hd;
    const dataEnd = dataStart + this.dsl;
    const padEnd = dataEnd + pad;
    const pdu: FramedPdu = {
      bhs: f.subarray(0, 48),
      ahs: this.ahsLen ? f.subarray(48, ahsEnd) : EMPTY_BUFFER,
      headerDigest: hd ? f.subarray(ahsEnd, dataStart) : null,
      data: this.dsl ? f.subarray(dataStart, dataEnd) : EMPTY_BUFFER,
      pad: pad ? f.subarray(dataEnd, padEnd) : EMPTY_BUFFER,
      dataDigest: dd ? f.subarray(padEnd, total) : null,
      offset: this.pos,
      index: this.index++,
      digestOk: null,
    };
    this.pos += total;
    this.ahsLen = -1;
    if (this.verify && (hd || dd)) {
      let ok = true;
      if (hd) ok = this.check(pdu, 'header', f.subarray(0, ahsEnd), f.readUInt32LE(ahsEnd));
      if (dd) ok = this.check(pdu, 'data', f.subarray(dataStart, padEnd), f.readUInt32LE(padEnd)) && ok;
      pdu.digestOk = ok;
    }
    return pdu;
  }

  /** Throws when the stream ends inside a PDU (the peer closed mid-PDU). */
  end(): void {
    if (this.failed) throw this.failed;
    if (this.avail === 0) return;
    const where = this.ahsLen < 0 ? 'inside its BHS' : `after ${this.avail} bytes`;
    throw new FrameError(
      `stream ended ${where} of PDU #${this.index} at stream offset ${this.pos}`,
      this.pos, 'BHS', 'ERR_PDU_TRUNCATED', { pduIndex: this.index, pduOffset: this.pos, opcode: -1, itt: -1 },
    );
  }

  private check(pdu: FramedPdu, which: 'header' | 'data', covered: Buffer, actual: number): boolean {
    const expected = crc32c(covered);
    if (expected === actual) return true;
    if (this.mark) return false;
    const op = pdu.bhs[0]! & 0x3f;
    const itt = pdu.bhs.readUInt32BE(16);
    throw new FrameError(
      `${which} digest mismatch in PDU #${pdu.index} at stream offset ${pdu.offset} ` +
        `(opcode ${hex2(op)}, ITT ${hex8(itt)}): expected CRC32C ${hex8(expected)}, received ${hex8(actual)}`,
      pdu.offset, which === 'header' ? 'HeaderDigest' : 'DataDigest',
      which === 'header' ? 'ERR_HEADER_DIGEST' : 'ERR_DATA_DIGEST',
      { pduIndex: pdu.index, pduOffset: pdu.offset, opcode: op, itt, expected, actual },
    );
  }

  // Reads TotalAHSLength and DataSegmentLength of the buffered BHS and refuses hostile values
  // before a single body byte is waited for.
  private readLengths(): void {
    const c = this.chunks[this.ci]!;
    // No closures here: this runs once per PDU, and a closure per call cost ~10% of the fuzz bench's target side.
    let ahsLen: number, dsl: number;
    if (c.length - this.head >= 48) {
      ahsLen = c[this.head + 4]! * 4;
      dsl = (c[this.head + 5]! << 16) | (c[this.head + 6]! << 8) | c[this.head + 7]!;
    } else {
      ahsLen = this.peek(4) * 4;
      dsl = (this.peek(5) << 16) | (this.peek(6) << 8) | this.peek(7);
    }
    if (ahsLen > this.maxAhs) this.refuse('TotalAHSLength (bytes)', 'TotalAHSLength', 'ERR_AHS_TOO_LONG', ahsLen, this.maxAhs);
    if (dsl > this.maxDsl) this.refuse('DataSegmentLength', 'DataSegmentLength', 'ERR_DATA_SEGMENT_TOO_LONG', dsl, this.maxDsl);
    this.ahsLen = ahsLen;
    this.dsl = dsl;
  }

  // A length above its cap: the error is sticky, so every later call throws it too.
  private refuse(what: string, field: string, code: string, value: number, cap: number): never {
    const op = this.peek(0) & 0x3f;
    const itt = ((this.peek(16) << 24) | (this.peek(17) << 16) | (this.peek(18) << 8) | this.peek(19)) >>> 0;
    this.failed = new FrameError(
      `${what} ${value} above the limit ${cap} in PDU #${this.index} at stream offset ${this.pos} ` +
        `(opcode ${hex2(op)}, ITT ${hex8(itt)})`,
      this.pos, field, code, { pduIndex: this.index, pduOffset: this.pos, opcode: op, itt },
    );
    throw this.failed;
  }

  private peek(i: number): number {
    let k = this.ci;
    let off = this.head + i;
    while (off >= this.chunks[k]!.length) off -= this.chunks[k++]!.length;
    return this.chunks[k]![off]!;
  }

  // Removes n buffered bytes: a view of the chunk when they lie in one, a copy when they span several.
  private take(n: number): Buffer {
    const c = this.chunks[this.ci]!;
    let out: Buffer;
    if (c.length - this.head >= n) {
      out = c.subarray(this.head, this.head + n);
      this.head += n;
      if (this.head === c.length) this.dropHead();
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const cur = this.chunks[this.ci]!;
        const len = Math.min(cur.length - this.head, n - filled);
        cur.copy(out, filled, this.head, this.head + len);
        filled += len;
        this.head += len;
        if (this.head === cur.length) this.dropHead();
      }
    }
    this.avail -= n;
    return out;
  }

  private dropHead(): void {
    this.head = 0;
    this.ci++;
    if (this.ci === this.chunks.length) {
      this.chunks = [];
      this.ci = 0;
    } else if (this.ci >= 64 && this.ci * 2 >= this.chunks.length) {
      this.chunks = this.chunks.slice(this.ci);
      this.ci = 0;
    }
  }
}
