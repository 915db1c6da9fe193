// RFC 7143 §11.14 Logout Request / §11.15 Logout Response: closing a session or a connection, codes, fields, afterwards.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { Conn } from '../../../harness/runner/conn.js';
import { closed, loginStatus, nonStrict, pass, pdu, reject } from '../../../harness/runner/outcomes.js';
import { alive, holdWrite } from '../../support-tmf.js';

const T = { tags: ['logout'] as const };

/** A Logout Response to this request with this response code. */
const logoutResponse = (req: { itt: number }, code: number) =>
  pdu('LogoutResponse', p => p.itt === req.itt && p.response === code, `Logout Response with ITT 0x${req.itt.toString(16)} and response ${code}`);

// Reason codes other than 0-2 are reserved (§11.14.1); 3 is the non-RFC "AEN request" some stacks define.
const badReason: CaseDef[] = [3, 0x7f].map((reasonCode, i) => ({
  n: 4 + i,
  title: `a reserved Logout reason code ${reasonCode} is refused and the connection keeps serving`,
  level: 'SHOULD',
  requirement: `Reason codes other than 0, 1 and 2 are reserved (§11.14.1); a Logout Request with reason ${reasonCode} is not executed: a Reject (or a Logout Response other than 0) comes back and the connection keeps serving.`,
  ref: 'rfc7143/11.14.1',
  ...T,
  async run(t) {
    const c = await t.login();
    const req = c.send('LogoutRequest', { immediate: true, final: true, reasonCode, cid: c.cid });
    const e = await t.expect(c, pass(reject()), pass(pdu('LogoutResponse', p => p.itt === req.itt && p.response !== 0, 'Logout Response with a non-zero response')), nonStrict(closed()));
    if (e.kind === 'pdu') await alive(t, c, `after a Logout with reason ${reasonCode}`);
  },
}));

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
  {
    n: 3,
    title: 'a Logout to remove the connection for recovery at ErrorRecoveryLevel 0 gets response 2',
    level: 'MUST',
    requirement: 'Response 2 means "connection recovery is not supported": the reason was "remove the connection for recovery" and the operational ErrorRecoveryLevel does not support it (§11.15.1); at ErrorRecoveryLevel 0 that is the answer.',
    ref: 'rfc7143/11.15.1',
    ...T,
    async run(t) {
      const c = await t.login({ keys: { ErrorRecoveryLevel: '0' } });
      const req = c.send('LogoutRequest', { immediate: true, final: true, reasonCode: 2, cid: c.cid });
      await t.expect(c, pass(logoutResponse(req, 2)));
    },
  },
  ...badReason,
  {
    n: 6,
    title: 'a Logout to close a connection whose CID does not exist gets response 1 (CID not found)',
    level: 'MUST',
    requirement: 'Response 1 is "CID not found" (§11.15.1): a close-the-connection Logout naming a CID that is not in the session is answered with it, and the connection it arrived on stays.',
    ref: 'rfc7143/11.15.1',
    ...T,
    async run(t) {
      const c = await t.login();
      const req = c.send('LogoutRequest', { immediate: true, final: true, reasonCode: 1, cid: (c.cid + 0x1234) & 0xffff });
      await t.expect(c, pass(logoutResponse(req, 1)));
      await alive(t, c, 'after a Logout for another CID');
    },
  },
  ...[0, 1].map((reasonCode, i): CaseDef => ({
    n: 7 + i,
    title: `after the Logout Response (reason ${reasonCode}) the target closes the connection and sends nothing more`,
    level: 'MUST',
    requirement: 'The target issues the Logout Response and half-closes the TCP connection (§11.14); after Logout the connection MUST be closed at both ends (§11.15): the next event after the response is the close.',
    ref: 'rfc7143/11.15',
    ...T,
    async run(t) {
      const c = await t.login();
      const req = c.send('LogoutRequest', { immediate: true, final: true, reasonCode, cid: c.cid });
      await t.expect(c, pass(logoutResponse(req, 0)));
      await t.expect(c.receive(1000), pass(closed()));
    },
  })),
  {
    n: 9,
    title: 'a session-close Logout with a task outstanding: response 0, nothing for the task, connection closed',
    level: 'MUST',
    requirement: 'On "close the session" the target MUST terminate all pending commands (§11.14); for the terminated commands no more responses come, and the connection is closed after the Logout Response.',
    ref: 'rfc7143/11.14',
    requires: ['dataloss'],
    ...T,
    async run(t) {
      const c = await t.login();
      const h = await holdWrite(t, c);
      const req = c.send('LogoutRequest', { immediate: true, final: true, reasonCode: 0, cid: c.cid });
      await t.expect(c, pass(logoutResponse(req, 0)));
      await t.expect(c.receive(1000), pass(closed()));
      t.note(`held task ITT 0x${h.itt.toString(16)} got no response`);
    },
  },
  {
    n: 10,
    title: 'a non-immediate Logout is answered in CmdSN order with the next StatSN and an ExpCmdSN past it',
    level: 'MUST',
    requirement: 'The Logout Response carries the request\'s ITT, the connection\'s next StatSN (§4.2.2.2) and an ExpCmdSN that counts the Logout\'s CmdSN (§4.2.2.1, §11.15).',
    ref: 'rfc7143/11.15',
    ...T,
    async run(t) {
      const c = await t.login();
      const statSN = c.expStatSN;
      const req = c.send('LogoutRequest', { immediate: false, final: true, reasonCode: 0, cid: c.cid });
      await t.expect(c, pass(pdu('LogoutResponse', p => p.itt === req.itt && p.response === 0 && p.statSN === statSN && p.expCmdSN === ((req.cmdSN + 1) >>> 0),
        `Logout Response 0 with ITT 0x${req.itt.toString(16)}, StatSN ${statSN}, ExpCmdSN ${(req.cmdSN + 1) >>> 0}`)));
    },
  },
  {
    n: 11,
    title: 'a Discovery session accepts a Logout to close the session',
    level: 'MUST',
    requirement: 'In a Discovery session the target MUST accept a Logout Request with reason "close the session" (§4.3): it answers with response 0.',
    ref: 'rfc7143/4.3',
    ...T,
    async run(t) {
      const c = await t.login({ sessionType: 'Discovery' });
      const req = c.send('LogoutRequest', { immediate: true, final: true, reasonCode: 0, cid: c.cid });
      await t.expect(c, pass(logoutResponse(req, 0)));
    },
  },
  {
    n: 12,
    title: 'a Discovery session rejects a Logout to close the connection',
    level: 'MUST',
    requirement: 'A Discovery session MUST ONLY accept SendTargets Text Requests and a Logout with reason "close the session"; all other requests MUST be rejected (§4.3), so a reason-1 Logout is refused.',
    ref: 'rfc7143/4.3',
    ...T,
    async run(t) {
      const c = await t.login({ sessionType: 'Discovery' });
      const req = c.send('LogoutRequest', { immediate: true, final: true, reasonCode: 1, cid: c.cid });
      await t.expect(c, pass(reject()), nonStrict(pdu('LogoutResponse', p => p.itt === req.itt && p.response !== 0, 'Logout Response with a non-zero response')));
    },
  },
  {
    n: 13,
    title: 'after a session-close Logout, a login naming the old TSIH fails with "session does not exist"',
    level: 'MUST',
    requirement: 'A successful "session close" Logout is a session closure (§6.3.5); a login with that ISID and the old non-zero TSIH names no existing session and fails ("session does not exist", 0x020a) (§6.3.1 table, §11.13.5).',
    ref: 'rfc7143/6.3.1',
    ...T,
    async run(t) {
      const a = await t.login();
      const tsih = a.tsih;
      const req = a.send('LogoutRequest', { immediate: true, final: true, reasonCode: 0, cid: a.cid });
      await t.expect(a, pass(logoutResponse(req, 0)));
      const b = await t.connect();
      const again = new Conn(b.session, b.target, b.remaining, a.isid); // same ISID, a new TCP connection
      const r = await t.tryLogin(again, { tsih });
      await t.expect(r.event, pass(loginStatus(0x02, 0x0a)), nonStrict(loginStatus(0x02)));
    },
  },
]);
