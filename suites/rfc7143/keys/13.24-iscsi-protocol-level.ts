// RFC 7143 §13.24 / RFC 7144 §7.1.1 iSCSIProtocolLevel: 0..31, Minimum; an RFC 7143 implementation uses 1.
import { defineSection } from '../../../harness/runner/case.js';
import { offerCase, rangeRows } from './offer.js';

export default defineSection('rfc7143/13.24', 'iSCSIProtocolLevel',
  rangeRows('iSCSIProtocolLevel', 'min', [0, 31], [[1, '1'], [2, '0'], [3, '32']], 'rfc7144/7.1.1').map(offerCase));
