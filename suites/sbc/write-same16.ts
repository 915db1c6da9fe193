// SBC-3 WRITE SAME(16): one block over a range, UNMAP bit, NDOB, NUMBER OF LOGICAL BLOCKS 0, limits, bounds. Destructive.
import { defineSection } from '../../harness/runner/case.js';
import { Ws16, wsCases } from './_write-same.js';

export default defineSection('sbc/write-same16', 'WRITE SAME(16)', wsCases(Ws16, {
  simple: 1, pastEnd: 2, straddle: 3, wrap: 4, zeroPastEnd: 5, zeroToEnd: 6, zeroOverLimit: 7, overLimit: 8,
  unmap: 9, unmapUnsupported: 10, anchor: 11, wrprotect: 12, dataOutSize: 13, reserved: 14, ndob: 15,
}));
