// The contract between the reference target's iSCSI layer (login, sessions, tasks, data
// transfer) and its SCSI layer (SPC/SBC on LUN backends). The iSCSI layer moves bytes and
// computes residuals; the SCSI layer owns CDB semantics, sense, unit attentions and reservations.

/** An I_T nexus: one initiator port (name + ISID) on this target (portal group tag). */
export interface Nexus {
  /** Stable key for maps: `${initiatorName},i,0x${isid hex},t,0x${tpgt hex}` (RFC 7143 §4.4 SCSI port names). */
  key: string;
  initiatorName: string;
  isid: number;
  tpgt: number;
}

/** One SCSI command as the iSCSI layer hands it over, with all its Data-Out gathered. */
export interface ScsiRequest {
  nexus: Nexus;
  /** The 8-byte LUN field of the SCSI Command PDU, as a bigint. */
  lun: bigint;
  /** The whole CDB (16 bytes from the BHS, plus an Extended CDB AHS when present). */
  cdb: Buffer;
  /** Task attribute of the command (0 untagged, 1 simple, 2 ordered, 3 head of queue, 4 ACA). */
  attr: number;
  /** iSCSI Expected Data Transfer Length (bytes the initiator is prepared to move). */
  expectedDataTransferLength: number;
  /** Data-Out received (immediate + unsolicited + solicited), at most EDTL bytes. */
  dataOut: Buffer;
  /**
   * The task, whose `aborted` turns true if it is aborted while it waits in the LU's queue: it is then not executed at
   * all (SAM-5). An object rather than a callback: no closure per command on the hot path.
   */
  task?: { readonly aborted: boolean };
}

/** What the SCSI layer decided. */
export interface ScsiResult {
  /** SAM status (0 GOOD, 2 CHECK CONDITION, 0x18 RESERVATION CONFLICT, ...). */
  status: number;
  /** Sense data (fixed or descriptor format) with CHECK CONDITION; absent otherwise. */
  sense?: Buffer;
  /** Data-In the command produced (already cut to the CDB's allocation/transfer length). */
  dataIn?: Buffer;
  /**
   * Bytes the CDB itself asks to move in its data direction (blocks x block size, or the
   * allocation / parameter list length). The iSCSI layer sets O/U and the residual count from the
   * difference with EDTL (RFC 7143 §11.4.5); absent means "equal to what was moved".
   */
  transferLength?: number;
  /**
   * PREEMPT AND ABORT (SPC-4, "Preempting and aborting"): the I_T nexus keys whose tasks on this LU the iSCSI layer must
   * abort, as the task-set owner.
   */
  abortNexuses?: string[];
}

/** Task management functions the SCSI layer must see (the iSCSI layer handles task tables). */
export type ScsiReset = 'lun-reset' | 'target-warm-reset' | 'target-cold-reset' | 'clear-task-set' | 'abort-task-set';

/** The SCSI side of the reference target: every LUN it exports. */
export interface ScsiDevice {
  /** LUN numbers exported, in REPORT LUNS order (the 8-byte encoded form). */
  luns(): bigint[];
  /** Bytes of Data-Out the command will use, so the iSCSI layer can size R2Ts; 0 for non-writes. */
  dataOutLength(req: Omit<ScsiRequest, 'dataOut'>): number;
  /** Executes one command; never throws for bad CDBs (those are CHECK CONDITION results). */
  execute(req: ScsiRequest): Promise<ScsiResult>;
  /** A TMF or reset affecting `lun` (or all LUNs for target resets), issued by `nexus`. */
  reset(kind: ScsiReset, nexus: Nexus, lun?: bigint): void;
  /** The nexus is gone (session ended or reinstated): release what only it held, per SPC. */
  nexusLost(nexus: Nexus): void;
  /** Flushes and closes backing files. */
  close(): Promise<void>;
}
