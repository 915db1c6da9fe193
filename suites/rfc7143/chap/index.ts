// The security sections of RFC 7143 §12 (AuthMethod, CHAP one-way and mutual), imported explicitly, report order.
import type { Section } from '../../../harness/runner/case.js';
import authMethod from './12.1-auth-method.js';
import chap from './12.1.3-chap.js';
import mutualChap from './12.1.3-mutual-chap.js';

/** Every security/CHAP section. */
export const chapSections: readonly Section[] = [authMethod, chap, mutualChap];
