// RFC 7143 §11.13 Login Response: a normal login reaches Full Feature Phase with a TSIH; statuses for bad targets.
import { defineSection } from '../../../harness/runner/case.js';
import { loginStatus, pass, pdu } from '../../../harness/runner/outcomes.js';
import { firstLoginKeys } from '../../support.js';

export default defineSection('rfc7143/11.13', 'Login Response', [
  {
    n: 1,
    title: 'a normal login succeeds and the final response assigns a non-zero TSIH',
    level: 'MUST',
    requirement: 'A leading login (TSIH 0) that succeeds ends with a Login Response T=1, NSG=3, status 0x0000 whose TSIH is the new, non-zero session handle.',
    ref: 'rfc7143/11.13.3',
    tags: ['login', 'tsih'],
    async run(t) {
      const c = await t.connect();
      const r = await t.tryLogin(c);
      await t.expect(r.event, pass(pdu('LoginResponse', p => p.statusClass === 0 && p.transit && p.nsg === 3 && p.tsih !== 0, 'final Login Response with status 0x0000, T=1, NSG=3 and a non-zero TSIH')));
    },
  },
  {
    n: 2,
    title: 'the Login Response echoes the ITT and ISID of the request',
    level: 'MUST',
    requirement: 'A Login Response answers the Login Request with the same Initiator Task Tag and ISID.',
    ref: 'rfc7143/11.13',
    tags: ['login'],
    async run(t) {
      const c = await t.connect();
      const req = c.loginRequest({ keys: firstLoginKeys(t) });
      await t.expect(c, pass(pdu('LoginResponse', p => p.itt === req.itt && p.isid === req.isid, `Login Response with ITT 0x${req.itt.toString(16)} and ISID 0x${req.isid.toString(16)}`)));
    },
  },
  {
    n: 3,
    title: 'a login to a target name that does not exist gets status 0x0203',
    level: 'MUST',
    requirement: 'When the requested TargetName does not exist at this address the login fails with "Not found" (0x0203).',
    ref: 'rfc7143/11.13.5',
    tags: ['login', 'names'],
    async run(t) {
      const c = await t.connect();
      c.loginRequest({ keys: { ...firstLoginKeys(t), TargetName: `${t.target.iqn}.no-such-target-${t.seed}` } });
      await t.expect(c, pass(loginStatus(0x02, 0x03)));
    },
  },
  {
    n: 4,
    title: 'Version-active of a successful login is within the offered range',
    level: 'MUST',
    requirement: 'Version-active in the Login Response is the version chosen from the Version-min..Version-max range the initiator offered (0x00 here).',
    ref: 'rfc7143/11.13.2',
    tags: ['login', 'version'],
    async run(t) {
      const c = await t.connect();
      c.loginRequest({ keys: firstLoginKeys(t) });
      await t.expect(c, pass(pdu('LoginResponse', p => p.statusClass === 0 && p.versionActive === 0, 'Login Response with status 0x0000 and Version-active 0x00')));
    },
  },
]);
