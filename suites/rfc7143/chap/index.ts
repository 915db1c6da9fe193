// The security sections of RFC 7143 §12 (AuthMethod, CHAP) and §9.2.1, imported explicitly, report order.
import type { Section } from '../../../harness/runner/case.js';

/** Every security/CHAP section. */
export const chapSections: readonly Section[] = [];
