// SBC-3 WRITE SAME(10): one block over a range, UNMAP bit, NUMBER OF LOGICAL BLOCKS 0, limits, bounds. Destructive.
import { defineSection } from '../../harness/runner/case.js';
import { Ws10, wsCases } from './_write-same.js';

export default defineSection('sbc/write-same10', 'WRITE SAME(10)', wsCases(Ws10, {
  simple: 1, pastEnd: 2, straddle: 3, wrap: 4, zeroPastEnd: 5, zeroToEnd: 6, zeroOverLimit: 7, overLimit: 8,
  unmap: 9, unmapUnsupported: 10, anchor: 11, wrprotect: 12, dataOutSize: 13, reserved: 14,
}));
