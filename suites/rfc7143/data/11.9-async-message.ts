// RFC 7143 §11.9 Asynchronous Message: when a target sends one, its fields follow the rules (informational when none arrives).
import { defineSection } from '../../../harness/runner/case.js';
import { informational, pass, pdu, silence } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { collect, command } from '../../support-ffp.js';

const EVENTS = new Set([0, 1, 2, 3, 4, 5, ...Array.from({ length: 8 }, (_, i) => 248 + i)]);

export default defineSection('rfc7143/11.9', 'Asynchronous Message', [
  {
    n: 1,
    title: 'an Asynchronous Message, if one arrives, is well formed',
    level: 'MUST',
    requirement: 'An Asynchronous Message has ITT 0xffffffff, an assigned AsyncEvent code, SenseLength 0 unless it is a SCSI event, and it takes the next StatSN; TaskTermination (5) only with TaskReporting=FastAbort.',
    tags: ['async', 'ffp'],
    async run(t) {
      const c = await t.login();
      await collect(t, c, command(c, Buffer.alloc(6), { edtl: 0 }));
      const s = c.expStatSN;
      const e = await t.expect(c, informational(silence(300)), pass(pdu('AsyncMessage', () => true, 'an Asynchronous Message')));
      if (e.kind !== 'pdu' || e.pdu.type !== 'AsyncMessage') return;
      const a = e.pdu;
      t.check(a.itt === NO_TAG, 'ITT 0xffffffff', `ITT 0x${a.itt.toString(16)}`, 'rfc7143/11.9');
      t.check(EVENTS.has(a.asyncEvent), 'an assigned AsyncEvent', `AsyncEvent ${a.asyncEvent}`, 'rfc7143/11.9.1');
      t.check(a.asyncEvent !== 5 || c.session.params.taskReporting === 'FastAbort', 'TaskTermination only with FastAbort', 'AsyncEvent 5 without FastAbort', 'rfc7143/11.9.1');
      const senseLength = a.data.length >= 2 ? a.data.readUInt16BE(0) : 0;
      t.check(a.asyncEvent === 0 || senseLength === 0, 'SenseLength 0 for an iSCSI event', `SenseLength ${senseLength}`, 'rfc7143/11.9.4.1');
      t.check(a.statSN === s, `StatSN ${s}`, `StatSN ${a.statSN}`, 'rfc7143/11.9');
    },
  },
]);
