// Reject and SNACK sections (RFC 7143 §11.2.1.2, §11.16, §11.17), in report order.
import type { Section } from '../../../harness/runner/case.js';
import opcode from './11.2.1.2-opcode.js';
import snack from './11.16-snack.js';
import rejectPdu from './11.17-reject.js';

/** The reject area's sections. */
export const rejectSections: readonly Section[] = [opcode, snack, rejectPdu];
