// SBC-3 WRITE AND VERIFY(10): read-back with BYTCHK=1, bounds, zero length, DPO, WRPROTECT, reserved bits. Destructive.
import { defineSection } from '../../harness/runner/case.js';
import { Region } from '../support-sbc.js';
import { integrity } from './_rw-extra.js';
import { rwCases } from './_rw-rows.js';
import { Wav10 } from './_rw-specs.js';

export default defineSection('sbc/write-and-verify10', 'WRITE AND VERIFY(10)', [
  ...rwCases(Wav10, { first: 1, last: 2, pastEnd: 3, straddle: 4, wrap: 5, zero: 6, zeroPastEnd: 7, zeroFieldMax: 8, dpoFua: 9, protect: 10, reserved: 11 }),
  { n: 12, ...integrity(Wav10, Region.wav10, 1) },
]);
