// The error-recovery area (RFC 7143 §6.3.5, §7, §11.16): its sections in report order.
import type { Section } from '../../../harness/runner/case.js';

/** Recovery sections. */
export const recoverySections: readonly Section[] = [];
