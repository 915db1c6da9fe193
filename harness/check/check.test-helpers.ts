// Test helper: a scripted initiator/target conversation with consistent numbering, to feed the checker.
import { makePdu, type Pdu, type PduNamed } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';
import { encodeText, type TextPair } from '../text/codec.js';
import { createChecker, type CheckMode } from './checker.js';
import type { CheckViolation } from './define-rule.js';

/** One PDU of a conversation: who sent it. */
export type Step = { from: 'i' | 't'; pdu: Pdu };

const LOGIN_KEYS: TextPair[] = [
  { key: 'InitiatorName', value: 'iqn.2026-11.test:init' }, { key: 'TargetName', value: 'iqn.2026-11.test:tgt' },
  { key: 'SessionType', value: 'Normal' }, { key: 'MaxRecvDataSegmentLength', value: '8192' },
];

/** Builds a conversation; every helper pushes its PDUs and keeps CmdSN/StatSN/ITT consistent. */
export class Script {
  steps: Step[] = [];
  cmdSN = 1000;
  statSN = 50;
  itt = 0x10;
  window = 16;

  i<N extends Pdu['type']>(p: Pdu & { type: N }): this { this.steps.push({ from: 'i', pdu: p }); return this; }
  t(p: Pdu): this { this.steps.push({ from: 't', pdu: p }); return this; }
  /** The window and StatSN fields of the next target PDU; `advance` takes a StatSN. */
  sn(advance = true) {
    const v = { statSN: this.statSN, expCmdSN: this.cmdSN, maxCmdSN: this.cmdSN + this.window };
    if (advance) this.statSN++;
    return v;
  }

  login(keys: TextPair[] = LOGIN_KEYS, answer: TextPair[] = [{ key: 'TargetPortalGroupTag', value: '1' }], resp: Partial<PduNamed<'LoginResponse'>> = {}): this {
    const itt = this.itt++;
    this.i(makePdu('LoginRequest', { immediate: true, transit: true, csg: 1, nsg: 3, isid: 0x400001000000, itt, cmdSN: this.cmdSN, data: encodeText(keys) }));
    return this.t(makePdu('LoginResponse', { transit: true, csg: 1, nsg: 3, isid: 0x400001000000, tsih: 7, itt, ...this.sn(), data: encodeText(answer), ...resp }));
  }
  /** A SCSI Command; returns its ITT via `last`. */
  cmd(v: Partial<PduNamed<'ScsiCommand'>> = {}): this {
    this.last = this.itt++;
    this.i(makePdu('ScsiCommand', { final: true, attr: 1, itt: this.last, cmdSN: this.cmdSN, expStatSN: this.statSN, ...v }));
    if (!v.immediate) this.cmdSN++;
    return this;
  }
  last = 0;
  read(edtl: number): this { return this.cmd({ read: true, expectedDataTransferLength: edtl }); }
  write(edtl: number, immediate = 0): this {
    return this.cmd({ write: true, expectedDataTransferLength: edtl, data: Buffer.alloc(immediate, 0xa5) });
  }
  resp(v: Partial<PduNamed<'ScsiResponse'>> = {}): this {
    return this.t(makePdu('ScsiResponse', { final: true, itt: this.last, ...this.sn(), ...v }));
  }
  dataIn(dataSN: number, offset: number, len: number, v: Partial<PduNamed<'DataIn'>> = {}): this {
    const s = this.sn(Boolean(v.statusPresent));
    return this.t(makePdu('DataIn', { itt: this.last, ttt: NO_TAG, ...s, ...(v.statusPresent ? {} : { statSN: 0 }), dataSN, bufferOffset: offset, data: Buffer.alloc(len, 1), ...v }));
  }
  r2t(r2tSN: number, offset: number, len: number, ttt = 0x77, v: Partial<PduNamed<'R2t'>> = {}): this {
    return this.t(makePdu('R2t', { final: true, itt: this.last, ttt, ...this.sn(false), r2tSN, bufferOffset: offset, desiredDataTransferLength: len, ...v }));
  }
  dataOut(dataSN: number, offset: number, len: number, final: boolean, ttt = 0x77): this {
    return this.i(makePdu('DataOut', { final, itt: this.last, ttt, expStatSN: this.statSN, dataSN, bufferOffset: offset, data: Buffer.alloc(len, 2) }));
  }
}

/** Runs a conversation through a fresh checker; returns the findings per step. */
export function runSteps(steps: readonly Step[], mode: CheckMode = 'passive'): CheckViolation[][] {
  const c = createChecker({ mode });
  return steps.map(s => (s.from === 'i' ? c.onInitiatorPdu(s.pdu) : c.onTargetPdu(s.pdu)));
}

/** Rule ids found, flattened, in order. */
export const rulesFound = (steps: readonly Step[], mode: CheckMode = 'passive'): string[] =>
  runSteps(steps, mode).flat().map(v => v.rule);
