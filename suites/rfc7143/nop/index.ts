// NOP-Out / NOP-In sections (RFC 7143 §11.18, §11.19), in report order.
import type { Section } from '../../../harness/runner/case.js';
import nopOut from './11.18-nop-out.js';
import nopIn from './11.19-nop-in.js';

/** The nop area's sections. */
export const nopSections: readonly Section[] = [nopOut, nopIn];
