// Data-In (RFC 7143 §11.7): split by the initiator's MaxRecvDataSegmentLength and by MaxBurstLength sequences.
import { makePdu } from '../../harness/pdu/registry.js';
import { NO_TAG } from '../../harness/pdu/types/codes.js';
import type { Connection } from '../connection.js';
import type { Task } from './task.js';

/** Status carried in the last Data-In (phase collapse, §11.7.3): only for GOOD-like status without sense. */
export interface CollapsedStatus {
  status: number;
  overflow: boolean;
  underflow: boolean;
  residualCount: number;
}

/**
 * Sends `data` as Data-In PDUs: none longer than the initiator's MaxRecvDataSegmentLength (§13.12), F=1 at the end of
 * each MaxBurstLength sequence (§13.13), DataSN counting per task and BufferOffset per byte (§11.7.5, §11.7.6).
 */
export function sendDataIn(conn: Connection, task: Task, data: Buffer, collapsed?: CollapsedStatus): void {
  const { faults } = conn.ctx;
  const seg = Math.max(1, faults.apply('dataInSegment', conn.sendLimit));
  const burst = conn.params.maxBurstLength;
  for (let seqStart = 0; seqStart < data.length; seqStart += burst) {
    const seqEnd = Math.min(data.length, seqStart + burst);
    if (seqStart > 0 && faults.apply('dataSNRestart', false)) task.sn = 0;
    for (let off = seqStart; off < seqEnd; off += seg) {
      const end = Math.min(seqEnd, off + seg);
      const last = end === data.length;
      const s = last && collapsed;
      conn.send(makePdu('DataIn', {
        final: end === seqEnd, acknowledge: false, overflow: s ? collapsed.overflow : false,
        underflow: s ? collapsed.underflow : false, statusPresent: !!s, status: s ? collapsed.status : 0, lun: 0n,
        itt: task.itt, ttt: NO_TAG, statSN: 0, expCmdSN: 0, maxCmdSN: 0, dataSN: task.sn, bufferOffset: off,
        residualCount: s ? collapsed.residualCount : 0, ahs: [], data: data.subarray(off, end),
      }), !!s);
      task.sn = (task.sn + 1) >>> 0;
      task.dataInCount++;
    }
  }
}
