// RFC 7143 §7.7 Format Errors: an AHS on a PDU that has none ends the session's connections; the target itself survives.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, nonStrict, pass, pdu, reject } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { alive } from '../../support-tmf.js';

export default defineSection('rfc7143/7.7', 'Format Errors', [
  {
    n: 1,
    title: 'a NOP-Out carrying an AHS is a format error: the connection is closed (or the PDU refused) and the target keeps taking logins',
    level: 'MUST',
    requirement: 'TotalAHSLength MUST be 0 in PDUs that have no AHS (§11.2.1.5); a PDU with illegal header contents is a format error, on which the target MUST terminate the session\'s connections (§7.7). The target as a whole keeps serving: a new session logs in and answers a ping.',
    tags: ['recovery', 'robustness'],
    async run(t) {
      const c = await t.login();
      const ping = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG, data: Buffer.alloc(0), ahs: [{ ahsType: 1, specific: 0, data: Buffer.alloc(3) }] });
      await t.expect(c.receive(1000), pass(closed()), nonStrict(reject()), nonStrict(pdu('NopIn', p => p.itt === ping.itt, 'NOP-In answering the ping (AHS ignored)')));
      const fresh = await t.login();
      await alive(t, fresh, 'in a new session after the format error');
    },
  },
]);
