// RFC 7143 §11.4.5.2 Residuals: READ/WRITE 6/10/12/16 with an Expected Data Transfer Length above or below the CDB's length.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { nonStrict, pass, scsiStatus, type Outcome } from '../../../harness/runner/outcomes.js';
import { Read6, Read10, Read12, Read16, Write6, Write10, Write12, Write16 } from '../../../harness/scsi/commands/sbc-rw.js';
import { answerR2t, asEvent, blockSize, collect, command, pattern, readTask, settle } from '../../support-ffp.js';

type Cdb = (lba: number, blocks: number) => Buffer;
const cdbs: { name: string; read: Cdb; write: Cdb }[] = [
  { name: '6', read: (l, b) => Read6.encode({ lbaHigh: l >> 16, lbaLow: l & 0xffff, transferLength: b }), write: (l, b) => Write6.encode({ lbaHigh: l >> 16, lbaLow: l & 0xffff, transferLength: b }) },
  { name: '10', read: (l, b) => Read10.encode({ lba: l, transferLength: b }), write: (l, b) => Write10.encode({ lba: l, transferLength: b }) },
  { name: '12', read: (l, b) => Read12.encode({ lba: l, transferLength: b }), write: (l, b) => Write12.encode({ lba: l, transferLength: b }) },
  { name: '16', read: (l, b) => Read16.encode({ lba: BigInt(l), transferLength: b }), write: (l, b) => Write16.encode({ lba: BigInt(l), transferLength: b }) },
];

/** Accepted endings: the residual the RFC asks for (SPDTL vs EDTL); a refused command may instead report underflow of all of EDTL. */
function outcomes(over: boolean, bs: number, edtl: number): Outcome[] {
  const flag = over ? 'O' : 'U';
  return [
    pass(scsiStatus(0, e => (over ? e.overflow && !e.underflow : e.underflow && !e.overflow) && e.residualCount === bs, ` with ${flag} set and Residual Count ${bs}`)),
    pass(scsiStatus(2, e => (over ? e.overflow : e.underflow) && e.residualCount === bs, ` with ${flag} set and Residual Count ${bs}`)),
    pass(scsiStatus(2, e => e.underflow && e.residualCount === edtl, ` refused, with U and Residual Count ${edtl}`)),
    nonStrict(scsiStatus(2, () => true, ' without a residual')),
  ];
}

const rows: CaseDef[] = [];
let n = 1;
for (const c of cdbs) {
  for (const dir of ['read', 'write'] as const) {
    for (const over of [false, true]) {
      const id = n++;
      const op = `${dir.toUpperCase()}(${c.name})`;
      rows.push({
        n: id,
        title: `${op} with an Expected Data Transfer Length ${over ? 'smaller' : 'larger'} than the CDB's gives ${over ? 'overflow' : 'underflow'}`,
        level: 'MUST',
        requirement: over
          ? `When the SCSI layer would move more than EDTL (SPDTL > EDTL), O is set and the Residual Count is SPDTL - EDTL: a ${op} of 2 blocks with EDTL of 1 block reports one block.`
          : `When the SCSI layer moves less than EDTL (SPDTL < EDTL), U is set and the Residual Count is EDTL - SPDTL: a ${op} of 1 block with EDTL of 2 blocks reports one block.`,
        ref: 'rfc7143/11.4.5.2',
        tags: ['data', 'residual', dir],
        ...(dir === 'write' ? { requires: ['dataloss' as const] } : {}),
        async run(t) {
          const conn = await t.login({ keys: { InitialR2T: 'Yes', ImmediateData: 'No' } });
          const bs = await blockSize(t, conn);
          await settle(t, conn);
          const blocks = over ? 2 : 1, edtl = (over ? 1 : 2) * bs, lba = 16384 + id * 4;
          if (dir === 'read') {
            const tr = await readTask(t, conn, c.read(lba, blocks), edtl);
            t.check(tr.data.length <= edtl, `at most ${edtl} data bytes`, `${tr.data.length} bytes`);
            await t.expect(asEvent(tr), ...outcomes(over, bs, edtl));
            return;
          }
          const buf = pattern(Math.max(edtl, blocks * bs), id);
          const cmd = command(conn, c.write(lba, blocks), { edtl, write: true });
          const tr = await collect(t, conn, cmd, r => answerR2t(conn, cmd, r, buf));
          t.check(tr.r2t.every(r => r.bufferOffset + r.desiredDataTransferLength <= edtl), `R2Ts within EDTL ${edtl}`, tr.r2t.map(r => `${r.bufferOffset}+${r.desiredDataTransferLength}`).join(', '));
          await t.expect(asEvent(tr), ...outcomes(over, bs, edtl));
        },
      });
    }
  }
}

export default defineSection('rfc7143/11.4.5.2', 'Residuals Concepts Overview', rows);
