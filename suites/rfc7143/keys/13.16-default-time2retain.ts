// RFC 7143 §13.16 DefaultTime2Retain: 0..3600, result function Minimum.
import { defineSection } from '../../../harness/runner/case.js';
import { offerCase, rangeRows } from './offer.js';

export default defineSection('rfc7143/13.16', 'DefaultTime2Retain',
  rangeRows('DefaultTime2Retain', 'min', [0, 3600], [[1, '0'], [2, '3600'], [3, '3601']]).map(offerCase));
