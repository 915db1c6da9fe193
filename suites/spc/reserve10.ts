// SPC-2 RESERVE(10) / RELEASE(10): the shared reservation table in its 10-byte form.
import { defineSection } from '../../harness/runner/case.js';
import { RESERVE10, reserveCases } from './reserve-cases.js';

export default defineSection('spc/reserve10', 'RESERVE(10) / RELEASE(10)', reserveCases(RESERVE10));
