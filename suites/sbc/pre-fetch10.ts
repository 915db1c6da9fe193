// SBC-4 PRE-FETCH(10): ranges, PREFETCH LENGTH 0, IMMED, bounds, a reserved bit.
import { defineSection } from '../../harness/runner/case.js';
import { Pf10, pfCases } from './_prefetch.js';

export default defineSection('sbc/pre-fetch10', 'PRE-FETCH(10)', pfCases(Pf10, {
  start: 1, last: 2, whole: 3, immed: 4, pastEnd: 5, zeroPastEnd: 6, straddle: 7, reserved: 8,
}));
