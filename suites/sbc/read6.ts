// SBC-3 READ(6): bounds of the 21-bit LBA, TRANSFER LENGTH 0 = 256 blocks, reserved bits.
import { defineSection } from '../../harness/runner/case.js';
import { len256 } from './_rw-extra.js';
import { rwCases } from './_rw-rows.js';
import { Read6 } from './_rw-specs.js';

export default defineSection('sbc/read6', 'READ(6)', [
  ...rwCases(Read6, { first: 1, last: 2, pastEnd: 3, straddle: 4, wrap: 5, reserved: 7 }),
  { n: 6, ...len256(Read6) },
]);
