// SBC-4 READ DEFECT DATA(12): the header and its format, header-only requests, allocation length, reserved values.
import { defineSection } from '../../harness/runner/case.js';
import { Dd12, ddCases } from './_defect-data.js';

export default defineSection('sbc/read-defect-data12', 'READ DEFECT DATA(12)', ddCases(Dd12, {
  simple: 1, headerOnly: 2, bothLists: 3, alloc: 4, reservedFormat: 5, reserved: 6,
}));
