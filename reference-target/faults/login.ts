// Faults in login and negotiation (RFC 7143 §6, §11.13, §12, §13).
import { defineFault } from './define.js';

/** Login deviations. */
export const loginFaults = [
  defineFault({
    id: 'fault/tsih-zero', ref: 'rfc7143/11.13.4',
    description: 'the final successful Login Response carries TSIH 0 instead of the session\'s TSIH',
    caughtBy: ['rfc7143/11.13/1'],
    hooks: { finalTsih: () => 0 },
  }),
  defineFault({
    id: 'fault/chap-accept-any', ref: 'rfc7143/12.1.3',
    description: 'a wrong CHAP_R (or unknown CHAP_N) is accepted and the login goes on',
    caughtBy: ['rfc7143/12.1.3/10', 'rfc7143/12.1.3/11'],
    hooks: { chapVerified: () => true },
  }),
  defineFault({
    id: 'fault/skip-security', ref: 'rfc7143/6.3.2',
    description: 'with CHAP configured, an initiator that skips the security stage still gets in',
    caughtBy: ['rfc7143/12.1/5', 'rfc7143/12.1/6'],
    hooks: { authRequired: () => false },
  }),
  defineFault({
    id: 'fault/accept-small-mrdsl', ref: 'rfc7143/13.12',
    description: 'MaxRecvDataSegmentLength below 512 (e.g. 100) is taken as declared instead of refused',
    caughtBy: ['rfc7143/13.12/1'],
    hooks: {
      negotiation: (out, offers) => {
        const m = offers.find(o => o.key === 'MaxRecvDataSegmentLength');
        const n = m ? Number(m.value) : NaN;
        if (!(n >= 1 && n < 512)) return out;
        return { ...out, answers: out.answers.filter(a => a.key !== 'MaxRecvDataSegmentLength'),
          params: { ...out.params, maxRecvDataSegmentLength: { ...out.params.maxRecvDataSegmentLength, initiator: n } } };
      },
    },
  }),
  defineFault({
    id: 'fault/tpgt-missing', ref: 'rfc7143/13.9',
    description: 'TargetPortalGroupTag is left out of the first Login Response of a Normal session',
    caughtBy: ['rfc7143/13.9/1'],
    hooks: { sendTpgt: () => false },
  }),
  defineFault({
    id: 'fault/hang-on-time2wait-3600', ref: 'rfc7143/6.3',
    description: 'a Login Request offering DefaultTime2Wait=3600 (the top of its range) is never answered',
    caughtBy: ['rfc7143/13.15/1'],
    trigger: 'DefaultTime2Wait=3600 in any login request',
    hooks: { loginKeys: (act, pairs) => (pairs.some(p => p.key === 'DefaultTime2Wait' && p.value === '3600') ? 'hang' : act) },
  }),
  defineFault({
    id: 'fault/reinstatement-ignored', ref: 'rfc7143/6.3.5',
    description: 'a login with the ISID and InitiatorName of a live session creates a second session instead of reinstating',
    caughtBy: ['rfc7143/6.3.5/1', 'rfc7143/6.3.1/4'],
    hooks: { reinstate: () => false },
  }),
  defineFault({
    id: 'fault/header-digest-ignored', ref: 'rfc7143/13.1',
    description: 'HeaderDigest=CRC32C offered alone is answered None (the target refuses a mandatory digest)',
    caughtBy: ['rfc7143/13.1/100', 'rfc7143/11.2.3/1'],
    hooks: {
      negotiation: out => ({ ...out, answers: out.answers.map(a => (a.key === 'HeaderDigest' && a.value === 'CRC32C' ? { ...a, value: 'None' } : a)),
        params: { ...out.params, headerDigest: 'None' } }),
    },
  }),
];
