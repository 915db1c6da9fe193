// SPC-4 MODE SENSE(6): the shared MODE SENSE table in its 6-byte form.
import { defineSection } from '../../harness/runner/case.js';
import { FORM6 } from './mode-common.js';
import { modeSenseCases } from './mode-sense-cases.js';

export default defineSection('spc/mode-sense6', 'MODE SENSE(6)', modeSenseCases(FORM6));
