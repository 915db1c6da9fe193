// The login sections of RFC 7143 (§4.2.4, §6.2, §6.3, §11.12, §11.13, §13 name keys), imported explicitly, report order.
import type { Section } from '../../../harness/runner/case.js';
import login from './4.2.4-login.js';
import textNegotiation from './6.2-text-mode-negotiation.js';
import loginPhase from './6.3-login-phase.js';
import loginPhaseStart from './6.3.1-login-phase-start.js';
import loginRequest from './11.12-login-request.js';
import loginResponse from './11.13-login-response.js';
import loginResponse2 from './11.13-login-response-2.js';
import targetName from './13.4-target-name.js';
import initiatorName from './13.5-initiator-name.js';
import tpgt from './13.9-target-portal-group-tag.js';
import sessionType from './13.21-session-type.js';

/** Every login section. */
export const loginSections: readonly Section[] = [
  login, textNegotiation, loginPhase, loginPhaseStart, loginRequest, loginResponse, loginResponse2,
  targetName, initiatorName, tpgt, sessionType,
];
