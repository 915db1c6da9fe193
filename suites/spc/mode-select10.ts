// SPC-4 MODE SELECT(10): the shared MODE SELECT table in its 10-byte form (destructive, exclusive).
import { defineSection } from '../../harness/runner/case.js';
import { FORM10 } from './mode-common.js';
import { modeSelectCases } from './mode-select-cases.js';

export default defineSection('spc/mode-select10', 'MODE SELECT(10)', modeSelectCases(FORM10));
