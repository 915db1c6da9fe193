// The key registry: every RFC 7143 §12/§13 key by name, plus recognition of X- / X# extension keys.
import { extensionKind, type KeyDef } from './key-def.js';
import { OPERATIONAL_KEYS } from './keys-operational.js';
import { SECURITY_KEYS } from './keys-security.js';

export * from './key-def.js';
export { OPERATIONAL_KEYS } from './keys-operational.js';
export { SECURITY_KEYS } from './keys-security.js';

/** Every declared key, operational first. */
export const ALL_KEYS: readonly KeyDef[] = [...OPERATIONAL_KEYS, ...SECURITY_KEYS];

const BY_NAME = new Map(ALL_KEYS.map(k => [k.name, k]));

/** The declaration of a key (exact, case-sensitive name: §6.1), or undefined for keys this RFC does not define. */
export const keyByName = (name: string): KeyDef | undefined => BY_NAME.get(name);

/** How a key name is understood: an RFC key, a vendor extension (X-, X#), or unknown. */
export type KeyClass = 'rfc' | 'private' | 'public-extension' | 'unknown';

/** Classifies a key name; only X#NodeArchitecture of the X# family is an RFC key (§6.2 forbids new X# names). */
export function classifyKey(name: string): KeyClass {
  if (BY_NAME.has(name)) return 'rfc';
  const ext = extensionKind(name);
  return ext === 'private' ? 'private' : ext === 'public' ? 'public-extension' : 'unknown';
}

/** The security-stage keys (§12) as a set, for phase checks. */
export const isSecurityKey = (name: string): boolean => BY_NAME.get(name)?.stage === 'security';
