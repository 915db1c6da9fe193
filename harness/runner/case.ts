// The conformance case model (DESIGN.md "A conformance case"): sections of numbered cases, as data.
import type { CaseApi } from './case-api.js';

/** How strongly the standard words the requirement; --strict also fails SHOULD cases. */
export type Level = 'MUST' | 'SHOULD' | 'MAY';

/** Known capabilities a case may need; a missing one skips the case with a reason. */
export type Capability =
  | 'dataloss' | 'chap' | 'mutual-chap' | 'second-initiator'
  | 'erl>=1' | 'erl>=2' | 'luns>=2' | 'writable';

/** One case as an author writes it inside a section (the ID is section + n). */
export interface CaseDef {
  /** Explicit number inside the section; never reused once retired. */
  n: number;
  title: string;
  level: Level;
  /** The sentence being checked, in our words. */
  requirement: string;
  /** Where it is written (`rfc7143/11.13.5`, `spc4/6.6 INQUIRY`); default: the section ID. */
  ref?: string;
  tags?: readonly string[];
  requires?: readonly Capability[];
  /** Per-case deadline; default DEFAULT_TIMEOUT_MS, the CLI's --timeout overrides it. */
  timeoutMs?: number;
  /** Runs with no other case in flight (a reset or a target-wide event would disturb parallel cases under --jobs). */
  exclusive?: boolean;
  run(t: CaseApi): Promise<void>;
}

/** A case with its ID and area filled in, as the runner and reporters see it. */
export interface Case extends Omit<CaseDef, 'ref' | 'tags' | 'requires'> {
  id: string;
  /** The section ID (`rfc7143/13.12`, `spc/inquiry`). */
  section: string;
  sectionTitle: string;
  /** Report grouping, e.g. `rfc7143.login` or `spc.inquiry` (JUnit classname). */
  area: string;
  ref: string;
  tags: readonly string[];
  requires: readonly Capability[];
}

/** A named group of cases: one suite file. */
export interface Section { id: string; title: string; area: string; cases: readonly Case[] }

/** Default per-case deadline (DESIGN.md: 2 s). */
export const DEFAULT_TIMEOUT_MS = 2000;

const SECTION_ID = /^(rfc7143\/\d+(\.\d+)*|spc\/[a-z0-9-]+|sbc\/[a-z0-9-]+)$/;

/**
 * Declares one section. `area` groups reports (default: the ID's standard plus the section's first
 * tag, e.g. `rfc7143.login`); duplicate or non-positive numbers are a bug in the suite and throw.
 */
export function defineSection(id: string, title: string, cases: readonly CaseDef[], opts: { area?: string } = {}): Section {
  if (!SECTION_ID.test(id)) throw new Error(`section ID ${id} is not rfc7143/<section>, spc/<command> or sbc/<command>`);
  const [std, rest] = id.split('/') as [string, string];
  const seen = new Set<number>();
  const built = cases.map((c): Case => {
    if (!Number.isInteger(c.n) || c.n < 1 || seen.has(c.n)) throw new Error(`${id}: case number ${c.n} is not a fresh positive integer`);
    seen.add(c.n);
    const tags = c.tags ?? [];
    const area = opts.area ?? (std === 'rfc7143' ? `rfc7143.${tags[0] ?? rest}` : `${std}.${rest}`);
    return Object.freeze({
      ...c, id: `${id}/${c.n}`, section: id, sectionTitle: title, area,
      ref: c.ref ?? id, tags: Object.freeze([...tags]), requires: Object.freeze([...(c.requires ?? [])]),
    });
  });
  const area = opts.area ?? built[0]?.area ?? id.replace('/', '.');
  return Object.freeze({ id, title, area, cases: Object.freeze(built) });
}

/** Flattens sections into one case list and refuses duplicate IDs across files. */
export function collectCases(sections: readonly Section[]): Case[] {
  const ids = new Set<string>();
  const out: Case[] = [];
  for (const s of sections) {
    for (const c of s.cases) {
      if (ids.has(c.id)) throw new Error(`case ID ${c.id} is declared twice`);
      ids.add(c.id);
      out.push(c);
    }
  }
  return out;
}
