// RFC 7143 §4.2.5.2 Data transfer: the four InitialR2T x ImmediateData combinations (§13.10/§13.11 table) and unsolicited-data limits.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import type { Conn } from '../../../harness/runner/conn.js';
import { closed, nonStrict, pass, pdu } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { Read10, Write10 } from '../../../harness/scsi/commands/sbc-rw.js';
import { aliveOrClosed, expectPastR2ts, senseIn, answerR2t, blockSize, collect, command, dataOut, pattern, readTask, want } from '../../support-ffp.js';

const yn = (b: boolean): string => (b ? 'Yes' : 'No');

/** Logs in offering InitialR2T/ImmediateData (and more); skips when the target's answers give another combination. */
async function combo(t: CaseApi, initialR2T: boolean, immediateData: boolean, keys: Record<string, string> = {}): Promise<{ c: Conn; bs: number }> {
  const c = await t.login({ keys: { InitialR2T: yn(initialR2T), ImmediateData: yn(immediateData), FirstBurstLength: '65536', ...keys } });
  const p = c.session.params;
  if (p.initialR2T !== initialR2T || p.immediateData !== immediateData)
    t.skip(`the target negotiated InitialR2T=${yn(p.initialR2T)}, ImmediateData=${yn(p.immediateData)} for an offer of ${yn(initialR2T)}/${yn(immediateData)}`);
  return { c, bs: await blockSize(t, c) };
}

// One row per line of the §13.11 table: what the initiator sends unasked, and what the target must then do.
const rows = [
  { n: 1, ir2t: true, imm: false, what: 'no unsolicited data: the target sends an R2T for offset 0 first' },
  { n: 2, ir2t: true, imm: true, what: 'immediate data only: the target accepts it and solicits the rest from its end' },
  { n: 3, ir2t: false, imm: false, what: 'an unsolicited Data-Out burst without immediate data: no R2T is needed' },
  { n: 4, ir2t: false, imm: true, what: 'immediate data plus an unsolicited Data-Out burst: no R2T is needed' },
];

const combos = rows.map(({ n, ir2t, imm, what }): CaseDef => ({
  n,
  title: `InitialR2T=${yn(ir2t)}, ImmediateData=${yn(imm)}: ${what}`,
  level: 'MUST',
  requirement: `With InitialR2T=${yn(ir2t)} and ImmediateData=${yn(imm)} negotiated, ${what}; the write ends GOOD and its data reads back.`,
  ref: 'rfc7143/13.11',
  tags: ['data', 'unsolicited'],
  requires: ['dataloss'],
  async run(t) {
    const { c, bs } = await combo(t, ir2t, imm);
    const lba = 12288 + n * 8;
    const buf = pattern(2 * bs, 40 + n);
    const immLen = imm ? bs : 0;
    const unsolicited = !ir2t;
    const cmd = command(c, Write10.encode({ lba, transferLength: 2 }), { edtl: buf.length, write: true, data: buf.subarray(0, immLen), final: !unsolicited });
    if (unsolicited) dataOut(c, cmd, { ttt: NO_TAG, offset: immLen, dataSN: 0, data: buf.subarray(immLen), final: true });
    const tr = await collect(t, c, cmd, r => answerR2t(c, cmd, r, buf));
    if (unsolicited) t.check(tr.r2t.length === 0, 'no R2T: all data went unsolicited', `${tr.r2t.length} R2Ts`);
    else t.check(tr.r2t[0]?.bufferOffset === immLen, `the first R2T at offset ${immLen}`, tr.r2t[0] ? `offset ${tr.r2t[0].bufferOffset}` : 'no R2T');
    t.check(tr.status === 0, 'GOOD', `status 0x${tr.status.toString(16)}`);
    const back = await readTask(t, c, Read10.encode({ lba, transferLength: 2 }), buf.length);
    t.check(back.data.equals(buf), 'the written bytes read back', 'different bytes');
  },
}));

const refused = [pass(senseIn(0x0b, 0x0c, 0x0c)), pass(senseIn(0x0b, 0x0c, 0x0d)), pass(pdu('Reject', p => p.reason === 0x04 || p.reason === 0x09, 'Reject 0x04 or 0x09')), nonStrict(closed())];

export default defineSection('rfc7143/4.2.5.2', 'Data Transfer Overview', [
  ...combos,
  {
    n: 5,
    title: 'an unsolicited Data-Out under InitialR2T=Yes, ImmediateData=No is rejected',
    level: 'MUST',
    requirement: 'With ImmediateData=No and InitialR2T=Yes the initiator must not send unsolicited data, and the target must reject unsolicited data (iSCSI condition "Unexpected unsolicited data", or a Reject).',
    ref: 'rfc7143/13.11',
    tags: ['data', 'unsolicited'],
    requires: ['dataloss'],
    async run(t) {
      const { c, bs } = await combo(t, true, false);
      const cmd = command(c, Write10.encode({ lba: 12400, transferLength: 1 }), { edtl: bs, write: true });
      await want(t, c, 'R2t', r => r.itt === cmd.itt, 'R2T');
      dataOut(c, cmd, { ttt: NO_TAG, offset: 0, dataSN: 0, data: pattern(bs, 5), final: true });
      const e = await expectPastR2ts(t, c, cmd.itt, ...refused);
      await aliveOrClosed(t, c, e);
    },
  },
  {
    n: 6,
    title: 'immediate data under ImmediateData=No is rejected',
    level: 'MUST',
    requirement: 'With ImmediateData=No (and InitialR2T=Yes) immediate data is unsolicited data the target must reject (iSCSI condition, or a Reject of the command).',
    ref: 'rfc7143/13.11',
    tags: ['data', 'unsolicited'],
    requires: ['dataloss'],
    async run(t) {
      const { c, bs } = await combo(t, true, false);
      const cmd = command(c, Write10.encode({ lba: 12410, transferLength: 1 }), { edtl: bs, write: true, data: pattern(bs, 6) });
      const e = await expectPastR2ts(t, c, cmd.itt, ...refused);
      await aliveOrClosed(t, c, e);
    },
  },
  {
    n: 7,
    title: 'unsolicited data beyond FirstBurstLength is refused',
    level: 'MUST',
    requirement: 'It is an error to send more unsolicited data than FirstBurstLength; the target reports "Incorrect amount of data" or rejects the PDU.',
    ref: 'rfc7143/4.2.5.2',
    tags: ['data', 'unsolicited'],
    requires: ['dataloss'],
    async run(t) {
      const { c, bs } = await combo(t, false, true, { FirstBurstLength: '512', MaxBurstLength: '512' });
      const fbl = c.session.params.firstBurstLength;
      const cmd = command(c, Write10.encode({ lba: 12420, transferLength: 4 }), { edtl: 4 * bs, write: true, final: false });
      dataOut(c, cmd, { ttt: NO_TAG, offset: 0, dataSN: 0, data: pattern(fbl + 512, 7), final: true });
      const e = await expectPastR2ts(t, c, cmd.itt, ...refused);
      await aliveOrClosed(t, c, e);
    },
  },
  {
    n: 8,
    title: 'an unsolicited burst ending short of FirstBurstLength is refused',
    level: 'MUST',
    requirement: 'When the transfer is longer than FirstBurstLength and non-immediate unsolicited data is sent, its total must be FirstBurstLength; otherwise the target reports "Incorrect amount of data".',
    ref: 'rfc7143/11.4.7.2',
    tags: ['data', 'unsolicited'],
    requires: ['dataloss'],
    async run(t) {
      const { c, bs } = await combo(t, false, true, { FirstBurstLength: '1024', MaxBurstLength: '1024' });
      if (c.session.params.firstBurstLength <= 512) t.skip('FirstBurstLength was negotiated to 512');
      const cmd = command(c, Write10.encode({ lba: 12430, transferLength: 4 }), { edtl: 4 * bs, write: true, final: false });
      dataOut(c, cmd, { ttt: NO_TAG, offset: 0, dataSN: 0, data: pattern(512, 8), final: true });
      const e = await expectPastR2ts(t, c, cmd.itt, ...refused);
      await aliveOrClosed(t, c, e);
    },
  },
  {
    n: 9,
    title: 'after FirstBurstLength of unsolicited data the rest is solicited from the end of the burst',
    level: 'MUST',
    requirement: 'Unsolicited data may go up to FirstBurstLength; all subsequent data must be solicited, so the first R2T asks for data starting at FirstBurstLength.',
    ref: 'rfc7143/13.10',
    tags: ['data', 'unsolicited', 'r2t'],
    requires: ['dataloss'],
    async run(t) {
      const { c, bs } = await combo(t, false, true, { FirstBurstLength: '1024', MaxBurstLength: '1024' });
      const fbl = c.session.params.firstBurstLength;
      const buf = pattern(4 * bs, 9);
      if (fbl >= buf.length) t.skip(`FirstBurstLength ${fbl} covers the whole write`);
      const cmd = command(c, Write10.encode({ lba: 12440, transferLength: 4 }), { edtl: buf.length, write: true, data: buf.subarray(0, 512), final: false });
      dataOut(c, cmd, { ttt: NO_TAG, offset: 512, dataSN: 0, data: buf.subarray(512, fbl), final: true });
      const tr = await collect(t, c, cmd, r => answerR2t(c, cmd, r, buf));
      t.check(tr.r2t[0]?.bufferOffset === fbl, `the first R2T at offset ${fbl}`, tr.r2t[0] ? `offset ${tr.r2t[0].bufferOffset}` : 'no R2T');
      t.check(tr.status === 0, 'GOOD', `status 0x${tr.status.toString(16)}`);
    },
  },
]);
