// RFC 7143 §11.6.1 TMF Response codes: ABORT TASK rules a/b/c, LUN does not exist, TARGET WARM/COLD RESET.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { samLun } from '../../../harness/runner/conn.js';
import { closed, nonStrict, pass, pdu } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { scsi } from '../../support.js';
import { absentLun, alive, Fn, reportedLuns, sendTmf, Tmf, tmfResponse, TUR, untilTmfResponse } from '../../support-tmf.js';

const T = { tags: ['tmf'] as const };

// A TMF naming a LUN the target does not report gets response 2 (maps to INCORRECT LOGICAL UNIT NUMBER).
const badLun: CaseDef[] = [[Fn.ABORT_TASK, 'ABORT TASK'], [Fn.ABORT_TASK_SET, 'ABORT TASK SET'], [Fn.CLEAR_TASK_SET, 'CLEAR TASK SET']].map(([fn, name], i) => ({
  n: 4 + i,
  title: `${name as string} naming a LUN that does not exist gets response 2 (LUN does not exist)`,
  level: 'MUST',
  requirement: `Response 2 "LUN does not exist" maps to the SCSI service response INCORRECT LOGICAL UNIT NUMBER (§11.6.1); ${name as string} addressed to a LUN missing from REPORT LUNS is answered with it, not "Function complete".`,
  ...T,
  async run(t) {
    const c = await t.login();
    const lun = absentLun(await reportedLuns(t, c));
    const req = sendTmf(c, fn as number, { lun: samLun(lun), ...(fn === Fn.ABORT_TASK ? { referencedTaskTag: 0x7fff0001, refCmdSN: c.cmdSN } : {}) });
    await t.expect(c, pass(tmfResponse(req, [Tmf.NO_LUN])));
  },
}));

export default defineSection('rfc7143/11.6.1', 'Task Management Function Response: Response', [
  {
    n: 1,
    title: 'ABORT TASK for a task that has already completed is answered "Function complete" or "Task does not exist"',
    level: 'MUST',
    requirement: 'A TMF Response MUST be returned (§11.5.1); for a task that no longer exists the answer is 0 or 1, both of which map to the SCSI service response FUNCTION COMPLETE (§11.6.1).',
    ...T,
    async run(t) {
      const c = await t.login();
      await scsi(t, c, TUR);
      const cmdSN = c.cmdSN;
      const done = await c.scsi(TUR);
      if (done.kind !== 'scsi') t.fail('TEST UNIT READY completes', done.kind);
      const req = sendTmf(c, Fn.ABORT_TASK, { referencedTaskTag: (done as { pdu: { itt: number } }).pdu.itt, refCmdSN: cmdSN });
      await t.expect(c, pass(tmfResponse(req, [Tmf.COMPLETE, Tmf.NO_TASK])));
    },
  },
  {
    n: 2,
    title: 'ABORT TASK for a lost command (RefCmdSN in the window, below the TMF CmdSN): Function complete, CmdSN taken as received',
    level: 'SHOULD',
    requirement: 'If the Referenced Task Tag names no task but RefCmdSN is within the CmdSN window and below the TMF\'s CmdSN, targets "must consider the CmdSN as received and return Function complete" (§11.6.1 b; lowercase "must"): a command sent next, after the lost CmdSN, is then executed.',
    ...T,
    async run(t) {
      const c = await t.login();
      const lost = c.session.numbering.takeCmdSN(false); // never sent: the "lost" command
      const req = sendTmf(c, Fn.ABORT_TASK, { referencedTaskTag: 0x7fff0002, refCmdSN: lost });
      await t.expect(untilTmfResponse(t, c, req.itt), pass(tmfResponse(req, [Tmf.COMPLETE])));
      // The next non-immediate command (CmdSN lost + 1) is only executed if `lost` counts as received.
      const nop = c.send('NopOut', { final: true, ttt: NO_TAG, data: Buffer.alloc(0) });
      await t.expect(c.receive(1000), pass(pdu('NopIn', p => p.itt === nop.itt, `NOP-In for the NOP-Out with CmdSN ${nop.cmdSN} (the gap at ${lost} closed by the abort)`)));
    },
  },
  {
    n: 3,
    title: 'ABORT TASK for an unknown task with RefCmdSN outside the CmdSN window gets "Task does not exist"',
    level: 'SHOULD',
    requirement: 'If the Referenced Task Tag names no task and RefCmdSN is outside the valid CmdSN window, targets "must return the Task does not exist response" (§11.6.1 c; lowercase "must").',
    ...T,
    async run(t) {
      const c = await t.login();
      const req = sendTmf(c, Fn.ABORT_TASK, { referencedTaskTag: 0x7fff0003, refCmdSN: (c.maxCmdSN + 1000) >>> 0 });
      await t.expect(c, pass(tmfResponse(req, [Tmf.NO_TASK])));
    },
  },
  ...badLun,
  {
    n: 7,
    title: 'TARGET WARM RESET is answered and the target keeps serving',
    level: 'MUST',
    requirement: 'A TMF Response MUST be returned (§11.5.1); TARGET WARM RESET is OPTIONAL (response 5 when not implemented) and subject to access controls (response 6); it does not close connections, so the connection keeps serving.',
    requires: ['dataloss'],
    exclusive: true,
    ...T,
    async run(t) {
      const c = await t.login();
      const req = sendTmf(c, Fn.WARM_RESET);
      await t.expect(untilTmfResponse(t, c, req.itt), pass(tmfResponse(req, [Tmf.COMPLETE, Tmf.NOT_SUPPORTED, Tmf.AUTH_FAILED])));
      await alive(t, c, 'after TARGET WARM RESET');
    },
  },
  {
    n: 8,
    title: 'TARGET COLD RESET closes every connection of every session; the target then takes new logins',
    level: 'MUST',
    requirement: 'For TARGET COLD RESET the target MUST close all of its TCP connections to all initiators (§11.6.1); the response may not be delivered reliably (§11.5.1). When refused (5: not implemented, 6: not authorised) the connection keeps serving.',
    requires: ['dataloss'],
    exclusive: true,
    ...T,
    async run(t) {
      const other = await t.login();
      const c = await t.login();
      const req = sendTmf(c, Fn.COLD_RESET);
      const e = await t.expect(untilTmfResponse(t, c, req.itt),
        pass(tmfResponse(req, [Tmf.COMPLETE, Tmf.NOT_SUPPORTED, Tmf.AUTH_FAILED])), pass(closed()));
      if (e.kind === 'pdu' && e.pdu.type === 'TaskManagementResponse' && e.pdu.response !== Tmf.COMPLETE) return alive(t, c, 'after a refused TARGET COLD RESET');
      if (e.kind === 'pdu') await t.expect(c.receive(1000), pass(closed()));
      await t.expect(untilClosed(other), pass(closed()));
      await t.login(); // the target is back: a fresh session logs in
    },
  },
]);

/** Reads the other session's connection until it ends (NOP-In or Async Message may come first), at most 1 s. */
async function untilClosed(c: Awaited<ReturnType<import('../../../harness/runner/case-api.js').CaseApi['login']>>) {
  for (;;) {
    const e = await c.receive(1000);
    if (e.kind === 'pdu' && (e.pdu.type === 'AsyncMessage' || e.pdu.type === 'NopIn')) continue;
    return e;
  }
}
