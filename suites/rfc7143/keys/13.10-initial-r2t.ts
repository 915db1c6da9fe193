// RFC 7143 §13.10 InitialR2T: Boolean, result function OR.
import { defineSection } from '../../../harness/runner/case.js';
import { boolRows } from './bool.js';
import { offerCase } from './offer.js';

export default defineSection('rfc7143/13.10', 'InitialR2T', boolRows('InitialR2T', 'OR', 1, 'yes').map(offerCase));
