// RFC 7143 §13.13 MaxBurstLength: 512..2^24-1, result function Minimum; §6.1 numbers may be hex-constants.
import { defineSection } from '../../../harness/runner/case.js';
import { offerCase, rangeRows, type OfferRow } from './offer.js';

const RANGE: [number, number] = [512, 2 ** 24 - 1];

export default defineSection('rfc7143/13.13', 'MaxBurstLength', [
  ...rangeRows('MaxBurstLength', 'min', RANGE, [[1, '4096'], [2, '512'], [3, String(2 ** 24 - 1)], [4, '511'], [5, String(2 ** 24)], [6, '0']]),
  <OfferRow>{ n: 7, key: 'MaxBurstLength', value: '0x1000', expect: { fn: 'min', range: RANGE }, ref: 'rfc7143/6.1',
    title: 'MaxBurstLength given as the hex-constant 0x1000 is answered with at most 4096',
    requirement: 'A numerical-value may be encoded as a hex-constant; 0x1000 is 4096, so the Minimum answer does not exceed 4096.' },
].map(offerCase));
