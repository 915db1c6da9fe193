// SBC-3 WRITE(16): read-back, bounds, zero length, LBA wrap, DPO/FUA, WRPROTECT, reserved bits. Destructive.
import { defineSection } from '../../harness/runner/case.js';
import { Region } from '../support-sbc.js';
import { integrity } from './_rw-extra.js';
import { rwCases } from './_rw-rows.js';
import { Write16 } from './_rw-specs.js';

export default defineSection('sbc/write16', 'WRITE(16)', [
  ...rwCases(Write16, { first: 1, last: 2, pastEnd: 3, straddle: 4, wrap: 5, zero: 6, zeroPastEnd: 7, zeroFieldMax: 8, dpoFua: 9, protect: 10, reserved: 11 }),
  { n: 12, ...integrity(Write16, Region.write16, 1) },
]);
