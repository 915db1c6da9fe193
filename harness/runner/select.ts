// Case selection: --only/--skip by ID prefix, glob or tag, and --level.
import type { Case, Level } from './case.js';

/** The CLI's filters. */
export interface Selection {
  only?: readonly string[];
  skip?: readonly string[];
  /** must: MUST only; should: MUST and SHOULD; may (default): everything. */
  level?: 'must' | 'should' | 'may';
}

const LEVELS: Record<NonNullable<Selection['level']>, readonly Level[]> = { must: ['MUST'], should: ['MUST', 'SHOULD'], may: ['MUST', 'SHOULD', 'MAY'] };

const globRe = (g: string): RegExp => new RegExp(`^${g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*').replace(/\?/g, '.')}$`);

/**
 * True when a pattern names the case: a glob over the case ID or its section ID (`rfc7143/11.*​/1`, `**​/2`,
 * `spc/mode-*`), an ID or ID prefix that ends
 * at a `/` or `.` boundary (`rfc7143/13` takes 13.12 but `rfc7143/1` does not), or a tag (`tag:login` or `login`).
 */
export function matches(c: Case, pattern: string): boolean {
  if (pattern.startsWith('tag:')) return c.tags.includes(pattern.slice(4));
  // A glob names a case or its whole section: `spc/persistent-reserve-*` takes every PR case.
  if (/[*?]/.test(pattern)) { const re = globRe(pattern); return re.test(c.id) || re.test(c.section); }
  const p = pattern.replace(/\/$/, '');
  if (c.id === p || c.id.startsWith(`${p}/`) || c.id.startsWith(`${p}.`)) return true;
  return !p.includes('/') && c.tags.includes(p);
}

/** The selected cases, in registry order. */
export function selectCases(cases: readonly Case[], s: Selection): Case[] {
  const levels = LEVELS[s.level ?? 'may'];
  return cases.filter(c => levels.includes(c.level)
    && (!s.only?.length || s.only.some(p => matches(c, p)))
    && !(s.skip ?? []).some(p => matches(c, p)));
}
