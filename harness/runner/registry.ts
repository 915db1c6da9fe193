// Where `run` and `list` get their cases: the suites/ index, or (in tests) fixture sections.
import { collectCases, type Case, type Section } from './case.js';

let override: readonly Section[] | undefined;

/** Every registered case, in suite order. */
export async function loadCases(): Promise<Case[]> {
  if (override) return collectCases(override);
  const { sections } = await import('../../suites/index.js');
  return collectCases(sections);
}

/** Tests only: serve these sections instead of suites/ (undefined restores the real registry). */
export function useSectionsForTests(s: readonly Section[] | undefined): void { override = s; }
