// RFC 7143 §6.3.5 session reinstatement at ErrorRecoveryLevel 0: same ISID with TSIH 0 replaces the old session.
import { defineSection } from '../../../harness/runner/case.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import { Conn } from '../../../harness/runner/conn.js';
import { closed, pass, pdu, scsiStatus, sense } from '../../../harness/runner/outcomes.js';
import { SenseKey } from '../../support.js';
import { alive, holdWrite, TUR } from '../../support-tmf.js';

const T = { tags: ['recovery'] as const };

/** Opens a new TCP connection that logs in with `isid` (a reinstatement when that ISID has a live session). */
async function sameIsid(t: CaseApi, isid: number): Promise<Conn> {
  const b = await t.connect();
  return new Conn(b.session, b.target, b.remaining, isid);
}

export default defineSection('rfc7143/6.3.5', 'Session Reinstatement, Closure, and Timeout', [
  {
    n: 1,
    title: 'a login with the ISID of a live session and TSIH 0 reinstates it: the old connection is closed, the new session works',
    level: 'MUST',
    requirement: 'Logging in with an ISID that is active for that initiator and TSIH 0 implicitly logs out the old session and reinstates a new one in its place (§6.3.5); the implicit logout closes the old connection (§11.14, §11.15).',
    ...T,
    async run(t) {
      const a = await t.login();
      const b = await sameIsid(t, a.isid);
      const r = await t.tryLogin(b, { tsih: 0 });
      if (!r.ok) t.fail('the reinstating login reaches Full Feature Phase', r.problem ?? 'failed');
      const e = await t.expect(untilEnd(a), pass(closed()), pass(pdu('AsyncMessage', () => true, 'Async Message before the close')));
      if (e.kind === 'pdu') await t.expect(untilEnd(a), pass(closed()));
      await alive(t, b, 'in the reinstated session');
    },
  },
  {
    n: 2,
    title: 'after the connection drops, a login with the same ISID and TSIH 0 gets a new session that works; the old task is gone',
    level: 'MUST',
    requirement: 'Session reinstatement terminates all tasks of the old session without further notice (§6.3.5): the new session runs commands (GOOD or a UNIT ATTENTION first) and nothing of the old held write reaches it.',
    requires: ['dataloss'],
    ...T,
    async run(t) {
      const a = await t.login();
      const h = await holdWrite(t, a);
      a.close(); // the TCP connection fails: session recovery is all ERL 0 has (§7.1.5)
      const b = await sameIsid(t, a.isid);
      const r = await t.tryLogin(b, { tsih: 0 });
      if (!r.ok) t.fail('the reinstating login reaches Full Feature Phase', r.problem ?? 'failed');
      const e = await t.expect(b.scsi(TUR), pass(scsiStatus(0)), pass(sense(SenseKey.UNIT_ATTENTION)));
      t.check(!('pdu' in e) || (e.pdu as { itt?: number }).itt !== h.itt, 'no PDU for the old session\'s task', `a PDU with the old ITT 0x${h.itt.toString(16)}`);
      await alive(t, b, 'in the reinstated session');
    },
  },
]);

/** Next event on the old connection within 1 s, skipping NOP-In pings. */
async function untilEnd(c: Conn) {
  for (;;) {
    const e = await c.receive(1000);
    if (e.kind === 'pdu' && e.pdu.type === 'NopIn') continue;
    return e;
  }
}
