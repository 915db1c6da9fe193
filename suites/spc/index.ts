// The SPC sections, in run order: look-only commands first, state-changing ones (mode select,
// reservations) in the middle so that neighbours from other standards never overlap them.
import type { Section } from '../../harness/runner/case.js';
import testUnitReady from './test-unit-ready.js';
import inquiry from './inquiry.js';
import reportLuns from './report-luns.js';
import requestSense from './request-sense.js';
import unitAttention from './unit-attention.js';
import invalidOpcode from './invalid-opcode.js';
import lunNotSupported from './lun-not-supported.js';

/** Every SPC section. */
export const spcSections: readonly Section[] = [
  testUnitReady, inquiry, reportLuns, requestSense, unitAttention,
  invalidOpcode, lunNotSupported,
];
