// The error-recovery area (RFC 7143 §6.3.5, §7, §11.16): its sections in report order.
import type { Section } from '../../../harness/runner/case.js';
import reinstatement from './6.3.5-session-reinstatement.js';
import snack from './11.16-snack.js';
import formatErrors from './7.7-format-errors.js';

/** Recovery sections. */
export const recoverySections: readonly Section[] = [reinstatement, formatErrors, snack];
