// RFC 7143 §11.12 Login Request: version range and the T/C bits, as the target must judge them.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, loginStatus, nonStrict, pass } from '../../../harness/runner/outcomes.js';
import { firstLoginKeys } from '../../support.js';
import { firstStep, okResponse } from '../../support-login.js';

export default defineSection('rfc7143/11.12', 'Login Request', [
  {
    n: 1,
    title: 'a version range the target does not support gets status 0x0205',
    level: 'MUST',
    requirement: 'Version-max/Version-min name the range the initiator speaks; a target that supports none of it answers "Unsupported version" (0x0205).',
    ref: 'rfc7143/11.12.4',
    tags: ['login', 'version'],
    async run(t) {
      const c = await t.connect();
      c.loginRequest({ keys: firstLoginKeys(t), versionMax: 0x7f, versionMin: 0x7f });
      await t.expect(c, pass(loginStatus(0x02, 0x05)));
    },
  },
  {
    n: 2,
    title: 'a Login Request with both T and C set is refused with an initiator error',
    level: 'MUST',
    requirement: 'The T (transit) and C (continue) bits must not both be 1; such a request is an initiator error (status class 0x02).',
    ref: 'rfc7143/11.12.2',
    tags: ['login', 'bits'],
    async run(t) {
      const c = await t.connect();
      c.loginRequest({ keys: firstLoginKeys(t), transit: true, continue: true });
      await t.expect(c, pass(loginStatus(0x02)), nonStrict(closed()));
    },
  },
  {
    n: 3,
    title: 'a transit to the reserved stage 2 is refused with an initiator error',
    level: 'MUST',
    requirement: 'With T=1 the NSG names a later stage; stage 2 is reserved, so T=1 with NSG=2 is an initiator error (status class 0x02).',
    ref: 'rfc7143/11.12.3',
    tags: ['login', 'stages'],
    async run(t) {
      const c = await t.connect();
      c.loginRequest({ keys: firstLoginKeys(t), csg: 0, nsg: 2 });
      await t.expect(c, pass(loginStatus(0x02)), nonStrict(closed()));
    },
  },
  {
    n: 4,
    title: 'a reserved CSG code (2) is refused with an initiator error',
    level: 'MUST',
    requirement: 'The stage codes are 0, 1 and 3; all other codes are reserved, so a Login Request in stage 2 belongs to no stage and is an initiator error.',
    ref: 'rfc7143/11.12.3',
    tags: ['login', 'stages'],
    async run(t) {
      const { e } = await firstStep(t, {}, { csg: 2, nsg: 3, transit: false });
      await t.expect(e, pass(loginStatus(0x02)), nonStrict(closed()));
    },
  },
  {
    n: 5,
    title: 'a Login Request with C=1 is answered with an empty Login Response',
    level: 'MUST',
    requirement: 'A target receiving a Login Request with the C bit set answers with a Login Response with no data segment, and T is not set on it.',
    ref: 'rfc7143/6.2',
    tags: ['login', 'continuation'],
    async run(t) {
      const { e } = await firstStep(t, {}, { transit: false, continue: true });
      await t.expect(e, pass(okResponse(p => p.data.length === 0 && !p.transit, 'Login Response status 0x0000 with DataSegmentLength 0 and T=0')));
    },
  },
]);
