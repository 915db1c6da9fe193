// Faults in data transfer and status (RFC 7143 §11.3, §11.4, §11.7, §11.8).
import { makePdu } from '../../harness/pdu/registry.js';
import { defineFault } from './define.js';

/** Data transfer deviations. */
export const dataFaults = [
  defineFault({
    id: 'fault/data-in-over-mrdsl', ref: 'rfc7143/13.12',
    description: 'Data-In segments are twice the initiator\'s MaxRecvDataSegmentLength',
    caughtBy: ['rfc7143/11.7/1'],
    hooks: { dataInSegment: n => n * 2 },
  }),
  defineFault({
    id: 'fault/data-in-missing-f-bit', ref: 'rfc7143/11.7.1',
    description: 'the last Data-In of a sequence is sent with F=0 (and so without S)',
    caughtBy: ['rfc7143/11.7/5'],
    hooks: {
      send: p => (p && p.type === 'DataIn' && p.final && !p.statusPresent ? { ...p, final: false } : p),
    },
  }),
  defineFault({
    id: 'fault/residual-not-reported', ref: 'rfc7143/11.4.5',
    description: 'an underflow or overflow is never reported: U/O bits clear and Residual Count 0',
    caughtBy: ['rfc7143/11.4/1'],
    hooks: {
      send: p => {
        if (p && (p.type === 'ScsiResponse' || (p.type === 'DataIn' && p.statusPresent)))
          return { ...p, underflow: false, overflow: false, residualCount: 0 };
        return p;
      },
    },
  }),
  defineFault({
    id: 'fault/r2t-over-max-burst', ref: 'rfc7143/13.13',
    description: 'R2Ts ask for twice MaxBurstLength in one sequence',
    caughtBy: ['rfc7143/4.2.5.2/1'],
    hooks: { r2tLength: n => n * 2 },
  }),
  defineFault({
    id: 'fault/sense-missing', ref: 'rfc7143/11.4.7',
    description: 'CHECK CONDITION is answered without sense data (no autosense)',
    caughtBy: ['rfc7143/4.2.2.2/1', 'rfc7143/11.16/2'],
    hooks: { scsiResult: r => (r.status === 0x02 ? { ...r, sense: undefined } : r) },
  }),
  defineFault({
    id: 'fault/check-condition-in-data-in', ref: 'rfc7143/11.7.3',
    description: 'CHECK CONDITION is carried in a Data-In with S=1 instead of a SCSI Response with sense',
    caughtBy: ['rfc7143/4.2.2.2/1', 'rfc7143/11.16/2'],
    hooks: {
      send: p => (p && p.type === 'ScsiResponse' && p.status === 0x02
        ? makePdu('DataIn', { final: true, statusPresent: true, status: 0x02, itt: p.itt, ttt: 0xffffffff, statSN: p.statSN,
          expCmdSN: p.expCmdSN, maxCmdSN: p.maxCmdSN })
        : p),
    },
  }),
  defineFault({
    id: 'fault/nop-in-no-echo', ref: 'rfc7143/11.19',
    description: 'a NOP-In answering a ping does not echo the ping data',
    caughtBy: ['rfc7143/11.18/2'],
    hooks: { send: p => (p && p.type === 'NopIn' && p.itt !== 0xffffffff ? { ...p, data: Buffer.alloc(0) } : p) },
  }),
  defineFault({
    id: 'fault/text-no-continuation', ref: 'rfc7143/11.11',
    description: 'a Text Response longer than the initiator\'s MaxRecvDataSegmentLength is sent in one PDU',
    caughtBy: ['rfc7143/11.11/1'],
    hooks: { textSegment: () => 0xffffff },
  }),
];
