// The registry of conformance sections: every suite file is imported here explicitly, in report order.
import type { Section } from '../harness/runner/case.js';
import { loginSections } from './rfc7143/login/index.js';
import { keysSections } from './rfc7143/keys/index.js';
import { chapSections } from './rfc7143/chap/index.js';
import { ffpSections } from './rfc7143/ffp/index.js';
import { nopSections } from './rfc7143/nop/index.js';
import { rejectSections } from './rfc7143/reject/index.js';
import { dataSections } from './rfc7143/data/index.js';
import { tmfSections } from './rfc7143/tmf/index.js';
import { logoutSections } from './rfc7143/logout/index.js';
import { recoverySections } from './rfc7143/recovery/index.js';
import { spcSections } from './spc/index.js';
import readCapacity16 from './sbc/read-capacity16.js';
import readCapacity10 from './sbc/read-capacity10.js';
import read10 from './sbc/read10.js';
import write10 from './sbc/write10.js';

/** Every section, in the order cases run and reports list them. */
export const sections: readonly Section[] = [
  ...loginSections, ...keysSections, ...chapSections,
  ...ffpSections, ...nopSections, ...rejectSections, ...dataSections,
  ...tmfSections, ...logoutSections, ...recoverySections,
  ...spcSections, readCapacity16, readCapacity10, read10, write10,
];
