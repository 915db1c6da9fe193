// Faults in sequence numbers and the command window (RFC 7143 §4.2.2).
import { defineFault } from './define.js';

/** Numbering deviations. */
export const numberingFaults = [
  defineFault({
    id: 'fault/statsn-stuck', ref: 'rfc7143/4.2.2.2',
    description: 'StatSN never advances: every status-bearing PDU repeats the same StatSN',
    caughtBy: ['rfc7143/4.2.2.2/1', 'rfc7143/11.6/1'],
    hooks: { statSNAdvance: () => false },
  }),
  defineFault({
    id: 'fault/ignore-cmd-window', ref: 'rfc7143/4.2.2.1',
    description: 'commands with a CmdSN outside [ExpCmdSN, MaxCmdSN] are executed instead of dropped',
    caughtBy: ['rfc7143/4.2.2.1/1'],
    hooks: { windowAccept: () => true },
  }),
  defineFault({
    id: 'fault/immediate-advances-cmdsn', ref: 'rfc7143/4.2.2.1',
    description: 'an immediate command advances ExpCmdSN, so the next non-immediate command looks stale',
    caughtBy: ['rfc7143/4.2.2.1/6', 'rfc7143/11.18/1'],
    hooks: { immediateAdvances: () => true },
  }),
  defineFault({
    id: 'fault/maxcmdsn-behind', ref: 'rfc7143/4.2.2.1',
    description: 'MaxCmdSN is reported as ExpCmdSN - 2, below the lowest value the RFC allows (ExpCmdSN - 1)',
    caughtBy: ['rfc7143/11.13/1', 'rfc7143/4.2.2.1/3'],
    hooks: { maxCmdSN: (_max, exp) => (exp - 2) >>> 0 },
  }),
  defineFault({
    id: 'fault/wrong-itt-echo', ref: 'rfc7143/11.4',
    description: 'a SCSI Response to a command whose ITT ends in 0xa5 carries ITT + 1',
    caughtBy: ['rfc7143/11.4/100'],
    trigger: 'a SCSI command with ITT & 0xff == 0xa5',
    hooks: { send: p => (p && p.type === 'ScsiResponse' && (p.itt & 0xff) === 0xa5 ? { ...p, itt: (p.itt + 1) >>> 0 } : p) },
  }),
  defineFault({
    id: 'fault/r2tsn-starts-at-one', ref: 'rfc7143/11.8.6',
    description: 'the first R2T of a task has R2TSN 1 instead of 0',
    caughtBy: ['rfc7143/4.2.5.2/1'],
    hooks: { firstR2TSN: () => 1 },
  }),
  defineFault({
    id: 'fault/datasn-restarts', ref: 'rfc7143/11.7.5',
    description: 'DataSN restarts at 0 with every Data-In sequence instead of counting across the task',
    caughtBy: ['rfc7143/11.7/5'],
    trigger: 'a read longer than MaxBurstLength',
    hooks: { dataSNRestart: () => true },
  }),
];
