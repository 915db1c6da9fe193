// RFC 7143 §11.2.3 / §7.8 Header and data digests: CRC32C traffic works both ways; bad digests are discarded, rejected or end the connection.
import { defineSection } from '../../../harness/runner/case.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import type { Conn } from '../../../harness/runner/conn.js';
import { closed, pass, pdu, silence } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { Read10, Write10 } from '../../../harness/scsi/commands/sbc-rw.js';
import { alive, answerR2t, blockSize, collect, command, pattern, readTask, requireDigests, sendBadDigest, want } from '../../support-ffp.js';

async function withDigests(t: CaseApi, header: boolean, data: boolean, keys: Record<string, string> = {}): Promise<Conn> {
  const c = await t.login({ keys: { ...(header ? { HeaderDigest: 'CRC32C,None' } : {}), ...(data ? { DataDigest: 'CRC32C,None' } : {}), ...keys } });
  requireDigests(t, c, header, data);
  return c;
}

/** Every PDU received so far on the connection had good digests (the framer marks a bad one). */
const digestsGood = (e: { kind: string; framed?: { digestOk: boolean | null } }): boolean => e.kind !== 'pdu' || e.framed?.digestOk !== false;

export default defineSection('rfc7143/11.2.3', 'Header Digest and Data Digest', [
  {
    n: 1,
    title: 'with HeaderDigest=CRC32C a ping and a read work and every header digest is right',
    level: 'MUST',
    requirement: 'When a digest is agreed it is used for every PDU in Full Feature Phase; the target computes CRC32C over each header and checks ours.',
    ref: 'rfc7143/13.1',
    tags: ['digest', 'ffp'],
    async run(t) {
      const c = await withDigests(t, true, false);
      const p = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG, data: Buffer.from('hd') });
      const e = await t.expect(c, pass(pdu('NopIn', x => x.itt === p.itt, 'NOP-In')));
      t.check(digestsGood(e), 'a good header digest on the NOP-In', 'a bad digest');
      const bs = await blockSize(t, c);
      const tr = await readTask(t, c, Read10.encode({ lba: 0, transferLength: 4 }), 4 * bs);
      t.check(tr.status === 0 && tr.data.length === 4 * bs, 'GOOD with all data', `status 0x${tr.status.toString(16)}, ${tr.data.length} bytes`);
    },
  },
  {
    n: 2,
    title: 'with both digests a write and its read-back carry the data intact',
    level: 'MUST',
    requirement: 'With HeaderDigest and DataDigest CRC32C, data PDUs both ways carry a data digest over data and padding; a write and a read of the same blocks give the same bytes.',
    ref: 'rfc7143/13.1',
    tags: ['digest', 'data'],
    requires: ['dataloss'],
    async run(t) {
      const c = await withDigests(t, true, true, { InitialR2T: 'Yes', ImmediateData: 'Yes' });
      const bs = await blockSize(t, c);
      const buf = pattern(4 * bs, 77);
      const cmd = command(c, Write10.encode({ lba: 20480, transferLength: 4 }), { edtl: buf.length, write: true, data: buf.subarray(0, bs) });
      const w = await collect(t, c, cmd, r => answerR2t(c, cmd, r, buf));
      t.check(w.status === 0, 'GOOD for the write', `status 0x${w.status.toString(16)}`);
      const back = await readTask(t, c, Read10.encode({ lba: 20480, transferLength: 4 }), buf.length);
      t.check(back.data.equals(buf), 'the written bytes read back', 'different bytes');
    },
  },
  {
    n: 3,
    title: 'a NOP-Out with a bad data digest is rejected with reason 0x02 and not answered',
    level: 'MUST',
    requirement: 'A target receiving a PDU with a payload digest error must answer with Reject reason 0x02 (Data-Digest-Error) and discard the PDU; it may instead escalate to session recovery (close).',
    ref: 'rfc7143/7.8',
    tags: ['digest', 'reject'],
    async run(t) {
      const c = await withDigests(t, false, true);
      const bad = sendBadDigest(c, 'NopOut', { immediate: true, final: true, ttt: NO_TAG, data: Buffer.from('digest me') }, { badDataDigest: true });
      const e = await t.expect(c, pass(pdu('Reject', p => p.reason === 0x02, 'Reject 0x02 (Data-Digest-Error)')), pass(closed()));
      if (e.kind === 'closed') return;
      const r = await alive(t, c, 'after the digest error');
      t.check(r.itt !== bad.itt, 'no NOP-In for the discarded ping', 'the discarded ping was answered');
    },
  },
  {
    n: 4,
    title: 'a NOP-Out with a bad header digest is discarded or ends the connection',
    level: 'MUST',
    requirement: 'On a header digest error the target must either discard the header and the data up to a later PDU, or close the connection; it does not act on the PDU.',
    ref: 'rfc7143/7.8',
    tags: ['digest'],
    async run(t) {
      const c = await withDigests(t, true, false);
      sendBadDigest(c, 'NopOut', { immediate: true, final: true, ttt: NO_TAG }, { badHeaderDigest: true });
      const e = await t.expect(c, pass(silence(300)), pass(closed()));
      if (e.kind === 'closed') return;
      const p = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG });
      const next = await t.expect(c, pass(pdu('NopIn', x => x.itt === p.itt, 'NOP-In answering the next, good ping')), pass(closed()));
      if (next.kind === 'closed') t.note('the target closed the connection after discarding the PDU');
    },
  },
  {
    n: 5,
    title: 'a Data-Out with a bad data digest is rejected and the task recovered or ended with CHECK CONDITION',
    level: 'MUST',
    requirement: 'A data PDU with a payload digest error gets Reject 0x02 and is discarded; the target then requests the data again with a recovery R2T or waits for all data and ends the task with CHECK CONDITION ("Protocol Service CRC error"), where an ABORT TASK may also conclude it; it may escalate to session recovery instead.',
    ref: 'rfc7143/7.8',
    tags: ['digest', 'data'],
    requires: ['dataloss'],
    async run(t) {
      const c = await withDigests(t, false, true, { InitialR2T: 'Yes', ImmediateData: 'No' });
      const bs = await blockSize(t, c);
      const cmd = command(c, Write10.encode({ lba: 20500, transferLength: 1 }), { edtl: bs, write: true });
      const r = await want(t, c, 'R2t', x => x.itt === cmd.itt, 'R2T');
      sendBadDigest(c, 'DataOut', { itt: cmd.itt, ttt: r.ttt, lun: cmd.lun, dataSN: 0, bufferOffset: r.bufferOffset, final: true, data: pattern(r.desiredDataTransferLength, 5) }, { badDataDigest: true });
      const e = await t.expect(c, pass(pdu('Reject', p => p.reason === 0x02, 'Reject 0x02 (Data-Digest-Error)')), pass(closed()));
      if (e.kind === 'closed') return;
      const after = await t.expect(c, pass(pdu('R2t', x => x.itt === cmd.itt, 'a recovery R2T')),
        pass(pdu('ScsiResponse', x => x.itt === cmd.itt && x.status === 0x02, 'CHECK CONDITION for the write')), pass(closed()), pass(silence(300)));
      if (after.kind === 'pdu' && after.pdu.type === 'R2t') t.note('the target asked for the data again (recovery R2T)');
      if (after.kind !== 'silence') return;
      // Still waiting for the discarded data (option b of §7.8): an ABORT TASK may conclude the task.
      const tmf = c.send('TaskManagementRequest', { immediate: true, final: true, function: 1, referencedTaskTag: cmd.itt, refCmdSN: cmd.cmdSN, expDataSN: 0 });
      await want(t, c, 'TaskManagementResponse', x => x.itt === tmf.itt, 'Task Management Response to ABORT TASK');
    },
  },
]);
