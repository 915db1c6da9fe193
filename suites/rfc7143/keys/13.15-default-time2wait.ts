// RFC 7143 §13.15 DefaultTime2Wait: 0..3600, result function Maximum.
import { defineSection } from '../../../harness/runner/case.js';
import { offerCase, rangeRows } from './offer.js';

export default defineSection('rfc7143/13.15', 'DefaultTime2Wait',
  rangeRows('DefaultTime2Wait', 'max', [0, 3600], [[1, '3600'], [2, '0'], [3, '3601']]).map(offerCase));
