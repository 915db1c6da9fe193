// RFC 7143 §13.18 DataPDUInOrder: Boolean, result function OR.
import { defineSection } from '../../../harness/runner/case.js';
import { boolRows } from './bool.js';
import { offerCase } from './offer.js';

export default defineSection('rfc7143/13.18', 'DataPDUInOrder', boolRows('DataPDUInOrder', 'OR', 1, 'YES').map(offerCase));
