// SBC-3 WRITE(6): bounds of the 21-bit LBA, TRANSFER LENGTH 0 = 256 blocks, read-back. Destructive.
import { defineSection } from '../../harness/runner/case.js';
import { Region } from '../support-sbc.js';
import { integrity, len256 } from './_rw-extra.js';
import { rwCases } from './_rw-rows.js';
import { Write6 } from './_rw-specs.js';

export default defineSection('sbc/write6', 'WRITE(6)', [
  ...rwCases(Write6, { first: 1, last: 2, pastEnd: 3, straddle: 4, wrap: 5, reserved: 7 }),
  { n: 6, ...len256(Write6) },
  { n: 8, ...integrity(Write6, Region.write6, 1) },
]);
