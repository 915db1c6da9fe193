// Deliberate deviations (`--fault NAME`): each one hooks named steps of the target's handlers (STYLE.md "Checker rules and faults").
import type { Pdu, KnownPdu } from '../../harness/pdu/registry.js';
import type { TextPair } from '../../harness/text/codec.js';
import type { NegotiationOutcome } from '../../harness/text/negotiate.js';
import type { ScsiRequest, ScsiResult } from '../scsi/device.js';

/** What the send step knows about a PDU on its way out. */
export interface SendInfo {
  /** This PDU advances StatSN (it carries status). */
  status: boolean;
  /** Initiator's MaxRecvDataSegmentLength on this connection. */
  sendLimit: number;
}

/**
 * The named steps a fault can hook. Each hook receives the value the clean target computed (first argument) and
 * returns the value to use instead; the other arguments are context.
 */
export interface FaultSteps {
  /** Every PDU just before it is encoded; null drops it. */
  send: [KnownPdu | null, SendInfo];
  /** Every PDU as it arrives: 'crash' ends the process, 'hang' stops serving the connection. */
  receive: ['crash' | 'hang' | undefined, Pdu];
  /** The keys of a login request: 'hang' never answers it. */
  loginKeys: ['hang' | undefined, readonly TextPair[]];
  /** The negotiation outcome of one login or text request (answers and params). */
  negotiation: [NegotiationOutcome, readonly TextPair[]];
  /** Whether authentication is required before the operational stage. */
  authRequired: [boolean];
  /** Whether the initiator's CHAP_R verified. */
  chapVerified: [boolean];
  /** Whether TargetPortalGroupTag goes into the first login response. */
  sendTpgt: [boolean];
  /** The TSIH given in the final login response. */
  finalTsih: [number];
  /** Whether a reinstating login ends the old session (§6.3.5). */
  reinstate: [boolean];
  /** Whether StatSN advances after a status-bearing PDU. */
  statSNAdvance: [boolean];
  /** Whether a non-immediate command is accepted (true when inside the CmdSN window). */
  windowAccept: [boolean, number];
  /** Whether an immediate command advances ExpCmdSN. */
  immediateAdvances: [boolean];
  /** MaxCmdSN to advertise given ExpCmdSN. */
  maxCmdSN: [number, number];
  /** Largest Data-In data segment. */
  dataInSegment: [number];
  /** Desired Data Transfer Length of one R2T. */
  r2tLength: [number];
  /** First R2TSN of a task. */
  firstR2TSN: [number];
  /** Whether DataSN restarts at each Data-In sequence. */
  dataSNRestart: [boolean];
  /** What the SCSI layer answered. */
  scsiResult: [ScsiResult, ScsiRequest];
  /** Whether SCSI commands are refused in a Discovery session. */
  discoveryRejectsScsi: [boolean];
  /** Largest Text Response data segment. */
  textSegment: [number];
  /** Reject reason for a PDU with an unknown opcode. */
  unknownOpcodeReason: [number | null, number];
  /** Whether a logout gets a Logout Response. */
  logoutResponds: [boolean];
  /** Whether a TMF checks that its LUN exists. */
  tmfChecksLun: [boolean];
}

/** One hook per step, each optional. */
export type FaultHooks = { [K in keyof FaultSteps]?: (...args: FaultSteps[K]) => FaultSteps[K][0] };

/** One deliberate deviation. */
export interface FaultDef {
  /** `fault/<kebab>`. */
  id: string;
  /** The clause it breaks: `rfc7143/11.4.6`, `spc4/...`, `sbc3/...`. */
  ref: string;
  /** What the target does wrong, in one sentence. */
  description: string;
  /** When it only fires on a rare input, what that input is (a fuzzer has to find it). */
  trigger?: string;
  /** Conformance cases expected to catch it (filled in by the suites). */
  caughtBy?: string[];
  hooks: FaultHooks;
}

/** Declares a fault; the identity function, so the declaration is checked and stays data. */
export const defineFault = (f: FaultDef): FaultDef => f;

/** The switched-on faults, applied step by step. */
export class FaultSet {
  constructor(readonly active: readonly FaultDef[] = []) {}

  /** True when no fault is on (the clean target). */
  get clean(): boolean {
    return this.active.length === 0;
  }

  /** Runs the value the clean target computed through every active fault's hook for `step`. */
  apply<K extends keyof FaultSteps>(step: K, ...args: FaultSteps[K]): FaultSteps[K][0] {
    let [value, ...rest] = args as unknown as [FaultSteps[K][0], ...unknown[]];
    for (const f of this.active) {
      const hook = f.hooks[step] as ((...a: unknown[]) => FaultSteps[K][0]) | undefined;
      if (hook) value = hook(value, ...rest);
    }
    return value;
  }
}
