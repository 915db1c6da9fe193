// SBC-3 SYNCHRONIZE CACHE(10): whole LU, ranges, IMMED, bounds, reserved bits.
import { defineSection } from '../../harness/runner/case.js';
import { Sc10, scCases } from './_sync-cache.js';

export default defineSection('sbc/synchronize-cache10', 'SYNCHRONIZE CACHE(10)', scCases(Sc10, {
  whole: 1, range: 2, lastToEnd: 3, immed: 4, pastEnd: 5, straddle: 6, reserved: 7,
}));
