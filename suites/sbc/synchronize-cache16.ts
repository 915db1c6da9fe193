// SBC-3 SYNCHRONIZE CACHE(16): whole LU, ranges, IMMED, bounds, reserved bits.
import { defineSection } from '../../harness/runner/case.js';
import { Sc16, scCases } from './_sync-cache.js';

export default defineSection('sbc/synchronize-cache16', 'SYNCHRONIZE CACHE(16)', scCases(Sc16, {
  whole: 1, range: 2, lastToEnd: 3, immed: 4, pastEnd: 5, straddle: 6, reserved: 7,
}));
