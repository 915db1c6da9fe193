// CRC32C (Castagnoli) for iSCSI header and data digests, RFC 7143 §13.1 / RFC 3720 Appendix B.4.
import { crc32c as nativeCrc32c } from '@node-rs/crc32';

// Slice-by-8 tables for the reflected polynomial 0x82F63B78. The native call costs more than the
// whole computation for a 48-byte BHS, so short inputs stay in JS (see JS_BELOW).
const T = (() => {
  const t = new Int32Array(256 * 8);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[i] = c;
  }
  for (let i = 0; i < 256; i++) {
    for (let s = 1; s < 8; s++) {
      const prev = t[(s - 1) * 256 + i]!;
      t[s * 256 + i] = (prev >>> 8) ^ t[prev & 0xff]!;
    }
  }
  return t;
})();

/**
 * Inputs shorter than this many bytes use the JS table; longer ones the native SIMD code.
 * Measured on a 2-vCPU Node 20 machine: JS 12.5 M/s vs native 4.8 M/s at 48 B; even at 128 B.
 */
export const JS_BELOW = 128;

/** Pure-JS CRC32C; `seed` is the CRC of the bytes before `buf` (0 for none). Exported for tests. */
export function crc32cJs(buf: Uint8Array, seed = 0): number {
  let c = ~seed;
  let i = 0;
  const n = buf.length;
  const end8 = n - (n & 7);
  for (; i < end8; i += 8) {
    const a = c ^ (buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24));
    c =
      T[1792 + (a & 0xff)]! ^ T[1536 + ((a >>> 8) & 0xff)]! ^
      T[1280 + ((a >>> 16) & 0xff)]! ^ T[1024 + (a >>> 24)]! ^
      T[768 + buf[i + 4]!]! ^ T[512 + buf[i + 5]!]! ^ T[256 + buf[i + 6]!]! ^ T[buf[i + 7]!]!;
  }
  for (; i < n; i++) c = T[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * CRC32C of `buf` as an unsigned 32-bit value ("123456789" gives 0xE3069283). `seed` is the CRC
 * returned for the preceding bytes, so `crc32c(b, crc32c(a)) === crc32c(a ++ b)`.
 */
export function crc32c(buf: Uint8Array, seed = 0): number {
  return buf.length < JS_BELOW ? crc32cJs(buf, seed) : nativeCrc32c(buf, seed) >>> 0;
}

/** The digest of the concatenated parts as its 4 wire bytes, least-significant byte first. */
export function digestBytes(...parts: Uint8Array[]): Buffer {
  let c = 0;
  for (const p of parts) c = crc32c(p, c);
  const out = Buffer.allocUnsafe(4);
  out.writeUInt32LE(c, 0);
  return out;
}

/** True when the 4 wire bytes `digest` (LSB first) are the CRC32C of the concatenated parts. */
export function verifyDigest(digest: Uint8Array, ...parts: Uint8Array[]): boolean {
  if (digest.length !== 4) return false;
  let c = 0;
  for (const p of parts) c = crc32c(p, c);
  return (digest[0]! | (digest[1]! << 8) | (digest[2]! << 16) | (digest[3]! << 24)) >>> 0 === c;
}
