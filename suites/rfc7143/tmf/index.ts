// The TMF area (RFC 7143 §11.5, §11.6): its sections in report order.
import type { Section } from '../../../harness/runner/case.js';
import fn from './11.5.1-function.js';
import fields from './11.6-response-fields.js';
import response from './11.6.1-response.js';

/** TMF sections. */
export const tmfSections: readonly Section[] = [fn, fields, response];
