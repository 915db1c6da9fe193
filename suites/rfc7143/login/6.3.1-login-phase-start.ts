// RFC 7143 §6.3.1 Login Phase Start: the ISID/TSIH/CID table (new session, unknown TSIH, reinstatement, added connection).
import { defineSection } from '../../../harness/runner/case.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import type { Conn } from '../../../harness/runner/conn.js';
import { closed, describeEvent, loginStatus, pass, pdu } from '../../../harness/runner/outcomes.js';
import { ConnAs, firstStep, valuesOf } from '../../support-login.js';

// Leading-only keys (§13 "use: LO") may only be carried on the leading connection, so a further login leaves them out.
const LEADING_ONLY = ['SessionType', 'MaxConnections', 'InitialR2T', 'ImmediateData', 'MaxBurstLength', 'FirstBurstLength', 'DefaultTime2Wait',
  'DefaultTime2Retain', 'MaxOutstandingR2T', 'DataPDUInOrder', 'DataSequenceInOrder', 'ErrorRecoveryLevel', 'TaskReporting', 'iSCSIProtocolLevel'];

/** A second connection of the same initiator port: same ISID, the session's CmdSN; TSIH and CID as given. */
async function joinAs(t: CaseApi, first: Conn, tsih: number, cid: number): Promise<Conn> {
  const c = new ConnAs(await t.connect(), first.isid, cid);
  // A login for a further connection carries the session's current CmdSN (§11.12.8).
  c.session.numbering.cmdSN = first.cmdSN;
  const r = await t.tryLogin(c, { tsih, ...(tsih === 0 ? {} : { keys: Object.fromEntries(LEADING_ONLY.map(k => [k, undefined])) }) });
  if (!r.ok) t.fail(`login with ISID 0x${first.isid.toString(16)}, TSIH ${tsih}, CID ${cid} reaches Full Feature Phase`, `${describeEvent(r.event)}${r.problem ? ` (${r.problem})` : ''}`);
  return c;
}

/** The old connection is closed by the target (implicit logout, §6.3.4/§6.3.5). */
async function expectDropped(t: CaseApi, old: Conn): Promise<void> {
  // The old connection may still get an Async Message before it closes; anything else but the close fails.
  let e = await old.receive(1500);
  if (e.kind === 'pdu' && e.pdu.type === 'AsyncMessage') e = await old.receive(1500);
  await t.expect(e, pass(closed()));
}

export default defineSection('rfc7143/6.3.1', 'Login Phase Start', [
  {
    n: 1, title: 'a new ISID with a non-zero TSIH fails with "session does not exist" (0x020a)', level: 'MUST',
    requirement: 'A login with a new ISID and a non-zero TSIH fails the login with "session does not exist".',
    tags: ['login', 'tsih'],
    async run(t) {
      const { e } = await firstStep(t, {}, { tsih: 0x7e57, transit: false });
      await t.expect(e, pass(loginStatus(0x02, 0x0a)));
    },
  },
  {
    n: 2, title: 'an existing TSIH with a different ISID fails with 0x020a', level: 'MUST',
    requirement: 'The TSIH names a session of one initiator port (ISID); with another ISID the session does not exist for it, so the login fails with 0x020a.',
    tags: ['login', 'tsih'],
    async run(t) {
      const a = await t.login();
      const { e } = await firstStep(t, {}, { tsih: a.tsih, transit: false });
      await t.expect(e, pass(loginStatus(0x02, 0x0a)));
    },
  },
  {
    n: 3, title: 'a second connection with the TSIH and a new CID joins the session', level: 'MUST',
    requirement: 'An existing ISID with its existing non-zero TSIH and a new CID adds a new connection to the session (when MaxConnections allows it).',
    tags: ['login', 'tsih', 'connections'],
    async run(t) {
      const a = await t.connect();
      const r = await t.tryLogin(a, { keys: { MaxConnections: '2' } });
      if (!r.ok) t.fail('login reaches Full Feature Phase', describeEvent(r.event));
      if (Number(valuesOf(r, 'MaxConnections').at(-1) ?? '1') < 2) t.skip('the target negotiated MaxConnections=1');
      const b = await joinAs(t, a, a.tsih, 2);
      t.check(b.tsih === a.tsih, `the second connection keeps TSIH ${a.tsih}`, `TSIH ${b.tsih}`);
    },
  },
  {
    n: 4, title: 'a login with an existing ISID and TSIH 0 reinstates the session and drops the old one', level: 'MUST',
    requirement: 'An existing ISID with TSIH 0 does session reinstatement: the old session is implicitly logged out and a new one created in its place.',
    ref: 'rfc7143/6.3.5', tags: ['login', 'reinstatement'],
    async run(t) {
      const a = await t.login();
      const b = await joinAs(t, a, 0, 1);
      t.check(b.tsih !== 0, 'a non-zero TSIH for the new session', `TSIH ${b.tsih}`);
      await expectDropped(t, a);
    },
  },
  {
    n: 5, title: 'a login with the TSIH and the CID of a live connection reinstates that connection', level: 'SHOULD',
    requirement: 'An existing ISID, TSIH and CID does connection reinstatement: the old connection is implicitly logged out and replaced (targets should support the second connection this needs at ErrorRecoveryLevel < 2).',
    ref: 'rfc7143/6.3.4', tags: ['login', 'reinstatement'],
    async run(t) {
      const a = await t.login();
      const b = await joinAs(t, a, a.tsih, a.cid);
      t.check(b.tsih === a.tsih, `the reinstated connection keeps TSIH ${a.tsih}`, `TSIH ${b.tsih}`);
      await expectDropped(t, a);
    },
  },
  {
    n: 6, title: 'the Login Response echoes the ISID of a second-connection login', level: 'MUST',
    requirement: 'The target identifies the session by ISID and TSIH; its Login Response carries the same ISID.',
    ref: 'rfc7143/11.13', tags: ['login', 'tsih'],
    async run(t) {
      const a = await t.login();
      const c = new ConnAs(await t.connect(), a.isid, 7);
      const { e } = await firstStep(t, {}, { tsih: a.tsih, transit: false, conn: c });
      await t.expect(e, pass(pdu('LoginResponse', p => p.isid === a.isid, `Login Response with ISID 0x${a.isid.toString(16)}`)));
    },
  },
]);
