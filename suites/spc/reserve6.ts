// SPC-2 RESERVE(6) / RELEASE(6): the shared reservation table in its 6-byte form.
import { defineSection } from '../../harness/runner/case.js';
import { RESERVE6, reserveCases } from './reserve-cases.js';

export default defineSection('spc/reserve6', 'RESERVE(6) / RELEASE(6)', reserveCases(RESERVE6));
