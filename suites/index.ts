// The registry of conformance sections: every suite file is imported here explicitly, in report order.
import type { Section } from '../harness/runner/case.js';
import loginRequest from './rfc7143/login/11.12-login-request.js';
import loginResponse from './rfc7143/login/11.13-login-response.js';
import targetName from './rfc7143/login/13.4-target-name.js';
import initiatorName from './rfc7143/login/13.5-initiator-name.js';
import maxRecvDataSegmentLength from './rfc7143/keys/13.12-max-recv-data-segment-length.js';
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
  loginRequest, loginResponse, targetName, initiatorName, maxRecvDataSegmentLength,
  ...ffpSections, ...nopSections, ...rejectSections, ...dataSections, ...textSections, ...discoverySections,
  ...tmfSections, ...logoutSections, ...recoverySections,
  ...spcSections, ...sbcSections,
  ...faultCaseSections,
];
