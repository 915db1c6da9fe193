// fast-check arbitraries derived from the key declarations: valid, boundary and one-rule-broken key sets for the fuzzer.
import fc from 'fast-check';
import type { TextPair } from './codec.js';
import { allowedInPhase, ALL_KEYS, type KeyDef, type Role } from './keys.js';
import type { Phase } from './rules.js';
import { applyResult, checkIntegrity, defaultParams } from './params.js';
import { formatBinary } from './values.js';

/** valid: every rule kept; edge: boundary values; any: near-valid, exactly one rule broken. */
export type ArbitraryMode = 'valid' | 'edge' | 'any';

const LABEL_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-+@_';
const labelChar = fc.constantFrom(...LABEL_CHARS.split(''));
const textValue = (max: number) => fc.string({ unit: fc.constantFrom(...(LABEL_CHARS + '/[]:').split('')), minLength: 1, maxLength: max });
const iscsiName = (max: number) => fc.string({ unit: labelChar, minLength: 1, maxLength: Math.max(1, max - 20) }).map(s => `iqn.2026-11.test:${s}`.slice(0, max));

/** A valid value for a key (boundary-leaning when `edge`). */
export function arbitraryValue(def: KeyDef, mode: 'valid' | 'edge' = 'valid'): fc.Arbitrary<string> {
  const edge = mode === 'edge';
  switch (def.type) {
    case 'boolean':
      return fc.constantFrom('Yes', 'No');
    case 'numerical': {
      const { min, max } = def.range ?? { min: 0n, max: 2n ** 64n - 1n };
      const n = edge ? fc.constantFrom(min, max, min + 1n > max ? min : min + 1n, max - 1n < min ? max : max - 1n) : fc.bigInt({ min, max });
      return fc.tuple(n, fc.boolean()).map(([v, hex]) => (hex && !edge ? '0x' + v.toString(16) : v.toString()));
    }
    case 'binary':
      if (def.range) return fc.bigInt(def.range).map(String);
      return fc.tuple(fc.uint8Array({ minLength: 1, maxLength: edge ? def.maxValueLength : 64 }), fc.boolean())
        .filter(([b]) => !edge || b.length === def.maxValueLength || b.length === 1)
        .map(([b, hex]) => formatBinary(b, hex ? 'hex' : 'base64'));
    case 'list': {
      if (def.range) return fc.uniqueArray(fc.bigInt(def.range).map(String), { minLength: 1, maxLength: 4 }).map(a => a.join(','));
      if (def.values) return fc.shuffledSubarray([...def.values], { minLength: 1 }).map(a => a.join(','));
      return fc.array(textValue(30), { minLength: 1, maxLength: 4 }).map(a => a.join(',').slice(0, def.maxValueLength).replace(/,$/, ''));
    }
    case 'text':
      return def.values ? fc.constantFrom(...def.values) : textValue(edge ? def.maxValueLength : 40);
    case 'iscsi-name':
      return edge ? fc.constant('iqn.2026-11.test:' + 'n'.repeat(def.maxValueLength - 17)) : iscsiName(def.maxValueLength);
    case 'local-name':
      return edge ? fc.constant('a'.repeat(def.maxValueLength)) : fc.string({ unit: 'grapheme', maxLength: 30 }).map(s => s.replace(/\0/g, ''));
  }
}

/** Keys a sender may offer in a phase (obsoleted keys left out: nobody should propose them any more). */
export function offerableKeys(sender: Role, phase: Phase): KeyDef[] {
  return ALL_KEYS.filter(k => !k.obsolete && allowedInPhase(k, phase, sender) && k.name !== 'SessionType');
}

/** A set of distinct keys with valid values that `sender` may offer in `phase`. */
export function arbitraryOffers(sender: Role = 'initiator', phase: Phase = 'operational', mode: 'valid' | 'edge' = 'valid'): fc.Arbitrary<TextPair[]> {
  const keys = offerableKeys(sender, phase);
  // A valid set also keeps the integrity rules with the defaults it leaves in force (e.g. MaxBurstLength=512 alone
  // would undercut the default FirstBurstLength 65536, §13.14).
  return fc.shuffledSubarray(keys, { minLength: 1 })
    .chain(defs => fc.tuple(...defs.map(d => arbitraryValue(d, mode).map(value => ({ key: d.name, value })))))
    .filter(pairs => checkIntegrity(pairs.reduce((p, { key, value }) => applyResult(p, key, value, sender), defaultParams())).length === 0);
}

/** One rule broken on top of a valid key set. */
function breakOne(pairs: TextPair[]): fc.Arbitrary<TextPair[]> {
  const numeric = ALL_KEYS.filter(k => k.type === 'numerical' && k.range);
  return fc.oneof<fc.Arbitrary<TextPair[]>[]>(
    // Key name over 63 bytes (§6.1).
    fc.integer({ min: 64, max: 200 }).map(n => [...pairs, { key: 'X-' + 'k'.repeat(n - 2), value: '1' }]),
    // Numerical value outside the declared range.
    fc.constantFrom(...numeric).chain(d => fc.constantFrom(d.range!.max + 1n, ...(d.range!.min > 0n ? [d.range!.min - 1n] : []))
      .map(v => [...pairs, { key: d.name, value: v.toString() }])),
    // Duplicate key.
    fc.constant<TextPair[]>(pairs.length ? [...pairs, { ...pairs[0]! }] : [{ key: 'MaxBurstLength', value: '512' }, { key: 'MaxBurstLength', value: '512' }]),
    // Bad value encodings: leading zeros, malformed hex / base64, wrong boolean case.
    fc.constantFrom<TextPair>({ key: 'MaxBurstLength', value: '0512' }, { key: 'CHAP_C', value: '0xZZ' }, { key: 'CHAP_R', value: '0b!!!' },
      { key: 'InitialR2T', value: 'yes' }).map(p => [...pairs, p]),
    // Value over 255 bytes, and a bad key character.
    fc.constant<TextPair[]>([...pairs, { key: 'InitiatorAlias', value: 'a'.repeat(256) }]),
    fc.constant<TextPair[]>([...pairs, { key: 'Bad Key', value: 'x' }]),
  );
}

/** Key sets for the fuzzer: valid offers, boundary values, or near-valid with one rule broken. */
export function arbitraryPairs(mode: ArbitraryMode, sender: Role = 'initiator', phase: Phase = 'operational'): fc.Arbitrary<TextPair[]> {
  if (mode === 'any') return arbitraryOffers(sender, phase).chain(breakOne);
  return arbitraryOffers(sender, phase, mode);
}

/** Raw data segments for decode robustness: valid encodings, and bytes with invalid UTF-8 / missing or extra nulls. */
export function arbitraryTextBytes(): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.array(fc.oneof(fc.constant(0), fc.constant(0x3d), fc.constant(0xff), fc.constant(0xc3), fc.integer({ min: 0x20, max: 0x7e })), { maxLength: 200 })
      .map(a => Uint8Array.from(a)),
  );
}
