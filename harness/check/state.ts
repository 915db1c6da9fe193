// The passive checker's picture of one connection and its session, built from the PDUs of both directions.
import type { TextPair } from '../text/codec.js';
import { defaultParams, type NegotiatedParams } from '../text/params.js';

/** Where the connection is: before login, logging in, Full Feature Phase, after Logout Response, or login failed. */
export type Phase = 'none' | 'login' | 'ffp' | 'logged-out' | 'failed';

/** One solicited Data-Out sequence the target asked for with an R2T. */
export interface R2tState {
  r2tSN: number;
  ttt: number;
  offset: number;
  length: number;
  /** Data-Out bytes received for it so far, and where the next one should start. */
  received: number;
  nextOffset: number;
  /** DataSN the next Data-Out of this sequence should carry (undefined before the first). */
  lastDataSN: number | undefined;
  done: boolean;
}

/** A SCSI command from send to status. */
export interface ScsiTask {
  kind: 'scsi';
  itt: number;
  read: boolean;
  write: boolean;
  edtl: number;
  cmdSN: number;
  /** Data-In so far: next DataSN, bytes, next offset, bytes in the current sequence, F of the last one. */
  dataIn: { nextDataSN: number; bytes: number; nextOffset: number; burst: number; lastFinal: boolean; count: number };
  nextR2TSN: number;
  r2ts: R2tState[];
  /** Unsolicited data: immediate bytes, then Data-Out with TTT 0xffffffff. */
  unsolicited: { immediate: number; bytes: number; nextOffset: number; lastDataSN: number | undefined; done: boolean };
  /** Every Data-Out byte (solicited or not) plus immediate data. */
  dataOutBytes: number;
  statusSent: boolean;
}

/** Any other request that waits for an answer with the same ITT. */
export interface OtherTask {
  kind: 'tmf' | 'text' | 'logout' | 'nop' | 'login' | 'snack';
  itt: number;
  /** NOP-Out ping data that the NOP-In must echo. */
  ping?: Buffer;
}

/** An outstanding initiator task. */
export type Task = ScsiTask | OtherTask;

/** Text collected across a login or text exchange. */
export interface Exchange {
  /** The initiator's pairs (offers and declarations) of this step. */
  offers: TextPair[];
  reqText: Buffer[];
  respText: Buffer[];
  /** Keys concluded in this negotiation sequence (§6.2: no renegotiation). */
  negotiated: Set<string>;
  sendTargets: boolean;
  /** ITT of the request whose text is still being continued (C=1), if any. */
  continuingItt?: number;
}

/** Everything the rules may read. */
export interface CheckState {
  phase: Phase;
  /** True when the capture began after login: numbering baselines are learnt, unknown ITTs tolerated. */
  lateJoin: boolean;
  sessionType: 'Normal' | 'Discovery' | undefined;
  /** Values in force (RFC defaults until the login concludes). */
  params: NegotiatedParams;
  login: {
    isid?: bigint | number;
    requestTsih?: number;
    tsih?: number;
    versionMin?: number;
    versionMax?: number;
    csg?: number;
    nsg?: number;
    transit?: boolean;
    sawResponse: boolean;
    /**
     * The fields above per Login Request ITT: a response is judged against its own request, even when a later request
     * was already sent (a fuzzer does that).
     */
    requests?: Map<number, Partial<CheckState['login']>>;
  };
  loginText: Exchange;
  text: Exchange | undefined;
  /** The StatSN the next status-bearing target PDU must carry. */
  statSN: number | undefined;
  /** ExpCmdSN/MaxCmdSN as last validly announced (the initiator keeps the later of each, §4.2.2.1). */
  expCmdSN: number | undefined;
  maxCmdSN: number | undefined;
  /** ExpCmdSN may not pass this: one after the last non-immediate CmdSN sent (the CmdSN of an immediate one). */
  cmdSNBound: number | undefined;
  tasks: Map<number, Task>;
  /** Tasks whose status was sent, kept to tell a repeated status from an unknown ITT. */
  finished: Map<number, Task>;
  /** Recent initiator BHSs, for matching Reject data segments. */
  sentHeaders: Buffer[];
  /** ITTs the initiator reused for a new command while they still named one: not judged for repeated status. */
  reusedItts: Set<number>;
  /**
   * What the initiator asked to have sent again (RFC 7143 §11.16): after a Status, Data/R2T or R-Data SNACK, a status
   * with an old StatSN, and Data-In or R2Ts of a SNACKed ITT, are replicas, not new numbered responses.
   */
  snacked?: { itts: Set<number> };
}

/** Fresh state for a new connection. */
export function createState(): CheckState {
  return {
    phase: 'none', lateJoin: false, sessionType: undefined, params: defaultParams(), login: { sawResponse: false },
    loginText: newExchange(), text: undefined, statSN: undefined, expCmdSN: undefined, maxCmdSN: undefined,
    cmdSNBound: undefined, tasks: new Map(), finished: new Map(), sentHeaders: [], reusedItts: new Set(),
  };
}

/** An empty text exchange. */
export const newExchange = (negotiated = new Set<string>()): Exchange =>
  ({ offers: [], reqText: [], respText: [], negotiated, sendTargets: false });

/** True for a task created by a SCSI Command. */
export const isScsi = (t: Task | undefined): t is ScsiTask => t?.kind === 'scsi';
