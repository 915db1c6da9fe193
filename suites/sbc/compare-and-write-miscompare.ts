// SBC-3 §5.2 COMPARE AND WRITE (numbers from 100): a mismatch in the compare data ends with MISCOMPARE and writes nothing.
import { defineSection } from '../../harness/runner/case.js';
import { pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { capacity, scsi } from '../support.js';

const MISCOMPARE = 0x0e;

/** COMPARE AND WRITE of one block at `lba` (NUMBER OF LOGICAL BLOCKS 1). */
function caw(lba: bigint): Buffer {
  const b = Buffer.alloc(16);
  b[0] = 0x89;
  b.writeBigUInt64BE(lba, 2);
  b[13] = 1;
  return b;
}

export default defineSection('sbc/compare-and-write', 'COMPARE AND WRITE', [
  {
    n: 100,
    title: 'COMPARE AND WRITE whose compare data differs from the medium gets MISCOMPARE (1D/00) and leaves the block unchanged',
    level: 'MUST',
    requirement: 'If the compare data and the data read do not match, the command ends with CHECK CONDITION, sense key MISCOMPARE, ASC MISCOMPARE DURING VERIFY OPERATION (1D/00), and the write data is not written (SBC-3 §5.2).',
    ref: 'sbc3/5.2',
    tags: ['sbc'],
    requires: ['dataloss'],
    async run(t) {
      const c = await t.login();
      const { blockSize, lastLba } = await capacity(t, c);
      const lba = lastLba - 3n;
      const stored = Buffer.alloc(blockSize, 0x11);
      const w = Buffer.alloc(10);
      w[0] = 0x2a; w.writeUInt32BE(Number(lba), 2); w[8] = 1;
      await t.expect(await scsi(t, c, w, { write: stored }), pass(scsiStatus(0)));
      const data = Buffer.concat([Buffer.alloc(blockSize, 0x22), Buffer.alloc(blockSize, 0x33)]);
      const e = await scsi(t, c, caw(lba), { write: data });
      if (e.kind === 'scsi' && e.status === 0x02 && e.sense?.key === 0x05 && e.sense.asc === 0x20) t.skip('COMPARE AND WRITE is not supported');
      await t.expect(e, pass(sense(MISCOMPARE, 0x1d, 0x00)));
      const r = Buffer.alloc(10);
      r[0] = 0x28; r.writeUInt32BE(Number(lba), 2); r[8] = 1;
      await t.expect(await scsi(t, c, r, { read: blockSize }), pass(scsiStatus(0, x => x.data.equals(stored), ' with the block as first written')));
    },
  },
]);
