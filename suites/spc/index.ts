// The SPC sections, in run order: look-only commands first, state-changing ones (mode select,
// reservations) in the middle so that neighbours from other standards never overlap them.
import type { Section } from '../../harness/runner/case.js';
import testUnitReady from './test-unit-ready.js';
import inquiry from './inquiry.js';
import reportLuns from './report-luns.js';

/** Every SPC section. */
export const spcSections: readonly Section[] = [
  testUnitReady, inquiry, reportLuns,
];
