// SPC-4 MODE SELECT(6): the shared MODE SELECT table in its 6-byte form (destructive, exclusive).
import { defineSection } from '../../harness/runner/case.js';
import { FORM6 } from './mode-common.js';
import { modeSelectCases } from './mode-select-cases.js';

export default defineSection('spc/mode-select6', 'MODE SELECT(6)', modeSelectCases(FORM6));
