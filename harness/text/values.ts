// RFC 7143 §6.1 value encodings: decimal / 0x hex / 0b base64 constants, booleans, lists, ranges.

/** The four reserved answer constants of §6.2; "None" is also a list value (§6.2.1). */
export const SPECIAL = ['NotUnderstood', 'Irrelevant', 'Reject', 'None'] as const;
/** One of the reserved constants. */
export type Special = (typeof SPECIAL)[number];

/** True for NotUnderstood / Irrelevant / Reject / None. */
export const isSpecial = (v: string): v is Special => (SPECIAL as readonly string[]).includes(v);

/** True for the three constants that may only be answers, never proposals (§6.2). */
export const isAnswerOnly = (v: string): boolean => v === 'NotUnderstood' || v === 'Irrelevant' || v === 'Reject';

const U64_LIMIT = 1n << 64n;
const DECIMAL = /^(0|[1-9][0-9]*)$/;
const HEX = /^0[xX]([0-9a-fA-F]+)$/;
const B64 = /^0[bB]([A-Za-z0-9+/=]+)$/;

/**
 * Parses a numerical-value (§6.1: decimal-constant or hex-constant, < 2**64).
 * Returns undefined for anything else (leading zeros, base64, sign, overflow) so callers report it.
 */
export function parseNumerical(s: string): bigint | undefined {
  let n: bigint;
  if (DECIMAL.test(s)) n = BigInt(s);
  else {
    const m = HEX.exec(s);
    if (!m) return undefined;
    n = BigInt('0x' + m[1]);
  }
  return n < U64_LIMIT ? n : undefined;
}

/** Formats a numerical-value; decimal unless hex is asked for (the RFC discourages leading zeros in hex). */
export function formatNumerical(n: bigint | number, radix: 'decimal' | 'hex' = 'decimal'): string {
  const b = BigInt(n);
  return radix === 'hex' ? '0x' + b.toString(16) : b.toString(10);
}

/** Strict RFC 4648 base64 check (padding only at the end, length a multiple of 4). */
const isStrictBase64 = (s: string): boolean =>
  s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length > 0;

/**
 * Parses a binary-value encoded as hex-constant or base64-constant (§6.1) to its bytes.
 * A hex constant of n digits has byte-length floor((n + 1) / 2), so an odd count gets a leading zero nibble.
 * Decimal constants carry no implicit length (§6.1), so they are refused here: use parseNumerical.
 */
export function parseBinary(s: string): Buffer | undefined {
  const h = HEX.exec(s);
  if (h) {
    const digits = h[1]!;
    return Buffer.from(digits.length % 2 === 1 ? '0' + digits : digits, 'hex');
  }
  const b = B64.exec(s);
  if (b && isStrictBase64(b[1]!)) return Buffer.from(b[1]!, 'base64');
  return undefined;
}

/** Formats bytes as a binary-value; hex by default because most targets print it that way. */
export function formatBinary(bytes: Uint8Array, encoding: 'hex' | 'base64' = 'hex'): string {
  const buf = Buffer.from(bytes);
  return encoding === 'hex' ? '0x' + buf.toString('hex') : '0b' + buf.toString('base64');
}

/** Parses a large-numerical-value (§6.1: hex or base64, any size) to an unsigned bigint. */
export function parseLargeNumerical(s: string): bigint | undefined {
  const bytes = parseBinary(s);
  if (!bytes) return undefined;
  return bytes.length === 0 ? 0n : BigInt('0x' + bytes.toString('hex'));
}

/** Parses "Yes" / "No" (case-sensitive, §6.1). */
export function parseBoolean(s: string): boolean | undefined {
  return s === 'Yes' ? true : s === 'No' ? false : undefined;
}

/** Formats a boolean-value. */
export const formatBoolean = (b: boolean): string => (b ? 'Yes' : 'No');

/** Splits a list-of-values on commas (§6.1); an empty string is one empty element, as on the wire. */
export const parseList = (s: string): string[] => s.split(',');

/** Joins a list-of-values. */
export const formatList = (values: readonly string[]): string => values.join(',');

/** Parses a numerical-range "a~b" (§6.1: right not lower than left). */
export function parseRange(s: string): { lo: bigint; hi: bigint } | undefined {
  const parts = s.split('~');
  if (parts.length !== 2) return undefined;
  const lo = parseNumerical(parts[0]!);
  const hi = parseNumerical(parts[1]!);
  return lo === undefined || hi === undefined || hi < lo ? undefined : { lo, hi };
}

/** text-value characters of §6.1: letters, digits, . - + @ _ / [ ] : (no space, no comma). */
export const isTextValue = (s: string): boolean => /^[A-Za-z0-9.\-+@_/[\]:]*$/.test(s);

/** standard-label of §6.1: starts with a capital letter, then letters, digits, . - + @ _, at most 63 characters. */
export const isStandardLabel = (s: string): boolean => /^[A-Z][A-Za-z0-9.\-+@_]{0,62}$/.test(s);
