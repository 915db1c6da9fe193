// SBC-3 VERIFY(10): medium-only and byte-by-byte compare, bounds, zero length, DPO, VRPROTECT, reserved bits.
import { defineSection } from '../../harness/runner/case.js';
import { verifyCompare, verifyMedium } from './_rw-extra.js';
import { rwCases } from './_rw-rows.js';
import { Verify10 } from './_rw-specs.js';

export default defineSection('sbc/verify10', 'VERIFY(10)', [
  ...rwCases(Verify10, { first: 1, last: 2, pastEnd: 3, straddle: 4, wrap: 5, zero: 6, zeroPastEnd: 7, zeroFieldMax: 8, dpoFua: 9, protect: 10, reserved: 11 }),
  { n: 12, ...verifyMedium(Verify10) },
  { n: 13, ...verifyCompare(Verify10, 1, true) },
  { n: 14, ...verifyCompare(Verify10, 2, false) },
]);
