// RFC 7143 §11.5.1 TMF Function: ABORT TASK / ABORT TASK SET / CLEAR TASK SET on live tasks, immediate delivery, CLEAR ACA, reassign.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { closed, nonStrict, pass, pdu, reject, scsiStatus, sense } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { scsi, SenseKey } from '../../support.js';
import { alive, Fn, holdWrite, reportedLuns, TUR, noLateResponse, releaseWrite, sendTmf, Tmf, tmfResponse, untilTmfResponse } from '../../support-tmf.js';

const T = { tags: ['tmf'] as const };

// Functions 13-127 are unassigned (§11.5.1); rows of one family.
const unassigned: CaseDef[] = [13, 64, 127].map((fn, i) => ({
  n: 11 + i,
  title: `an unassigned function code ${fn} is refused with a TMF Response (not supported / rejected)`,
  level: 'SHOULD',
  requirement: `Function values other than 1-12 are unassigned (§11.5.1); a request with function ${fn} is refused (TMF Response 5 or 255) and the connection keeps serving.`,
  ref: 'rfc7143/11.5.1',
  ...T,
  async run(t) {
    const c = await t.login();
    const req = sendTmf(c, fn);
    await t.expect(c, pass(tmfResponse(req, [Tmf.NOT_SUPPORTED, Tmf.REJECTED])), nonStrict(reject()));
    await alive(t, c, `after function ${fn}`);
  },
}));

export default defineSection('rfc7143/11.5.1', 'Task Management Function Request: Function', [
  {
    n: 1,
    title: 'ABORT TASK on a task waiting for Data-Out: Function Complete and no status for it afterwards',
    level: 'MUST',
    requirement: 'A TMF Response is returned for ABORT TASK, and no response for the aborted task is delivered after the TMF response (§11.5.1); a valid task that ends gives "Function complete" (§11.6.1 a).',
    ref: 'rfc7143/11.5.1',
    requires: ['dataloss'],
    ...T,
    async run(t) {
      const c = await t.login();
      const h = await holdWrite(t, c);
      const req = sendTmf(c, Fn.ABORT_TASK, { referencedTaskTag: h.itt, refCmdSN: h.cmdSN });
      await t.expect(untilTmfResponse(t, c, req.itt, [h.itt]), pass(tmfResponse(req, [Tmf.COMPLETE])));
      await noLateResponse(t, c, [h.itt]);
    },
  },
  {
    n: 2,
    title: 'ABORT TASK SET with a task waiting for Data-Out: Function Complete, nothing for the task afterwards',
    level: 'MUST',
    requirement: 'ABORT TASK SET aborts all tasks of this session on the LU; the initiator keeps answering the R2T, and no response for the covered task follows the TMF response (§11.5.1).',
    requires: ['dataloss'],
    ...T,
    async run(t) {
      const c = await t.login();
      const h = await holdWrite(t, c);
      const req = sendTmf(c, Fn.ABORT_TASK_SET);
      releaseWrite(c, h); // §11.5.1: the issuing initiator MUST continue to respond to valid TTTs
      await t.expect(untilTmfResponse(t, c, req.itt, [h.itt]), pass(tmfResponse(req, [Tmf.COMPLETE])));
      await noLateResponse(t, c, [h.itt]);
    },
  },
  {
    n: 3,
    title: 'CLEAR TASK SET with a task waiting for Data-Out: Function Complete, nothing for the task afterwards',
    level: 'MUST',
    requirement: 'CLEAR TASK SET aborts the tasks of the task set; no response for a covered task follows the TMF response (§11.5.1).',
    requires: ['dataloss'],
    exclusive: true, // the task set is shared by every nexus: parallel cases would lose their tasks
    ...T,
    async run(t) {
      const c = await t.login();
      const h = await holdWrite(t, c);
      const req = sendTmf(c, Fn.CLEAR_TASK_SET);
      releaseWrite(c, h);
      await t.expect(untilTmfResponse(t, c, req.itt, [h.itt]), pass(tmfResponse(req, [Tmf.COMPLETE])));
      await noLateResponse(t, c, [h.itt]);
    },
  },
  {
    n: 4,
    title: 'ABORT TASK SET leaves the tasks of another session alone',
    level: 'MUST',
    requirement: 'ABORT TASK SET "aborts all tasks issued via this session on the LU" (§11.5.1): a write held by a second session still completes with GOOD.',
    requires: ['dataloss'],
    ...T,
    async run(t) {
      const a = await t.login();
      const b = await t.login();
      const h = await holdWrite(t, b);
      const req = sendTmf(a, Fn.ABORT_TASK_SET);
      await t.expect(untilTmfResponse(t, a, req.itt), pass(tmfResponse(req, [Tmf.COMPLETE])));
      releaseWrite(b, h);
      await t.expect(b, pass(pdu('ScsiResponse', p => p.itt === h.itt && p.response === 0 && p.status === 0, 'SCSI Response GOOD for the other session\'s write')));
    },
  },
  {
    n: 5,
    title: 'an immediate TMF is executed although a CmdSN gap holds back the command queue',
    level: 'MUST',
    requirement: 'A task management request marked for immediate delivery "must be considered immediately for execution" (§11.5.1); the TMF Response is returned (MUST) while a non-immediate command waits for a missing CmdSN.',
    ...T,
    async run(t) {
      const c = await t.login();
      const missing = c.session.numbering.takeCmdSN(false); // never sent first: the NOP-Out below waits behind the gap
      const late = c.send('NopOut', { final: true, ttt: NO_TAG, data: Buffer.alloc(0) });
      const req = sendTmf(c, Fn.ABORT_TASK_SET);
      await t.expect(untilTmfResponse(t, c, req.itt), pass(tmfResponse(req, [Tmf.COMPLETE])));
      // Plug the gap so the session can go on (§7.3); both NOP-Outs are then answered.
      c.send('NopOut', { final: true, ttt: NO_TAG, cmdSN: missing, data: Buffer.alloc(0) });
      await alive(t, c, `after the gap at CmdSN ${missing} is plugged (late NOP-Out ITT 0x${late.itt.toString(16)})`);
    },
  },
  {
    n: 6,
    title: 'CLEAR ACA is answered with a TMF Response',
    level: 'MUST',
    requirement: 'For all the functions of §11.5.1 "the Task Management Function Response MUST be returned"; CLEAR ACA with no ACA in effect is answered (any response code) and the connection keeps serving.',
    ...T,
    async run(t) {
      const c = await t.login();
      const req = sendTmf(c, Fn.CLEAR_ACA);
      await t.expect(c, pass(tmfResponse(req, [Tmf.COMPLETE, Tmf.NO_TASK, Tmf.NOT_SUPPORTED, Tmf.AUTH_FAILED, Tmf.REJECTED])));
      await alive(t, c, 'after CLEAR ACA');
    },
  },
  {
    n: 7,
    title: 'TASK REASSIGN at ErrorRecoveryLevel 0 gets "Task allegiance reassignment not supported"',
    level: 'MUST',
    requirement: 'When a target does not support allegiance reassignment (ErrorRecoveryLevel < 2) it MUST respond "Task allegiance reassignment not supported" (4) (§7.2.2, §11.6.1).',
    ref: 'rfc7143/7.2.2',
    ...T,
    async run(t) {
      const c = await t.login({ keys: { ErrorRecoveryLevel: '0' } });
      const req = sendTmf(c, Fn.TASK_REASSIGN, { referencedTaskTag: 0x1234 });
      await t.expect(c, pass(tmfResponse(req, [Tmf.REASSIGN_UNSUPPORTED])), nonStrict(tmfResponse(req, [Tmf.NOT_SUPPORTED])));
      await alive(t, c, 'after TASK REASSIGN');
    },
  },
  {
    n: 8,
    title: 'LOGICAL UNIT RESET: Function Complete, then a UNIT ATTENTION (29/xx) on another I_T nexus',
    level: 'MUST',
    requirement: 'For LOGICAL UNIT RESET the target MUST behave as SAM dictates (§11.5.1): the reset establishes a unit attention (ASC 29h, reset occurred) for the other I_T nexuses of the LU.',
    requires: ['dataloss'],
    exclusive: true,
    ...T,
    async run(t) {
      const a = await t.login();
      const b = await t.login(); // another ISID: another I_T nexus
      await scsi(t, b, TUR); // clears b's power-on UNIT ATTENTION
      const req = sendTmf(a, Fn.LU_RESET);
      await t.expect(untilTmfResponse(t, a, req.itt), pass(tmfResponse(req, [Tmf.COMPLETE])));
      await t.expect(b.scsi(TUR), pass(sense(SenseKey.UNIT_ATTENTION, 0x29)));
    },
  },
  {
    n: 9,
    title: 'LOGICAL UNIT RESET of one LU leaves another LU without a UNIT ATTENTION',
    level: 'MUST',
    requirement: 'LOGICAL UNIT RESET acts on the addressed LU (§11.5.1, §11.5.3): a nexus that had no pending condition on another LU gets GOOD there afterwards.',
    requires: ['dataloss', 'luns>=2'],
    exclusive: true,
    ...T,
    async run(t) {
      const a = await t.login();
      const luns = await reportedLuns(t, a);
      const other = luns.find(l => l !== t.target.lun);
      if (other === undefined) t.skip(`REPORT LUNS lists only LUN ${t.target.lun}`);
      const b = await t.login();
      await scsi(t, b, TUR, { lun: other });
      const req = sendTmf(a, Fn.LU_RESET);
      await t.expect(untilTmfResponse(t, a, req.itt), pass(tmfResponse(req, [Tmf.COMPLETE])));
      await t.expect(b.scsi(TUR, { lun: other }), pass(scsiStatus(0)));
    },
  },
  {
    n: 10,
    title: 'LOGICAL UNIT RESET gives a second initiator a UNIT ATTENTION',
    level: 'MUST',
    requirement: 'LOGICAL UNIT RESET "may affect commands from other sessions" and follows SAM (§11.5.1): a session of another initiator sees the reset as a UNIT ATTENTION (29h) on its next command.',
    requires: ['dataloss', 'second-initiator'],
    exclusive: true,
    ...T,
    async run(t) {
      const a = await t.login();
      const b = await t.login({ initiatorName: t.target.initiatorName2! });
      await scsi(t, b, TUR);
      const req = sendTmf(a, Fn.LU_RESET);
      await t.expect(untilTmfResponse(t, a, req.itt), pass(tmfResponse(req, [Tmf.COMPLETE])));
      await t.expect(b.scsi(TUR), pass(sense(SenseKey.UNIT_ATTENTION, 0x29)));
    },
  },
  ...unassigned,
  {
    n: 14,
    title: 'I_T NEXUS RESET (function 11) is answered, not left hanging',
    level: 'MUST',
    requirement: 'With iSCSIProtocolLevel 2 negotiated, a TMF Response MUST be returned for the RFC 7144 functions (RFC 7144 §6.3); after "Function complete" the target drops the session\'s connections, otherwise the connection keeps serving. Without level 2 the request is a protocol error and must still be answered or the connection closed.',
    ref: 'rfc7144/6.3',
    ...T,
    async run(t) {
      const c = await t.connect();
      const r = await t.tryLogin(c, { keys: { iSCSIProtocolLevel: '2' } });
      if (!r.ok) t.fail('login offering iSCSIProtocolLevel=2 reaches Full Feature Phase', r.problem ?? 'failed', 'rfc7144/7.1.1');
      const level2 = Number(r.keys.iSCSIProtocolLevel ?? '1') >= 2;
      const req = sendTmf(c, Fn.I_T_NEXUS_RESET);
      // A bounded wait: a target that stops answering shows up as silence here, not as a pass.
      const e = await t.expect(c.receive(1000),
        pass(tmfResponse(req, [Tmf.COMPLETE, Tmf.NOT_SUPPORTED, Tmf.AUTH_FAILED, Tmf.REJECTED])),
        ...(level2 ? [nonStrict(closed())] : [pass(reject()), pass(closed())]));
      if (e.kind === 'pdu' && e.pdu.type === 'TaskManagementResponse' && e.pdu.response === Tmf.COMPLETE) {
        await t.expect(c.receive(1000), pass(closed())); // RFC 7144 §6.3: the target MUST drop all connections of the session
      } else if (e.kind === 'pdu') await alive(t, c, 'after a refused I_T NEXUS RESET');
    },
  },
]);
