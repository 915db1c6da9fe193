// PDU wire framing (RFC 7143 §11.2): BHS, AHS, header digest, data, zero padding, data digest.
import { crc32c } from './crc32c.js';

/** Codec output for one PDU: the BHS with its length fields already written, AHS and data. */
export interface PduParts {
  /** The 48-byte BHS exactly as the codec wrote it; TotalAHSLength and DataSegmentLength are not touched here. */
  bhs: Uint8Array;
  /** The AHSs, already padded by the codec (sent as given, so a fuzzer can send odd lengths). */
  ahs?: Uint8Array;
  /** The data segment without padding. */
  data?: Uint8Array;
  /** Padding to send instead of zeros (fuzzing); default: zeros up to a 4-byte boundary. */
  pad?: Uint8Array;
}

/** Which digests were negotiated on the connection (RFC 7143 §13.1). */
export interface WireDigests {
  headerDigest?: boolean;
  dataDigest?: boolean;
}

const ZERO_PAD = new Uint8Array(3);

/**
 * The one zero-length Buffer for "no AHS" and "no data": allocating one per PDU was a measurable part of the codec's and
 * the target's per-PDU cost. Zero bytes long, so sharing it is safe.
 */
export const EMPTY_BUFFER: Buffer = Buffer.alloc(0);

/** Number of zero bytes that pad `n` bytes to a 4-byte boundary. */
export const padLength = (n: number): number => (4 - (n & 3)) & 3;

/**
 * One PDU as it goes on the wire. The lengths in the BHS are sent as the codec wrote them, so a
 * case can send a PDU whose TotalAHSLength or DataSegmentLength lies. The header digest covers
 * BHS + AHS; the data digest covers data + padding and is left out when the data segment is empty.
 */
export function toWire(parts: PduParts, digests: WireDigests = {}): Buffer {
  const ahs = parts.ahs ?? ZERO_PAD.subarray(0, 0);
  const data = parts.data ?? ZERO_PAD.subarray(0, 0);
  const pad = parts.pad ?? ZERO_PAD.subarray(0, padLength(data.length));
  const hd = digests.headerDigest ? 4 : 0;
  const dd = digests.dataDigest && data.length > 0 ? 4 : 0;
  const headerLen = parts.bhs.length + ahs.length;
  const out = Buffer.allocUnsafe(headerLen + hd + data.length + pad.length + dd);
  out.set(parts.bhs, 0);
  out.set(ahs, parts.bhs.length);
  let p = headerLen;
  if (hd) p = out.writeUInt32LE(crc32c(out.subarray(0, headerLen)), p);
  const dataStart = p;
  out.set(data, p);
  p += data.length;
  out.set(pad, p);
  p += pad.length;
  if (dd) out.writeUInt32LE(crc32c(out.subarray(dataStart, p)), p);
  return out;
}

/** Data segments at least this long are sent as their own buffer rather than copied next to the header. */
export const SCATTER_MIN = 16 * 1024;

/**
 * The same bytes as toWire, as buffers to hand to a gathering write: a large data segment goes as it is (no copy),
 * between a header piece (BHS, AHS, header digest) and a tail piece (padding, data digest).
 */
export function toWireChunks(parts: PduParts, digests: WireDigests = {}): Buffer[] {
  const data = parts.data;
  if (!data || data.length < SCATTER_MIN || parts.pad) return [toWire(parts, digests)];
  const head = toWire({ bhs: parts.bhs, ...(parts.ahs ? { ahs: parts.ahs } : {}) }, { headerDigest: digests.headerDigest ?? false });
  const padLen = padLength(data.length);
  const dd = digests.dataDigest ? 4 : 0;
  const body = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length);
  if (!padLen && !dd) return [head, body];
  const tail = Buffer.alloc(padLen + dd);
  if (dd) tail.writeUInt32LE(crc32c(tail.subarray(0, padLen), crc32c(body)), padLen);
  return [head, body, tail];
}
