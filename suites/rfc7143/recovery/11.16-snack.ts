// RFC 7143 §11.16 SNACK Request (numbers from 100: reject/11.16-snack.ts holds 1-99): acknowledged status, ERL 0 refusals, ERL >= 1 retransmission.
import { defineSection } from '../../../harness/runner/case.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import type { Conn } from '../../../harness/runner/conn.js';
import type { Pdu } from '../../../harness/pdu/registry.js';
import { closed, describeEvent, informational, nonStrict, pass, pdu, reject, silence, type ScsiEvent } from '../../../harness/runner/outcomes.js';
import { rw10Cdb } from '../../../harness/initiator/cdbs.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { scsi } from '../../support.js';
import { alive, Fn, holdWrite, loginErl, sendTmf, Tmf, tmfResponse, TUR } from '../../support-tmf.js';

const T = { tags: ['recovery', 'snack'] as const };
const PROTOCOL_ERROR = 0x04;

/** Runs a command to its status and returns it (a failure ends the case). */
async function finished(t: CaseApi, c: Conn, cdb: Buffer, read = 0): Promise<ScsiEvent> {
  const e = await scsi(t, c, cdb, read ? { read } : {});
  if (e.kind !== 'scsi') t.fail('the command completes with a status', describeEvent(e));
  return e as ScsiEvent;
}

/**
 * A command sent by hand so that its status can stay unacknowledged; returns every PDU up to the status. `ack` keeps
 * its ExpStatSN back, so that it does not acknowledge an earlier status either.
 */
async function unacked(t: CaseApi, c: Conn, cdb: Buffer, read: number, ack?: number) {
  const cmd = c.send('ScsiCommand', { final: true, read: read > 0, write: false, attr: 1, expectedDataTransferLength: read, cdb, ...(ack === undefined ? {} : { expStatSN: ack }) });
  const got: Pdu[] = [];
  for (;;) {
    const e = await c.receive(1000);
    if (e.kind !== 'pdu') t.fail('the command completes', describeEvent(e));
    const p = (e as { pdu: Pdu }).pdu;
    if (p.type === 'NopIn') continue;
    got.push(p);
    if ((p.type === 'ScsiResponse' || (p.type === 'DataIn' && p.statusPresent)) && p.itt === cmd.itt) return { cmd, pdus: got, last: p };
  }
}

export default defineSection('rfc7143/11.16', 'SNACK Request', [
  {
    n: 100,
    title: 'a Status SNACK for a StatSN the initiator has acknowledged is rejected with "Protocol Error"',
    level: 'MUST',
    requirement: 'Any SNACK that requests a numbered response already acknowledged by the initiator MUST be rejected with reason "Protocol Error" (§11.16).',
    ...T,
    async run(t) {
      const c = await t.login();
      const done = await finished(t, c, TUR);
      const statSN = (done.pdu as { statSN: number }).statSN;
      await alive(t, c, 'before the SNACK'); // its ExpStatSN acknowledges the TUR status
      c.send('SnackRequest', { final: true, snackType: 1, itt: NO_TAG, tttOrSnackTag: NO_TAG, begRun: statSN, runLength: 1 });
      const e = await t.expect(c, pass(reject(PROTOCOL_ERROR)), nonStrict(closed()));
      if (e.kind === 'pdu') await alive(t, c, 'after the rejected SNACK');
    },
  },
  {
    n: 101,
    title: 'a DataACK at ErrorRecoveryLevel 0 is refused or ignored, and the connection keeps serving',
    level: 'MAY',
    requirement: 'Recovery beyond the negotiated ErrorRecoveryLevel MAY fail (§7.1.5); a DataACK at ERL 0 gets a Reject or no answer, and the connection still serves.',
    ref: 'rfc7143/7.1.5',
    ...T,
    async run(t) {
      const c = await t.login({ keys: { ErrorRecoveryLevel: '0' } });
      c.send('SnackRequest', { final: true, snackType: 2, itt: NO_TAG, tttOrSnackTag: NO_TAG, begRun: 1, runLength: 0 });
      const e = await t.expect(c, pass(reject()), pass(silence(300)), informational(closed()));
      if (e.kind !== 'closed') await alive(t, c, 'after the DataACK');
    },
  },
  {
    n: 102,
    title: 'a SNACK with a reserved Type is refused and the connection keeps serving',
    level: 'SHOULD',
    requirement: 'SNACK Types other than 0-3 are reserved (§11.16.1); such a request is refused with a Reject and the connection keeps serving.',
    ref: 'rfc7143/11.16.1',
    ...T,
    async run(t) {
      const c = await t.login();
      c.send('SnackRequest', { final: true, snackType: 7, itt: NO_TAG, tttOrSnackTag: NO_TAG, begRun: 0, runLength: 0 });
      const e = await t.expect(c, pass(reject()), nonStrict(closed()));
      if (e.kind === 'pdu') await alive(t, c, 'after the reserved SNACK');
    },
  },
  {
    n: 103,
    title: 'at ErrorRecoveryLevel >= 1 a Status SNACK for an unacknowledged status resends it exactly',
    level: 'MUST',
    requirement: 'A target at ErrorRecoveryLevel > 0 MUST support all SNACK types; the requested numbered response MUST be an exact replica except ExpCmdSN, MaxCmdSN and ExpDataSN (§11.16).',
    requires: ['erl>=1'],
    ...T,
    async run(t) {
      const c = await loginErl(t, 1);
      const expStatSN = c.expStatSN;
      const r = await unacked(t, c, TUR, 0);
      const first = r.last as { statSN: number; itt: number; status: number };
      c.send('SnackRequest', { final: true, snackType: 1, itt: NO_TAG, tttOrSnackTag: NO_TAG, begRun: first.statSN, runLength: 1, expStatSN });
      await t.expect(c.receive(1000), pass(pdu('ScsiResponse', p => p.itt === first.itt && p.statSN === first.statSN && p.status === first.status, `the SCSI Response with StatSN ${first.statSN} again`)));
    },
  },
  {
    n: 104,
    title: 'at ErrorRecoveryLevel >= 1 a Data SNACK resends the requested Data-In',
    level: 'MUST',
    requirement: 'Data-In PDUs requested by a Data SNACK MUST be delivered as exact replicas except ExpCmdSN and MaxCmdSN (and resegmentation) (§11.16); the SNACK precedes the status acknowledgment (§11.16.1).',
    requires: ['erl>=1'],
    ...T,
    async run(t) {
      const c = await loginErl(t, 1);
      await finished(t, c, TUR);
      const expStatSN = c.expStatSN;
      const r = await unacked(t, c, rw10Cdb('read', 0, 1), 512);
      const d0 = r.pdus.find(p => p.type === 'DataIn') as { itt: number; dataSN: number; bufferOffset: number; data: Buffer } | undefined;
      if (!d0) return t.skip('the read returned its data without Data-In PDUs');
      c.send('SnackRequest', { final: true, snackType: 0, itt: d0.itt, tttOrSnackTag: NO_TAG, begRun: 0, runLength: 1, expStatSN });
      await t.expect(c.receive(1000), pass(pdu('DataIn', p => p.itt === d0.itt && p.dataSN === 0 && p.bufferOffset === d0.bufferOffset && p.data.equals(d0.data), 'the Data-In with DataSN 0 again, same offset and data')));
    },
  },
  {
    n: 107,
    title: 'at ErrorRecoveryLevel >= 1 an R-Data SNACK ends with a SCSI Response carrying its SNACK Tag and the same StatSN',
    level: 'MUST',
    requirement: 'A target that has received an R-Data SNACK MUST return a SCSI Response that contains a copy of the SNACK Tag as its last or only Response, with the same StatSN as before (§11.16.3, §11.16.5).',
    ref: 'rfc7143/11.16.3',
    requires: ['erl>=1'],
    ...T,
    async run(t) {
      const c = await loginErl(t, 1);
      await finished(t, c, TUR);
      const expStatSN = c.expStatSN;
      const r = await unacked(t, c, rw10Cdb('read', 0, 1), 512);
      const first = r.last as { statSN: number; itt: number };
      c.send('SnackRequest', { final: true, snackType: 3, itt: first.itt, tttOrSnackTag: 0x5eed, begRun: 0, runLength: 0, expStatSN });
      let e = await c.receive(1000);
      // The data comes again first (§11.16.3: DataSN from 0, maybe resegmented); only what ends it is judged here.
      while (e.kind === 'pdu' && e.pdu.type === 'DataIn' && e.pdu.itt === first.itt && !e.pdu.statusPresent) e = await c.receive(1000);
      await t.expect(Promise.resolve(e), pass(pdu('ScsiResponse', p => p.itt === first.itt && p.snackTag === 0x5eed && p.statSN === first.statSN,
        `a SCSI Response with SNACK Tag 0x5eed and StatSN ${first.statSN}`)));
    },
  },
  {
    n: 108,
    title: 'at ErrorRecoveryLevel >= 1 a Data SNACK for a DataSN that was never sent is rejected with "Protocol Error"',
    level: 'MUST',
    requirement: 'Any SNACK that requests data that was not sent by the target MUST be rejected with a reason code of "Protocol Error" (§11.16).',
    requires: ['erl>=1'],
    ...T,
    async run(t) {
      const c = await loginErl(t, 1);
      await finished(t, c, TUR);
      const expStatSN = c.expStatSN;
      const r = await unacked(t, c, rw10Cdb('read', 0, 1), 512);
      const sent = r.pdus.filter(p => p.type === 'DataIn').length;
      c.send('SnackRequest', { final: true, snackType: 0, itt: r.cmd.itt, tttOrSnackTag: NO_TAG, begRun: sent + 5, runLength: 1, expStatSN });
      const e = await t.expect(c, pass(reject(PROTOCOL_ERROR)), nonStrict(closed()));
      if (e.kind === 'pdu') await alive(t, c, 'after the rejected SNACK');
    },
  },
  {
    n: 109,
    title: 'at ErrorRecoveryLevel >= 1 a Status SNACK with BegRun 0 and RunLength 0 resends every unacknowledged status',
    level: 'MUST',
    requirement: 'A BegRun of 0 with a RunLength of 0 means "resend all unacknowledged Response PDUs" (§11.16.6); a target at ERL > 0 MUST support it (§11.16).',
    ref: 'rfc7143/11.16.6',
    requires: ['erl>=1'],
    ...T,
    async run(t) {
      const c = await loginErl(t, 1);
      await finished(t, c, TUR);
      const expStatSN = c.expStatSN;
      const a = (await unacked(t, c, TUR, 0, expStatSN)).last as { statSN: number };
      const b = (await unacked(t, c, TUR, 0, expStatSN)).last as { statSN: number };
      c.send('SnackRequest', { final: true, snackType: 1, itt: NO_TAG, tttOrSnackTag: NO_TAG, begRun: 0, runLength: 0, expStatSN });
      await t.expect(c.receive(1000), pass(pdu('ScsiResponse', p => p.statSN === a.statSN, `the SCSI Response with StatSN ${a.statSN} again`)));
      await t.expect(c.receive(1000), pass(pdu('ScsiResponse', p => p.statSN === b.statSN, `then the one with StatSN ${b.statSN}`)));
    },
  },
  {
    n: 105,
    title: 'at ErrorRecoveryLevel 2 a Logout to remove the connection for recovery is accepted',
    level: 'MUST',
    requirement: 'Response 2 ("connection recovery is not supported") is only for targets whose operational ErrorRecoveryLevel does not support it (§11.15.1); at ERL 2 a reason-2 Logout is answered with response 0.',
    ref: 'rfc7143/11.15.1',
    requires: ['erl>=2'],
    ...T,
    async run(t) {
      const c = await loginErl(t, 2);
      const req = c.send('LogoutRequest', { immediate: true, final: true, reasonCode: 2, cid: c.cid });
      await t.expect(c, pass(pdu('LogoutResponse', p => p.itt === req.itt && p.response === 0, 'Logout Response 0')));
    },
  },
  {
    n: 106,
    title: 'at ErrorRecoveryLevel 2 TASK REASSIGN of a task still allegiant to a live connection gets "Task still allegiant"',
    level: 'MUST',
    requirement: 'If allegiance reassignment is supported but no successful recovery Logout of the allegiant connection was performed, the target MUST respond "Task still allegiant" (3) (§7.2.2).',
    ref: 'rfc7143/7.2.2',
    requires: ['erl>=2', 'dataloss'],
    ...T,
    async run(t) {
      const c = await loginErl(t, 2);
      const h = await holdWrite(t, c);
      const req = sendTmf(c, Fn.TASK_REASSIGN, { referencedTaskTag: h.itt });
      await t.expect(c, pass(tmfResponse(req, [Tmf.STILL_ALLEGIANT])));
    },
  },
]);
