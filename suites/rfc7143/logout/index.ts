// The logout area (RFC 7143 §11.14, §11.15): its sections in report order.
import type { Section } from '../../../harness/runner/case.js';
import logout from './11.14-logout.js';

/** Logout sections. */
export const logoutSections: readonly Section[] = [logout];
