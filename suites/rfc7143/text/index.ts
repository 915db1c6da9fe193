// Text exchange sections in Full Feature Phase (RFC 7143 §6.4, §11.10, §11.11), in report order.
import type { Section } from '../../../harness/runner/case.js';
import ffpNegotiation from './6.4-ffp-negotiation.js';
import textRequest from './11.10-text-request.js';
import textResponse from './11.11-text-response.js';

/** The text area's sections. */
export const textSections: readonly Section[] = [ffpNegotiation, textRequest, textResponse];
