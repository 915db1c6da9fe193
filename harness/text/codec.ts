// RFC 7143 §6.1 key=value text codec: data segment bytes <-> ordered pairs, lenient decode, exact encode.
import { violation, type Violation } from '../violation.js';
import { classifyKey, isValidPrivateKeyName, isWellFormedKeyName, keyByName, utf8Length } from './keys.js';
import { parseBinary } from './values.js';

export * from './values.js';

/** One key=value pair as it appeared, in order. */
export interface TextPair {
  key: string;
  value: string;
}

/** Result of decoding one logical text data segment. */
export interface DecodedText {
  pairs: TextPair[];
  violations: Violation[];
}

/** Options for decode. */
export interface DecodeOptions {
  /** A SendTargets response repeats TargetName once per record (Appendix C), so it is no duplicate there. */
  sendTargetsResponse?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/**
 * Decodes a (possibly multi-PDU, concatenated) text data segment. Never throws: every broken rule is a
 * violation and the pairs are recovered as well as the bytes allow, so the checker can go on.
 */
export function decodeText(data: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  const pairs: TextPair[] = [];
  const violations: Violation[] = [];
  let start = 0;
  let emptyAt: number | undefined;
  while (start < data.length) {
    let end = data.indexOf(0, start);
    if (end < 0) {
      violations.push(violation('text/missing-final-null', 'rfc7143/6.1',
        `the last key=value pair (offset ${start}) is not followed by a null delimiter`, 'data'));
      end = data.length;
    }
    if (end === start) {
      // An empty string between delimiters: usually the segment's padding counted into DataSegmentLength.
      emptyAt ??= start;
      start = end + 1;
      continue;
    }
    if (emptyAt !== undefined) {
      violations.push(violation('text/empty-pair', 'rfc7143/6.1', `empty key=value pair at offset ${emptyAt}`, 'data'));
      emptyAt = undefined;
    }
    pairs.push(decodePair(data.subarray(start, end), start, violations));
    start = end + 1;
  }
  if (emptyAt !== undefined)
    violations.push(violation('text/trailing-null', 'rfc7143/6.1',
      `extra null bytes from offset ${emptyAt}: each pair is followed by exactly one null delimiter`, 'data'));
  checkDuplicates(pairs, opts, violations);
  return { pairs, violations };
}

function decodePair(bytes: Uint8Array, offset: number, out: Violation[]): TextPair {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    out.push(violation('text/invalid-utf8', 'rfc7143/6.1', `key=value at offset ${offset} is not valid UTF-8`, 'data'));
    text = lossy.decode(bytes);
  }
  const eq = text.indexOf('=');
  if (eq < 0) {
    out.push(violation('text/missing-equals', 'rfc7143/6.1', `"${clip(text)}" at offset ${offset} has no "="`, 'data'));
    return { key: text, value: '' };
  }
  const pair = { key: text.slice(0, eq), value: text.slice(eq + 1) };
  out.push(...checkPairSyntax(pair, offset));
  return pair;
}

/** Checks a key name and the value length of one pair (§6.1); the per-key value syntax is the engine's business. */
export function checkPairSyntax(pair: TextPair, offset?: number): Violation[] {
  const out: Violation[] = [];
  const at = offset === undefined ? '' : ` at offset ${offset}`;
  const { key, value } = pair;
  // RFC keys are exempt from the name rule: iSCSIProtocolLevel starts lowercase and X#NodeArchitecture has '#'.
  const cls = classifyKey(key);
  if (cls !== 'rfc') {
    if (utf8Length(key) > 63)
      out.push(violation('text/key-too-long', 'rfc7143/6.1', `key name of ${utf8Length(key)} bytes${at} exceeds 63`, key));
    else if (cls === 'private' ? !isValidPrivateKeyName(key) : !isWellFormedKeyName(key))
      out.push(violation('text/key-bad-characters', 'rfc7143/6.1',
        `key "${clip(key)}"${at} is not a standard-label (capital first, then letters, digits, . - + @ _)`, key));
  }
  const def = keyByName(key);
  const limit = def?.maxValueLength ?? 255;
  // Binary keys bound the decoded length; every other value is bounded in bytes as written.
  const length = def?.type === 'binary' ? parseBinary(value)?.length ?? utf8Length(value) : utf8Length(value);
  const perElement = def?.type === 'list' && !def.maxTotal;
  const tooLong = perElement ? value.split(',').some(v => utf8Length(v) > limit) : length > limit;
  if (tooLong)
    out.push(violation('text/value-too-long', def?.ref ?? 'rfc7143/6.1',
      `value of ${key}${at} is ${length} bytes, more than the ${limit} allowed`, key));
  return out;
}

function checkDuplicates(pairs: TextPair[], opts: DecodeOptions, out: Violation[]): void {
  const seen = new Set<string>();
  for (const { key } of pairs) {
    const repeatable = keyByName(key)?.repeatable || (opts.sendTargetsResponse && key === 'TargetName');
    if (seen.has(key) && !repeatable)
      out.push(violation('text/duplicate-key', 'rfc7143/6.3', `key ${key} appears more than once`, key));
    seen.add(key);
  }
}

/** Encodes pairs exactly: key=value then one null each, nothing else (§6.1). Total over any strings. */
export function encodeText(pairs: readonly TextPair[]): Buffer {
  return Buffer.concat(pairs.map(p => Buffer.from(`${p.key}=${p.value}\0`, 'utf8')));
}

/**
 * Splits an encoded text into data segments of at most `max` bytes for C-bit continuation (§6.1: pairs may
 * span PDU boundaries). Every chunk but the last is sent with C=1.
 */
export function splitSegments(text: Uint8Array, max: number): Buffer[] {
  if (max < 1) throw new RangeError('segment size must be positive');
  const out: Buffer[] = [];
  for (let i = 0; i < text.length; i += max) out.push(Buffer.from(text.subarray(i, i + max)));
  return out.length ? out : [Buffer.alloc(0)];
}

const clip = (s: string): string => (s.length > 40 ? s.slice(0, 40) + '…' : s);

// Secret-derived values. CHAP_R is MD5(I | secret | C): with the cleartext CHAP_I and CHAP_C beside it, it allows an
// offline dictionary attack on the secret (RFC 1994), so it is hidden. CHAP_C and CHAP_I are public nonces and stay
// visible (a reader needs them to see reflection and reuse). SRP_M and SRP_HM are proofs computed from the session key
// K, and the Kerberos AP messages carry an authenticator valid for replay in their lifetime: all hidden.
const SECRET_KEYS = new Set(['CHAP_R', 'SRP_M', 'SRP_HM', 'KRB_AP_REQ', 'KRB_AP_REP']);
const SECRET_NAME = /pass(word)?|secret|passwd|pwd|token|credential/i;

/** True when a key's value must not be printed (CHAP_R, SRP proofs, Kerberos messages, password-like vendor keys). */
export const isSecretKey = (key: string): boolean => SECRET_KEYS.has(key) || SECRET_NAME.test(key);

/** Returns the pairs with secret values replaced by `<redacted N bytes>`; the length stays visible for debugging. */
export function redact(pairs: readonly TextPair[]): TextPair[] {
  return pairs.map(p =>
    isSecretKey(p.key) ? { key: p.key, value: `<redacted ${parseBinary(p.value)?.length ?? utf8Length(p.value)} bytes>` } : p);
}

/** One line per pair, redacted, for logs and reports. */
export const printText = (pairs: readonly TextPair[]): string =>
  redact(pairs).map(p => `${p.key}=${p.value}`).join('\n');
