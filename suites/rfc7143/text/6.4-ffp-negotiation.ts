// RFC 7143 §6.4 Negotiation outside the Login Phase: ALL keys may be renegotiated by Text Request; LO and IO keys may not.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { closed, nonStrict, pass, pdu } from '../../../harness/runner/outcomes.js';
import { decodeText } from '../../../harness/text/codec.js';
import { Read10 } from '../../../harness/scsi/commands/sbc-rw.js';
import { aliveOrClosed, blockSize, readTask, textExchange, textRequest } from '../../support-ffp.js';

// Keys whose "Use" is LO (leading connection only, fixed after the leading login) or IO (login only), §13.
const fixed: { key: string; value: string; use: 'LO' | 'IO'; ref: string }[] = [
  { key: 'MaxBurstLength', value: '4096', use: 'LO', ref: 'rfc7143/13.13' },
  { key: 'FirstBurstLength', value: '1024', use: 'LO', ref: 'rfc7143/13.14' },
  { key: 'InitialR2T', value: 'Yes', use: 'LO', ref: 'rfc7143/13.10' },
  { key: 'ImmediateData', value: 'No', use: 'LO', ref: 'rfc7143/13.11' },
  { key: 'MaxOutstandingR2T', value: '2', use: 'LO', ref: 'rfc7143/13.17' },
  { key: 'ErrorRecoveryLevel', value: '0', use: 'LO', ref: 'rfc7143/13.20' },
  { key: 'MaxConnections', value: '2', use: 'LO', ref: 'rfc7143/13.2' },
  { key: 'DataPDUInOrder', value: 'Yes', use: 'LO', ref: 'rfc7143/13.18' },
  { key: 'HeaderDigest', value: 'CRC32C,None', use: 'IO', ref: 'rfc7143/13.1' },
  { key: 'DataDigest', value: 'CRC32C,None', use: 'IO', ref: 'rfc7143/13.1' },
];

const refusals = fixed.map(({ key, value, use, ref }, i): CaseDef => ({
  n: 2 + i,
  title: `${key} (${use}) in a Text Request in Full Feature Phase is not renegotiated`,
  level: 'MUST',
  requirement: use === 'LO'
    ? `${key} is a leading-only key that cannot be changed after the leading connection login; offered in FFP it is answered Reject (or Irrelevant), or the Text Request is rejected.`
    : `${key} can only be used during login (use IO); offered in FFP it is answered Reject (or Irrelevant), or the Text Request is rejected.`,
  ref,
  tags: ['text', 'ffp', 'negotiation'],
  async run(t) {
    const c = await t.login();
    const req = textRequest(c, [{ key, value }]);
    const e = await t.expect(c,
      pass(pdu('TextResponse', p => p.itt === req.itt && p.final && decodeText(p.data).pairs.some(x => x.key === key && (x.value === 'Reject' || x.value === 'Irrelevant')), `${key}=Reject or Irrelevant`)),
      pass(pdu('Reject', () => true, 'a Reject of the Text Request')),
      nonStrict(closed()));
    await aliveOrClosed(t, c, e);
  },
}));

export default defineSection('rfc7143/6.4', 'Operational Parameter Negotiation outside the Login Phase', [
  {
    n: 1,
    title: 'MaxRecvDataSegmentLength declared again in FFP bounds the Data-In that follows',
    level: 'MUST',
    requirement: 'MaxRecvDataSegmentLength (use ALL, declarative) may be declared in a Text Request in Full Feature Phase; afterwards the target sends no data segment longer than the new value (512).',
    ref: 'rfc7143/13.12',
    tags: ['text', 'ffp', 'negotiation', 'mrdsl'],
    async run(t) {
      const c = await t.login({ keys: { MaxRecvDataSegmentLength: '65536' } });
      const bs = await blockSize(t, c);
      await textExchange(t, c, [{ key: 'MaxRecvDataSegmentLength', value: '512' }]);
      const tr = await readTask(t, c, Read10.encode({ lba: 0, transferLength: 8 }), 8 * bs);
      const big = tr.dataIn.find(p => p.data.length > 512);
      t.check(!big, 'every Data-In at most 512 bytes', `a Data-In of ${big?.data.length} bytes`);
    },
  },
  ...refusals,
]);
