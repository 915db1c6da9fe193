// RFC 7143 §11.6 TMF Response fields and §11.5.4 Referenced Task Tag: ITT echo, StatSN, the reserved tag.
import { defineSection } from '../../../harness/runner/case.js';
import { pass, pdu } from '../../../harness/runner/outcomes.js';
import { Fn, sendTmf, Tmf } from '../../support-tmf.js';

export default defineSection('rfc7143/11.6', 'Task Management Function Response', [
  {
    n: 1,
    title: 'the TMF Response echoes the ITT, carries the next StatSN and an ExpCmdSN past the request',
    level: 'MUST',
    requirement: 'The target sends a TMF Response back (§11.6) for the request\'s Initiator Task Tag; it is a status-bearing response numbered with the connection\'s next StatSN (§4.2.2.2), and its ExpCmdSN covers the commands received so far (§4.2.2.1).',
    ref: 'rfc7143/11.6',
    tags: ['tmf'],
    async run(t) {
      const c = await t.login();
      const statSN = c.expStatSN, expCmdSN = c.cmdSN;
      const req = sendTmf(c, Fn.ABORT_TASK_SET, { immediate: false });
      await t.expect(c, pass(pdu('TaskManagementResponse', p => p.itt === req.itt && p.statSN === statSN && p.expCmdSN === ((expCmdSN + 1) >>> 0),
        `TMF Response with ITT 0x${req.itt.toString(16)}, StatSN ${statSN} and ExpCmdSN ${(expCmdSN + 1) >>> 0}`)));
    },
  },
  {
    n: 2,
    title: 'a TMF other than ABORT TASK / TASK REASSIGN with Referenced Task Tag 0xffffffff is executed',
    level: 'MUST',
    requirement: 'For functions other than ABORT TASK and TASK REASSIGN the Referenced Task Tag MUST be the reserved value 0xffffffff (§11.5.4); a request that follows the rule (ABORT TASK SET) is answered "Function complete".',
    ref: 'rfc7143/11.5.4',
    tags: ['tmf'],
    async run(t) {
      const c = await t.login();
      const req = sendTmf(c, Fn.ABORT_TASK_SET, { referencedTaskTag: 0xffffffff });
      await t.expect(c, pass(pdu('TaskManagementResponse', p => p.itt === req.itt && p.response === Tmf.COMPLETE, 'TMF Response "Function complete"')));
    },
  },
]);
