// RFC 7143 §13.11 ImmediateData: Boolean, result function AND.
import { defineSection } from '../../../harness/runner/case.js';
import { boolRows } from './bool.js';
import { offerCase } from './offer.js';

export default defineSection('rfc7143/13.11', 'ImmediateData', boolRows('ImmediateData', 'AND', 1, 'Maybe').map(offerCase));
