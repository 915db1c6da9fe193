// RFC 7143 §11.7 SCSI Data-In: DataSN, Buffer Offset, F/S/A bits and segment sizes over a read split in many PDUs.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import type { PduNamed } from '../../../harness/pdu/registry.js';
import { Read10 } from '../../../harness/scsi/commands/sbc-rw.js';
import { blockSize, readTask, type TaskTrace } from '../../support-ffp.js';

type DataIn = PduNamed<'DataIn'>;

/** Logs in declaring a small MaxRecvDataSegmentLength (and MaxBurstLength) and reads `blocks` blocks from LBA 0. */
async function splitRead(t: CaseApi, blocks = 16, keys: Record<string, string> = {}): Promise<TaskTrace & { bs: number; maxBurst: number }> {
  const c = await t.login({ keys: { MaxRecvDataSegmentLength: '512', ...keys } });
  const bs = await blockSize(t, c);
  const tr = await readTask(t, c, Read10.encode({ lba: 0, transferLength: blocks }), blocks * bs);
  if (tr.status !== 0) t.fail('GOOD status for the read', `status 0x${tr.status.toString(16)}`);
  if (tr.dataIn.length === 0) t.fail('Data-In PDUs for the read', 'none');
  return { ...tr, bs, maxBurst: c.session.params.maxBurstLength };
}

const row = (n: number, title: string, requirement: string, ref: string, check: (t: CaseApi, d: DataIn[], tr: TaskTrace & { bs: number; maxBurst: number }) => void, keys: Record<string, string> = {}, level: CaseDef['level'] = 'MUST'): CaseDef => ({
  n, title, level, requirement, ref, tags: ['data', 'data-in'],
  async run(t) { const tr = await splitRead(t, 16, keys); check(t, tr.dataIn, tr); },
});

export default defineSection('rfc7143/11.7', 'SCSI Data-Out and SCSI Data-In', [
  row(1, 'DataSN of Data-In starts at 0 and goes up by one per PDU',
    'For a read, the DataSN starts with 0 for the first Data-In PDU and advances by 1 for each subsequent one.', 'rfc7143/4.2.2.4',
    (t, d) => { const bad = d.findIndex((p, i) => p.dataSN !== i); t.check(bad < 0, 'DataSN 0, 1, 2, ...', `DataSN ${d.map(p => p.dataSN).join(', ')}`); }),
  row(2, 'Buffer Offsets of Data-In are continuous from 0 without overlap',
    'With DataPDUInOrder=Yes the PDUs are in increasing buffer offset order without overlays: each offset is where the previous data ended, the first is 0.', 'rfc7143/11.7.6',
    (t, d) => {
      let at = 0;
      for (const p of d) { t.check(p.bufferOffset === at, `Buffer Offset ${at}`, `Buffer Offset ${p.bufferOffset} (DataSN ${p.dataSN})`); at += p.data.length; }
    }, { DataPDUInOrder: 'Yes' }),
  row(3, 'no Data-In data segment exceeds our MaxRecvDataSegmentLength of 512',
    'DataSegmentLength must not exceed the MaxRecvDataSegmentLength declared for the direction it is sent: 512 bytes here.', 'rfc7143/11.7.1',
    (t, d) => { const big = d.find(p => p.data.length > 512); t.check(!big, 'every Data-In at most 512 bytes', `a Data-In of ${big?.data.length} bytes`); }),
  row(4, 'the last Data-In of the read has the F bit set',
    'For incoming data the F bit is 1 for the last input data PDU of a sequence; the last PDU of the whole read ends a sequence.', 'rfc7143/11.7.1',
    (t, d) => t.check(d[d.length - 1]!.final, 'F=1 on the last Data-In', 'F=0 on the last Data-In')),
  row(5, 'each Data-In sequence carries at most MaxBurstLength bytes and ends with F',
    'The total data of the PDUs of a sequence must not exceed the negotiated MaxBurstLength (1024 offered); a sequence ends with a PDU with F=1.', 'rfc7143/11.7.1',
    (t, d, tr) => {
      let seq = 0;
      for (const p of d) { seq += p.data.length; t.check(seq <= tr.maxBurst, `at most ${tr.maxBurst} bytes per sequence`, `${seq} bytes before an F bit`); if (p.final) seq = 0; }
    }, { MaxBurstLength: '1024', FirstBurstLength: '1024' }),
  row(6, 'status in a Data-In only with F set and only for good status',
    'The S bit may only be set together with the F bit, on the last Data-In, and only for GOOD, CONDITION MET or INTERMEDIATE(-CONDITION MET) status.', 'rfc7143/11.7.3',
    (t, d) => {
      const s = d.filter(p => p.statusPresent);
      t.check(s.every(p => p.final && [0x00, 0x04, 0x10, 0x14].includes(p.status)), 'S only with F and good status', s.map(p => `S with F=${p.final} status 0x${p.status.toString(16)}`).join('; '));
      t.check(s.length === 0 || s[0] === d[d.length - 1], 'S only on the last Data-In', `S on DataSN ${s[0]?.dataSN}`);
      if (!s.length) t.note('status came in a separate SCSI Response');
    }),
  row(7, 'the A bit is 0 at ErrorRecoveryLevel 0',
    'The target must not set the A (Acknowledge) bit for sessions with ErrorRecoveryLevel=0.', 'rfc7143/11.7.2',
    (t, d) => { const a = d.find(p => p.acknowledge); t.check(!a, 'A=0 on every Data-In', `A=1 on DataSN ${a?.dataSN}`); }, { ErrorRecoveryLevel: '0' }),
  row(8, 'the Data-In PDUs carry exactly the bytes read',
    'Read data, split over Data-In PDUs, adds up to the transfer: the sum of the data segment lengths equals the Expected Data Transfer Length of an exact read.', 'rfc7143/11.7.6',
    (t, d, tr) => { const sum = d.reduce((a, p) => a + p.data.length, 0); t.check(sum === 16 * tr.bs, `${16 * tr.bs} bytes`, `${sum} bytes`); }),
  row(9, 'Data-In data segments are filled to whole 4-byte words except on F',
    'The data segments of Data-In PDUs should be filled to an integer number of 4-byte words unless the F bit is set.', 'rfc7143/11.7.7',
    (t, d) => { const odd = d.find(p => !p.final && p.data.length % 4 !== 0); t.check(!odd, 'multiples of 4 bytes', `${odd?.data.length} bytes at DataSN ${odd?.dataSN}`); }, {}, 'SHOULD'),
  {
    n: 10,
    title: 'a read that fails sends its status in a SCSI Response, not a Data-In',
    level: 'MUST',
    requirement: 'If a command completes with an error, the status and sense data must be sent in a SCSI Response PDU, never in a Data-In.',
    ref: 'rfc7143/11.7.3',
    tags: ['data', 'data-in'],
    async run(t) {
      const c = await t.login();
      const bs = await blockSize(t, c);
      const tr = await readTask(t, c, Read10.encode({ lba: 0xffff_fff0, transferLength: 1 }), bs);
      t.check(tr.status === 0x02 && tr.response !== undefined, 'CHECK CONDITION in a SCSI Response', `status 0x${tr.status.toString(16)} in ${tr.last.type}`);
      t.check(!tr.dataIn.some(p => p.statusPresent), 'no Data-In with S', 'a Data-In with S');
    },
  },
]);
