// SBC-3 READ(12): bounds, zero length, LBA wrap, DPO/FUA, RDPROTECT and reserved bits (family table).
import { defineSection } from '../../harness/runner/case.js';
import { rwCases } from './_rw-rows.js';
import { Read12 } from './_rw-specs.js';

export default defineSection('sbc/read12', 'READ(12)', rwCases(Read12, {
  first: 1, last: 2, pastEnd: 3, straddle: 4, wrap: 5, zero: 6, zeroPastEnd: 7, zeroFieldMax: 8, dpoFua: 9, protect: 10, reserved: 11,
}));
