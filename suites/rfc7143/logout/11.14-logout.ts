// RFC 7143 §11.14 Logout Request / §11.15 Logout Response: closing a session or a connection.
import { defineSection } from '../../../harness/runner/case.js';
import { pass, pdu } from '../../../harness/runner/outcomes.js';

export default defineSection('rfc7143/11.14', 'Logout Request', [
  {
    n: 1,
    title: 'a Logout to close the session is answered with response 0 (closed successfully)',
    level: 'MUST',
    requirement: 'A Logout Request with reason 0 (close the session) is answered by a Logout Response with the same ITT and response 0.',
    ref: 'rfc7143/11.15.1',
    tags: ['logout'],
    async run(t) {
      const c = await t.login();
      const req = c.send('LogoutRequest', { immediate: true, final: true, reasonCode: 0, cid: c.cid });
      await t.expect(c, pass(pdu('LogoutResponse', p => p.itt === req.itt && p.response === 0, `Logout Response with ITT 0x${req.itt.toString(16)} and response 0`)));
    },
  },
  {
    n: 2,
    title: 'a Logout to close this connection by its CID is answered with response 0',
    level: 'MUST',
    requirement: 'A Logout Request with reason 1 (close the connection) naming the CID of the connection it arrives on is answered with response 0.',
    ref: 'rfc7143/11.15.1',
    tags: ['logout'],
    async run(t) {
      const c = await t.login();
      const req = c.send('LogoutRequest', { immediate: true, final: true, reasonCode: 1, cid: c.cid });
      await t.expect(c, pass(pdu('LogoutResponse', p => p.itt === req.itt && p.response === 0, 'Logout Response with response 0')));
    },
  },
]);
