// RFC 7143 §4.2.5.3 Tags and integrity checks: ITTs identify tasks; a task's PDUs stay consistent with its command.
import { defineSection } from '../../../harness/runner/case.js';
import { pass, pdu, closed, silence } from '../../../harness/runner/outcomes.js';
import { Write10 } from '../../../harness/scsi/commands/sbc-rw.js';
import { aliveUnlessClosed, answerR2t, blockSize, collect, command, pattern, settle, want } from '../../support-ffp.js';

export default defineSection('rfc7143/4.2.5.3', 'Tags and Integrity Checks', [
  {
    n: 1,
    title: 'an ITT may be used again once its task has completed',
    level: 'MUST',
    requirement: 'Initiator tags are unique only among pending commands; after a task ends with status, a new command with the same ITT is a new task and is answered.',
    tags: ['ffp', 'itt'],
    async run(t) {
      const c = await t.login();
      await settle(t, c);
      const first = await collect(t, c, command(c, Buffer.alloc(6), { edtl: 0 }));
      const again = await collect(t, c, command(c, Buffer.alloc(6), { edtl: 0, itt: first.cmd.itt }));
      t.check(again.status === 0, 'GOOD for the second command with the reused ITT', `status 0x${again.status.toString(16)}`);
    },
  },
  {
    n: 2,
    title: 'a command reusing the ITT of a pending task is refused',
    level: 'MUST',
    requirement: 'Initiator tags of pending commands are unique, and testing for execution state by ITT precedes any other action: a second command with the ITT of a write still waiting for data is not run as a new task (it is taken as a retry and not delivered again, rejected, or the connection dropped).',
    ref: 'rfc7143/4.2.2.1',
    tags: ['ffp', 'itt'],
    requires: ['dataloss'],
    async run(t) {
      const c = await t.login({ keys: { InitialR2T: 'Yes', ImmediateData: 'No' } });
      const bs = await blockSize(t, c);
      const cmd = command(c, Write10.encode({ lba: 2048, transferLength: 1 }), { edtl: bs, write: true });
      await want(t, c, 'R2t', p => p.itt === cmd.itt, 'R2T for the pending write');
      // The pending write is left unanswered: the passive checker would take its later status for the refused duplicate's.
      command(c, Buffer.alloc(6), { edtl: 0, itt: cmd.itt });
      const e = await t.expect(c, pass(pdu('Reject', p => p.reason === 0x09 || p.reason === 0x04, 'Reject 0x09 (invalid ITT) or 0x04')), pass(closed()), pass(silence(300)));
      await aliveUnlessClosed(t, c, e);
    },
  },
  {
    n: 3,
    title: 'an R2T carries the LUN of the command it belongs to',
    level: 'MUST',
    requirement: 'Fields of task-related PDUs must be consistent with the command that instantiated the task; the LUN of an R2T is the one of its SCSI Command.',
    tags: ['ffp', 'itt', 'r2t'],
    requires: ['dataloss'],
    async run(t) {
      const c = await t.login({ keys: { InitialR2T: 'Yes', ImmediateData: 'No' } });
      const bs = await blockSize(t, c);
      const cmd = command(c, Write10.encode({ lba: 2049, transferLength: 1 }), { edtl: bs, write: true });
      const r2t = await want(t, c, 'R2t', p => p.itt === cmd.itt, 'R2T');
      t.check(r2t.lun === cmd.lun, `R2T LUN 0x${cmd.lun.toString(16)}`, `LUN 0x${r2t.lun.toString(16)}`);
      answerR2t(c, cmd, r2t, pattern(bs, 12));
      await collect(t, c, cmd);
    },
  },
]);
