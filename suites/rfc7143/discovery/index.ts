// Discovery session sections (RFC 7143 §4.3, Appendix C), in report order.
import type { Section } from '../../../harness/runner/case.js';
import sessionTypes from './4.3-session-types.js';

/** The discovery area's sections. */
export const discoverySections: readonly Section[] = [sessionTypes];
