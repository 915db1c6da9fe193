// RFC 7143 §13.17 MaxOutstandingR2T: 1..65535, result function Minimum.
import { defineSection } from '../../../harness/runner/case.js';
import { offerCase, rangeRows } from './offer.js';

export default defineSection('rfc7143/13.17', 'MaxOutstandingR2T',
  rangeRows('MaxOutstandingR2T', 'min', [1, 65535], [[1, '1'], [2, '65535'], [3, '0'], [4, '65536']]).map(offerCase));
