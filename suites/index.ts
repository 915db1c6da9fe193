// The registry of conformance sections: every suite file is imported here explicitly, in report order.
import type { Section } from '../harness/runner/case.js';
import { loginSections } from './rfc7143/login/index.js';
import { keysSections } from './rfc7143/keys/index.js';
import { chapSections } from './rfc7143/chap/index.js';
import { ffpSections } from './rfc7143/ffp/index.js';
import { nopSections } from './rfc7143/nop/index.js';
import { rejectSections } from './rfc7143/reject/index.js';
import { dataSections } from './rfc7143/data/index.js';
import { textSections } from './rfc7143/text/index.js';
import { discoverySections } from './rfc7143/discovery/index.js';
import { tmfSections } from './rfc7143/tmf/index.js';
import { logoutSections } from './rfc7143/logout/index.js';
import { recoverySections } from './rfc7143/recovery/index.js';
import { faultCaseSections } from './fault-cases.js';
import { spcSections } from './spc/index.js';
import { sbcSections } from './sbc/index.js';

/** Every section, in the order cases run and reports list them. */
export const sections: readonly Section[] = [
  ...loginSections, ...keysSections, ...chapSections,
  ...ffpSections, ...nopSections, ...rejectSections, ...dataSections, ...textSections, ...discoverySections,
  ...tmfSections, ...logoutSections, ...recoverySections,
  ...spcSections, ...sbcSections,
  ...faultCaseSections,
];
