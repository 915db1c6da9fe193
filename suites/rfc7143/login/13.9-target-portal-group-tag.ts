// RFC 7143 §13.9 / §6.3.1 TargetPortalGroupTag: returned with the first Login Response of a login naming a target.
import { defineSection } from '../../../harness/runner/case.js';
import { pass } from '../../../harness/runner/outcomes.js';
import { firstStep, okResponse, parseNumber, responsePairs, Stage, valuesOf } from '../../support-login.js';

const tpgtOk = (v: string[]): boolean => v.length === 1 && (parseNumber(v[0]) ?? -1) <= 0xffff;

export default defineSection('rfc7143/13.9', 'TargetPortalGroupTag', [
  {
    n: 1, title: 'the first Login Response carries one TargetPortalGroupTag (0..65535)', level: 'MUST',
    requirement: 'The target returns TargetPortalGroupTag, a 16-bit value, in the Login Response to the first Login Request with C=0 when the initiator gives a TargetName.',
    ref: 'rfc7143/6.3.1', tags: ['login', 'tpgt'],
    async run(t) {
      const { e } = await firstStep(t, {}, { transit: false });
      await t.expect(e, pass(okResponse(p => tpgtOk(valuesOf(responsePairs({ kind: 'pdu', pdu: p }), 'TargetPortalGroupTag')), 'Login Response status 0 with one TargetPortalGroupTag in 0..65535')));
    },
  },
  {
    n: 2, title: 'after a continued first request, TargetPortalGroupTag comes with the response to the C=0 request', level: 'MUST',
    requirement: 'TargetPortalGroupTag goes with the first Login Response issued after the first Login Request with the C bit set to 0.',
    ref: 'rfc7143/6.3.1', tags: ['login', 'tpgt', 'continuation'],
    async run(t) {
      const { c, e } = await firstStep(t, {}, { transit: false, continue: true });
      await t.expect(e, pass(okResponse(p => p.data.length === 0, 'empty Login Response to the C=1 request')));
      c.loginRequest({ keys: { InitiatorAlias: 'conformance' }, csg: Stage.Security, nsg: Stage.Operational, transit: false });
      await t.expect(c, pass(okResponse(p => tpgtOk(valuesOf(responsePairs({ kind: 'pdu', pdu: p }), 'TargetPortalGroupTag')), 'Login Response status 0 with TargetPortalGroupTag')));
    },
  },
]);
