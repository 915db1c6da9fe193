// One SCSI task in the session's task table: its command, the Data-Out it gathers, the R2Ts it has outstanding.
import type { PduNamed } from '../../harness/pdu/registry.js';
import type { Connection } from '../connection.js';

/** One R2T sent and not yet fully answered (§11.8). */
export interface OutstandingR2t {
  ttt: number;
  /** Its R2TSN, so that an R2T SNACK can resend it as sent (§11.16). */
  r2tSN: number;
  offset: number;
  length: number;
  received: number;
  nextDataSN: number;
}

/** A task from its SCSI Command until its status is sent (or it is aborted). */
export interface Task {
  itt: number;
  conn: Connection;
  cmd: PduNamed<'ScsiCommand'>;
  /** The whole CDB (BHS 16 bytes + Extended CDB AHS). */
  cdb: Buffer;
  /** Data-Out bytes the command will use: min(EDTL, what the CDB moves). */
  need: number;
  buffer: Buffer;
  /** Bytes of the target-wide buffer budget this task holds (given back when it leaves the task table). */
  reserved: number;
  /** Bytes of [0, need) received so far (immediate, unsolicited, solicited). */
  received: number;
  /** End offset of the unsolicited data (immediate + unsolicited Data-Out) for this command. */
  unsolicitedEnd: number;
  /** Unsolicited Data-Out still expected (InitialR2T=No and F=0 in the command, §13.10). */
  unsolicitedOpen: boolean;
  unsolicitedDataSN: number;
  unsolicitedReceived: number;
  r2ts: Map<number, OutstandingR2t>;
  /** Next offset not yet covered by an R2T. */
  nextR2tOffset: number;
  /** R2TSN and DataSN share one numbering per task (§11.8.6 for bidirectional commands; harmless otherwise). */
  sn: number;
  /** Data-In PDUs sent, for ExpDataSN (§11.4.8). */
  dataInCount: number;
  state: 'collecting' | 'executing' | 'done';
  aborted: boolean;
  /** ERL >= 1: a Data-Out of this task had a data digest error; it ends with CHECK CONDITION once all data is in (§7.8). */
  crcError?: boolean;
}
