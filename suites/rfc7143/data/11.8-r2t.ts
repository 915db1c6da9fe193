// RFC 7143 §11.8 R2T: TTT, R2TSN, Desired Data Transfer Length, MaxOutstandingR2T, offsets, StatSN, and how R2Ts are answered.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import type { Conn } from '../../../harness/runner/conn.js';
import { closed, nonStrict, pass, pdu, silence } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { Read10, Write10 } from '../../../harness/scsi/commands/sbc-rw.js';
import { aliveOrClosed, expectPastR2ts, senseIn, answerR2t, blockSize, collect, command, dataOut, pattern, readTask, want, type TaskTrace } from '../../support-ffp.js';

/** Solicited-only writes in bursts of 512 bytes, one R2T at a time unless told otherwise. */
const SOLICITED = { InitialR2T: 'Yes', ImmediateData: 'No', MaxBurstLength: '512', FirstBurstLength: '512', MaxOutstandingR2T: '1' };

async function setup(t: CaseApi, keys: Record<string, string> = {}): Promise<{ c: Conn; bs: number }> {
  const c = await t.login({ keys: { ...SOLICITED, ...keys } });
  return { c, bs: await blockSize(t, c) };
}

/** A whole solicited write of `blocks` blocks at `lba`, every R2T answered with `pduLen`-byte Data-Outs. */
async function solicitedWrite(t: CaseApi, c: Conn, bs: number, lba: number, blocks: number, pduLen?: number): Promise<TaskTrace & { buf: Buffer }> {
  const buf = pattern(blocks * bs, lba);
  const cmd = command(c, Write10.encode({ lba, transferLength: blocks }), { edtl: buf.length, write: true });
  const tr = await collect(t, c, cmd, r => answerR2t(c, cmd, r, buf, pduLen));
  return { ...tr, buf };
}

const r2tRow = (n: number, title: string, requirement: string, ref: string, check: (t: CaseApi, tr: TaskTrace) => void): CaseDef => ({
  n, title, level: 'MUST', requirement, ref, tags: ['data', 'r2t'], requires: ['dataloss'],
  async run(t) {
    const { c, bs } = await setup(t);
    const tr = await solicitedWrite(t, c, bs, 8192 + n * 8, 4);
    t.check(tr.r2t.length > 0, 'R2Ts for the write', 'none');
    check(t, tr);
  },
});

const badAnswer = [pass(senseIn(0x0b, 0x0c, 0x0d)), pass(senseIn(0x0b)), pass(pdu('Reject', p => p.reason === 0x04 || p.reason === 0x09, 'Reject 0x04 or 0x09')), nonStrict(closed())];

export default defineSection('rfc7143/11.8', 'Ready To Transfer (R2T)', [
  r2tRow(1, 'no R2T carries the reserved TTT 0xffffffff', 'The value 0xffffffff is reserved and must not be sent by a target in an R2T.', 'rfc7143/11.8.5',
    (t, tr) => t.check(tr.r2t.every(r => r.ttt !== NO_TAG), 'TTT other than 0xffffffff', 'an R2T with TTT 0xffffffff')),
  r2tRow(2, 'R2TSN starts at 0 and goes up by one per R2T of the task', 'R2Ts are sequenced per command: the first R2T has R2TSN 0, each next one advances by 1.', 'rfc7143/4.2.2.4',
    (t, tr) => t.check(tr.r2t.every((r, i) => r.r2tSN === i), 'R2TSN 0, 1, 2, ...', `R2TSN ${tr.r2t.map(r => r.r2tSN).join(', ')}`)),
  r2tRow(3, 'Desired Data Transfer Length is neither 0 nor above MaxBurstLength', 'The Desired Data Transfer Length must not be 0 and must not exceed MaxBurstLength (512 negotiated).', 'rfc7143/11.8.4',
    (t, tr) => t.check(tr.r2t.every(r => r.desiredDataTransferLength > 0 && r.desiredDataTransferLength <= 512), 'lengths 1..512', tr.r2t.map(r => r.desiredDataTransferLength).join(', '))),
  r2tRow(4, 'consecutive R2Ts ask for continuous, non-overlapping ranges', 'With DataSequenceInOrder=Yes consecutive R2Ts refer to continuous non-overlapping ranges, from offset 0 up to the transfer length.', 'rfc7143/11.8',
    (t, tr) => {
      let at = 0;
      for (const r of tr.r2t) { t.check(r.bufferOffset === at, `R2T at offset ${at}`, `R2T at offset ${r.bufferOffset}`); at += r.desiredDataTransferLength; }
      t.check(at === tr.cmd.expectedDataTransferLength, `R2Ts covering ${tr.cmd.expectedDataTransferLength} bytes`, `${at} bytes`);
    }),
  r2tRow(5, 'an R2T carries the next StatSN without advancing it', 'The StatSN field of an R2T contains the next StatSN, and the StatSN is not advanced by the R2T: the final SCSI Response carries the same value.', 'rfc7143/11.8.3',
    (t, tr) => t.check(tr.r2t.every(r => r.statSN === tr.last.statSN), `StatSN ${tr.last.statSN} on every R2T`, tr.r2t.map(r => r.statSN).join(', '))),
  r2tRow(6, 'an R2T has no data segment and no AHS', 'For the R2T PDU, TotalAHSLength and DataSegmentLength must be 0.', 'rfc7143/11.8.1',
    (t, tr) => t.check(tr.r2t.every(r => r.data.length === 0 && r.ahs.length === 0), 'no AHS and no data', 'an R2T with AHS or data')),
  {
    n: 7,
    title: 'with MaxOutstandingR2T=1 only one R2T is outstanding at a time',
    level: 'MUST',
    requirement: 'The number of outstanding R2Ts per task is limited by the negotiated MaxOutstandingR2T (1): no second R2T before the first is answered with its F-bit Data-Out.',
    ref: 'rfc7143/13.17',
    tags: ['data', 'r2t'],
    requires: ['dataloss'],
    async run(t) {
      const { c, bs } = await setup(t);
      const buf = pattern(4 * bs, 7);
      const cmd = command(c, Write10.encode({ lba: 8300, transferLength: 4 }), { edtl: buf.length, write: true });
      const first = await want(t, c, 'R2t', r => r.itt === cmd.itt, 'the first R2T');
      await t.expect(c, pass(silence(200)));
      answerR2t(c, cmd, first, buf);
      const tr = await collect(t, c, cmd, r => answerR2t(c, cmd, r, buf));
      t.check(tr.status === 0, 'GOOD', `status 0x${tr.status.toString(16)}`);
    },
  },
  {
    n: 8,
    title: 'with MaxOutstandingR2T=2 at most two R2Ts are outstanding',
    level: 'MUST',
    requirement: 'With MaxOutstandingR2T=2 the target has at most two R2Ts of a task waiting for data at any time.',
    ref: 'rfc7143/13.17',
    tags: ['data', 'r2t'],
    requires: ['dataloss'],
    async run(t) {
      const { c, bs } = await setup(t, { MaxOutstandingR2T: '2' });
      const limit = c.session.params.maxOutstandingR2T;
      const buf = pattern(4 * bs, 8);
      const cmd = command(c, Write10.encode({ lba: 8310, transferLength: 4 }), { edtl: buf.length, write: true });
      const held = [await want(t, c, 'R2t', r => r.itt === cmd.itt, 'the first R2T')];
      for (;;) {
        const e = await t.expect(c, pass(silence(200)), pass(pdu('R2t', r => r.itt === cmd.itt, 'another R2T')));
        if (e.kind !== 'pdu' || e.pdu.type !== 'R2t') break;
        held.push(e.pdu);
        t.check(held.length <= limit, `at most ${limit} outstanding R2Ts`, `${held.length} R2Ts unanswered`);
      }
      for (const r of held) answerR2t(c, cmd, r, buf);
      const tr = await collect(t, c, cmd, r => answerR2t(c, cmd, r, buf));
      t.check(tr.status === 0, 'GOOD', `status 0x${tr.status.toString(16)}`);
    },
  },
  {
    n: 9,
    title: 'R2Ts answered with several Data-Out PDUs each complete the write, and the data reads back',
    level: 'MUST',
    requirement: 'An R2T may be answered with one or more Data-Out PDUs with its TTT, DataSN from 0, offsets within its range and F on the last; the write then completes.',
    tags: ['data', 'r2t', 'data-out'],
    requires: ['dataloss'],
    async run(t) {
      const { c, bs } = await setup(t);
      const tr = await solicitedWrite(t, c, bs, 8320, 4, 128);
      t.check(tr.status === 0, 'GOOD for the write', `status 0x${tr.status.toString(16)}`);
      const back = await readTask(t, c, Read10.encode({ lba: 8320, transferLength: 4 }), 4 * bs);
      t.check(back.data.equals(tr.buf), 'the written bytes read back', 'different bytes');
    },
  },
  {
    n: 10,
    title: 'a sequence that ends (F) before the Desired Data Transfer Length is refused',
    level: 'MUST',
    requirement: 'When the amount of data sent for an R2T does not match the amount requested, the target reports "Incorrect amount of data" (CHECK CONDITION, ABORTED COMMAND 0C/0D) or rejects the short final PDU with Protocol Error.',
    ref: 'rfc7143/11.4.7.2',
    tags: ['data', 'r2t', 'data-out'],
    requires: ['dataloss'],
    async run(t) {
      const { c, bs } = await setup(t);
      const cmd = command(c, Write10.encode({ lba: 8330, transferLength: 1 }), { edtl: bs, write: true });
      const r = await want(t, c, 'R2t', x => x.itt === cmd.itt, 'R2T');
      dataOut(c, cmd, { ttt: r.ttt, offset: r.bufferOffset, dataSN: 0, data: pattern(r.desiredDataTransferLength / 2, 1), final: true });
      const e = await expectPastR2ts(t, c, cmd.itt, ...badAnswer);
      await aliveOrClosed(t, c, e);
    },
  },
  {
    n: 11,
    title: 'data beyond the range an R2T asked for is refused',
    level: 'MUST',
    requirement: 'The buffer offset and length of Data-Out answering an R2T must lie within the R2T\'s range; more data than requested is "Incorrect amount of data" (CHECK CONDITION 0C/0D) or a Reject (Invalid PDU field / Protocol Error).',
    ref: 'rfc7143/11.4.7.2',
    tags: ['data', 'r2t', 'data-out'],
    requires: ['dataloss'],
    async run(t) {
      const { c, bs } = await setup(t);
      const cmd = command(c, Write10.encode({ lba: 8340, transferLength: 2 }), { edtl: 2 * bs, write: true });
      const r = await want(t, c, 'R2t', x => x.itt === cmd.itt, 'R2T');
      dataOut(c, cmd, { ttt: r.ttt, offset: r.bufferOffset, dataSN: 0, data: pattern(r.desiredDataTransferLength + 512, 2), final: true });
      const e = await expectPastR2ts(t, c, cmd.itt, ...badAnswer);
      await aliveOrClosed(t, c, e);
    },
  },
  {
    n: 12,
    title: 'a Data-Out whose DataSN does not start the sequence at 0 is not taken as good data',
    level: 'MUST',
    requirement: 'A data PDU with an out-of-order DataSN means earlier data was lost; the target must treat it as a digest error (§7.8): request the data again with a recovery R2T or end the task with CHECK CONDITION.',
    ref: 'rfc7143/7.9',
    tags: ['data', 'r2t', 'data-out'],
    requires: ['dataloss'],
    async run(t) {
      const { c, bs } = await setup(t);
      const cmd = command(c, Write10.encode({ lba: 8350, transferLength: 1 }), { edtl: bs, write: true });
      const r = await want(t, c, 'R2t', x => x.itt === cmd.itt, 'R2T');
      dataOut(c, cmd, { ttt: r.ttt, offset: r.bufferOffset, dataSN: 1, data: pattern(r.desiredDataTransferLength, 3), final: true });
      const e = await t.expect(c, pass(senseIn(0x0b)), pass(pdu('R2t', x => x.itt === cmd.itt, 'a recovery R2T')),
        pass(pdu('Reject', () => true, 'Reject')), nonStrict(closed()));
      await aliveOrClosed(t, c, e);
    },
  },
]);
