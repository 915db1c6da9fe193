// SBC-3 VERIFY(12): medium-only and byte-by-byte compare, bounds, zero length, DPO, VRPROTECT, reserved bits.
import { defineSection } from '../../harness/runner/case.js';
import { verifyCompare, verifyMedium } from './_rw-extra.js';
import { rwCases } from './_rw-rows.js';
import { Verify12 } from './_rw-specs.js';

export default defineSection('sbc/verify12', 'VERIFY(12)', [
  ...rwCases(Verify12, { first: 1, last: 2, pastEnd: 3, straddle: 4, wrap: 5, zero: 6, zeroPastEnd: 7, zeroFieldMax: 8, dpoFua: 9, protect: 10, reserved: 11 }),
  { n: 12, ...verifyMedium(Verify12) },
  { n: 13, ...verifyCompare(Verify12, 3, true) },
  { n: 14, ...verifyCompare(Verify12, 4, false) },
]);
