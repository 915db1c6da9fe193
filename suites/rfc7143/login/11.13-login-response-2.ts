// RFC 7143 §11.13 Login Response, continued: Version-active, TSIH only in the final response, StatSN, T bit, closing on failure.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, loginStatus, pass } from '../../../harness/runner/outcomes.js';
import { asResponse, firstStep, needNoAuth, okResponse, sendPairs, Stage } from '../../support-login.js';
const opPairs = [{ key: 'ErrorRecoveryLevel', value: '0' }];

export default defineSection('rfc7143/11.13', 'Login Response', [
  {
    n: 5, title: 'a range Version-min 0 .. Version-max 0x7f is accepted with Version-active 0', level: 'MUST',
    requirement: 'Version-active is the highest version supported by both target and initiator; with 0 in the offered range the login goes on with Version-active 0.',
    ref: 'rfc7143/11.13.2', tags: ['login', 'version'],
    async run(t) {
      const { e } = await firstStep(t, {}, { versionMax: 0x7f, versionMin: 0, transit: false });
      await t.expect(e, pass(okResponse(p => p.versionActive === 0, 'Login Response status 0x0000 with Version-active 0x00')));
    },
  },
  {
    n: 6, title: 'an unsupported version range is rejected with Version-active naming the lowest supported version', level: 'MUST',
    requirement: 'If the target supports no version in the range, it rejects the login and Version-active indicates the lowest version it supports (0x00 for RFC 7143).',
    ref: 'rfc7143/11.13.2', tags: ['login', 'version'],
    async run(t) {
      const { e } = await firstStep(t, {}, { versionMax: 0x10, versionMin: 0x08 });
      await t.expect(e, pass({ ...loginStatus(0x02, 0x05), describe: 'Login Response 0x0205 with Version-active 0x00',
        test: x => loginStatus(0x02, 0x05).test(x) && x.kind === 'pdu' && x.pdu.type === 'LoginResponse' && x.pdu.versionActive === 0 }));
    },
  },
  {
    n: 7, title: 'a partial Login Response of a new session carries TSIH 0', level: 'MUST',
    requirement: 'For a new session the target generates the TSIH and returns it only in the Login Final-Response; earlier responses carry the TSIH of the request (0).',
    ref: 'rfc7143/11.13.3', tags: ['login', 'tsih'],
    async run(t) {
      const { e } = await firstStep(t, {}, { csg: Stage.Security, nsg: Stage.Operational, transit: true });
      await t.expect(e, pass(okResponse(p => p.tsih === 0 && p.nsg !== Stage.FullFeature, 'partial Login Response (status 0) with TSIH 0')));
    },
  },
  {
    n: 8, title: 'the second Login Response carries the first StatSN + 1 and the same Version-max', level: 'MUST',
    requirement: 'The first Login Response starts the StatSN of the connection and the next response carries it + 1; all Login Responses of a Login Phase carry the same Version-max.',
    ref: 'rfc7143/11.13.4', tags: ['login', 'numbering'],
    async run(t) {
      needNoAuth(t);
      const { c, e } = await firstStep(t, {}, { csg: Stage.Security, nsg: Stage.Operational, transit: true });
      const first = asResponse(t, e);
      t.check(first.statusClass === 0 && first.transit, 'first response status 0 with T=1', `status ${first.statusClass}/${first.statusDetail} T=${first.transit}`);
      sendPairs(c, opPairs, { csg: Stage.Operational, nsg: Stage.FullFeature, transit: true });
      await t.expect(c, pass(okResponse(p => p.statSN === ((first.statSN + 1) >>> 0) && p.versionMax === first.versionMax,
        `Login Response with StatSN ${(first.statSN + 1) >>> 0} and Version-max ${first.versionMax}`)));
    },
  },
  {
    n: 9, title: 'a Login Request with T=0 never gets a T=1 response', level: 'MUST',
    requirement: 'With Status-Class 0, the T bit of the response must not be 1 when the T bit of the request was 0; the target only transits after the initiator proposes it.',
    ref: 'rfc7143/11.13.6', tags: ['login', 'stages'],
    async run(t) {
      const { e } = await firstStep(t, {}, { csg: Stage.Security, nsg: Stage.Operational, transit: false });
      await t.expect(e, pass(okResponse(p => !p.transit, 'Login Response status 0x0000 with T=0')));
    },
  },
  {
    n: 10, title: 'after a failed login the target closes the connection', level: 'MUST',
    requirement: 'If the Status-Class is not 0, the initiator and target must close the TCP connection.',
    ref: 'rfc7143/11.13.5', tags: ['login', 'status'],
    async run(t) {
      const { c, e } = await firstStep(t, { TargetName: `${t.target.iqn}.absent` });
      await t.expect(e, pass(loginStatus(0x02)));
      await t.expect(await c.receive(1000), pass(closed()));
    },
  },
]);
