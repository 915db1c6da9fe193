// The shape of one login/text key declaration (RFC 7143 §12, §13) and the value check every key shares.
import { isStandardLabel, isTextValue, parseBinary, parseBoolean, parseList, parseNumerical } from './values.js';

/** Which side sends a key. */
export type Role = 'initiator' | 'target';
/** §13 "Use": LO leading-only, IO initialize-only, FFPO full-feature-only, ALL both. */
export type Use = 'LO' | 'IO' | 'FFPO' | 'ALL';
/** Value syntax of §6.1 as the key declares it. */
export type KeyType = 'boolean' | 'numerical' | 'list' | 'text' | 'iscsi-name' | 'local-name' | 'binary';
/**
 * How an answer relates to an offer (§13 intro, §6.2.1): min / max / and / or / list selection;
 * `declarative` = no answer expected (§6.2); `exchange` = a step of an authentication exchange (§12.1.x),
 * answered by the next step, not by the same key; `query` = SendTargets, answered by TargetName/TargetAddress records.
 */
export type ResultFn = 'min' | 'max' | 'and' | 'or' | 'list' | 'declarative' | 'exchange' | 'query';
/** Login stage a key belongs to: security keys (§12), operational keys (§13), or Any-Stage keys (§12 list). */
export type KeyStage = 'security' | 'operational' | 'any';

/** One key, declared once: drives codec limits, the engine, the checker and the arbitraries. */
export interface KeyDef {
  name: string;
  /** Where the key is written, e.g. `rfc7143/13.13`. */
  ref: string;
  type: KeyType;
  /** Inclusive numeric range for numerical keys (and per element for numeric lists like CHAP_A). */
  range?: { min: bigint; max: bigint };
  /** Values this harness knows for list/enumerated keys (others may exist, e.g. Y- digests). */
  values?: readonly string[];
  /** RFC default as it appears on the wire; undefined when the RFC gives none. */
  default?: string;
  result: ResultFn;
  /** Use per sender; a single Use applies to every sender. */
  use: Use | Partial<Record<Role, Use>>;
  senders: readonly Role[];
  scope: 'session' | 'connection';
  stage: KeyStage;
  /** "Irrelevant when: SessionType=Discovery". */
  irrelevantInDiscovery: boolean;
  /** False where the RFC forbids the key in a Discovery session (vendor X- keys, §13.22). */
  discoveryAllowed: boolean;
  /** Max value length in bytes (decoded length for binary keys; per element for lists unless `maxTotal`). */
  maxValueLength: number;
  /** The length limit covers the whole list (X#NodeArchitecture, §13.26.1). */
  maxTotal?: boolean;
  /** Key may legitimately appear several times in one message (TargetAddress, §6.3). */
  repeatable?: boolean;
  /** Obsoleted by RFC 7143 §13.25: the answers a responder may give. */
  obsolete?: { answers: readonly string[] };
  /** Field of NegotiatedParams the result lands in, when there is one. */
  param?: string;
}

/** Declares a key; fills the common defaults so each declaration lists only what the RFC says. */
export function defineKey(d: Omit<KeyDef, 'irrelevantInDiscovery' | 'discoveryAllowed' | 'maxValueLength' | 'stage'> &
  Partial<Pick<KeyDef, 'irrelevantInDiscovery' | 'discoveryAllowed' | 'maxValueLength' | 'stage'>>): KeyDef {
  return Object.freeze({
    irrelevantInDiscovery: false, discoveryAllowed: true, maxValueLength: 255, stage: 'operational' as const, ...d,
  });
}

/** The Use that applies to a sender, or undefined when that side may not send the key at all. */
export function useFor(def: KeyDef, sender: Role): Use | undefined {
  if (!def.senders.includes(sender)) return undefined;
  return typeof def.use === 'string' ? def.use : def.use[sender];
}

/** True when a key may be sent in this login stage / FFP by this sender (§6.3, §12, §13 Use). */
export function allowedInPhase(def: KeyDef, phase: 'security' | 'operational' | 'ffp', sender: Role): boolean {
  const use = useFor(def, sender);
  if (use === undefined) return false;
  if (phase === 'ffp') return use === 'ALL' || use === 'FFPO';
  if (use === 'FFPO') return false;
  if (phase === 'security') return def.stage !== 'operational';
  return def.stage !== 'security';
}

/** Byte length of a string in UTF-8. */
export const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * Checks one value against the key's syntax, range and length; returns a reason, or undefined when fine.
 * Special constants are not handled here: the caller decides whether they are legal in its position.
 */
export function checkValue(def: KeyDef, value: string): string | undefined {
  switch (def.type) {
    case 'boolean':
      return parseBoolean(value) === undefined ? `expected Yes or No, got "${value}"` : undefined;
    case 'numerical': {
      const n = parseNumerical(value);
      if (n === undefined) return `expected a decimal or 0x numerical-value, got "${value}"`;
      if (def.range && (n < def.range.min || n > def.range.max))
        return `expected ${def.range.min}..${def.range.max}, got ${n}`;
      return undefined;
    }
    case 'binary': {
      // A 16-bit binary-value such as TargetPortalGroupTag is written in decimal in practice (§13.9 example).
      const n = parseNumerical(value);
      const bytes = n === undefined ? parseBinary(value) : undefined;
      if (n === undefined && bytes === undefined) return `expected a binary-value (0x hex or 0b base64), got "${value}"`;
      if (n !== undefined && def.range && (n < def.range.min || n > def.range.max))
        return `expected ${def.range.min}..${def.range.max}, got ${n}`;
      if (bytes && bytes.length > def.maxValueLength) return `binary length ${bytes.length} exceeds ${def.maxValueLength} bytes`;
      return undefined;
    }
    case 'list': {
      if (def.maxTotal && utf8Length(value) > def.maxValueLength)
        return `list length ${utf8Length(value)} exceeds ${def.maxValueLength} bytes`;
      for (const v of parseList(value)) {
        if (v === '' || !isTextValue(v)) return `list element "${v}" is not a text-value`;
        if (!def.maxTotal && utf8Length(v) > def.maxValueLength) return `list element longer than ${def.maxValueLength} bytes`;
        if (def.range) {
          const n = parseNumerical(v);
          if (n === undefined || n < def.range.min || n > def.range.max) return `list element "${v}" outside ${def.range.min}..${def.range.max}`;
        }
      }
      return undefined;
    }
    case 'text':
      if (utf8Length(value) > def.maxValueLength) return `value longer than ${def.maxValueLength} bytes`;
      return def.values && !def.values.includes(value) && value !== ''
        ? `expected one of ${def.values.join(', ')}, got "${value}"`
        : undefined;
    case 'iscsi-name':
      if (value === '') return 'an iSCSI name has at least one character';
      if (utf8Length(value) > def.maxValueLength) return `name longer than ${def.maxValueLength} bytes (§4.2.7.1)`;
      return undefined;
    case 'local-name':
      return utf8Length(value) > def.maxValueLength ? `value longer than ${def.maxValueLength} bytes` : undefined;
  }
}

/** Private X- key (§13.22) or legacy public X# key (§6.2), recognised by the name alone. */
export function extensionKind(name: string): 'private' | 'public' | undefined {
  if (name.startsWith('X-')) return 'private';
  if (name.startsWith('X#')) return 'public';
  return undefined;
}

/**
 * §13.22 wants the part after X- to be a key-name, yet its own example (X-com.example...) starts lowercase;
 * we follow the example: standard-label characters after X-, whole name at most 63 characters.
 */
export const isValidPrivateKeyName = (name: string): boolean =>
  name.startsWith('X-') && /^[A-Za-z0-9.\-+@_]+$/.test(name.slice(2)) && name.length <= 63;

/** True for a name that is a well-formed standard-label key-name (§6.1). */
export const isWellFormedKeyName = (name: string): boolean => isStandardLabel(name);
