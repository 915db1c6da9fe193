// Per-connection login progress: stage, identifiers of the first request, keys concluded, CHAP, continuations.
import type { NegotiatedParams } from '../../harness/text/params.js';
import { defaultParams } from '../../harness/text/params.js';
import type { Session } from '../session.js';
import type { ChapAuthenticator } from './chap.js';

/** Everything remembered between the Login Requests of one connection's login phase (§6.3). */
export interface LoginState {
  /** Stage the next request must be in (0 security, 1 operational). */
  stage: 0 | 1;
  started: boolean;
  isid: number;
  tsih: number;
  itt: number;
  initiatorName?: string;
  targetName?: string;
  sessionType: 'Normal' | 'Discovery';
  /** Session this connection joins (TSIH != 0), or the one it reinstates (same ISID + name, TSIH 0). */
  existing?: Session;
  reinstates?: Session;
  authRequired: boolean;
  authDone: boolean;
  chap?: ChapAuthenticator;
  /** Keys concluded so far in the login (§6.2: none may be negotiated twice). */
  negotiated: Set<string>;
  params: NegotiatedParams;
  /** Request text collected across C=1 PDUs. */
  inText: Buffer[];
  inBytes: number;
  /** Our response text still to send with C=1 continuations. */
  outText: Buffer[];
  /** Keys we declared already (our MaxRecvDataSegmentLength, TargetPortalGroupTag...). */
  declared: Set<string>;
}

/** A fresh login state. */
export function newLoginState(authRequired: boolean): LoginState {
  return {
    stage: 0, started: false, isid: 0, tsih: 0, itt: 0, sessionType: 'Normal', authRequired, authDone: !authRequired,
    negotiated: new Set(), params: defaultParams(), inText: [], inBytes: 0, outText: [], declared: new Set(),
  };
}
