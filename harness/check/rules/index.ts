// The registry of every passive-checker rule; adding a rule means adding its file and one line here.
import type { Rule } from '../define-rule.js';
import { cmdsnInWindow } from './cmdsn-in-window.js';
import { cmdsnWindowValid } from './cmdsn-window-valid.js';
import { dataInBurst } from './data-in-burst.js';
import { dataInDatasn } from './data-in-datasn.js';
import { dataInFinal } from './data-in-final.js';
import { dataInOffset } from './data-in-offset.js';
import { dataInWithinEdtl } from './data-in-within-edtl.js';
import { dataOutDatasn } from './data-out-datasn.js';
import { dataOutOffset } from './data-out-offset.js';
import { dataOutR2t } from './data-out-r2t.js';
import { dataSegmentLength } from './data-segment-length.js';
import { initiatorDigest, targetDigest } from './digest.js';
import { discoveryOpcode } from './discovery-opcode.js';
import { expcmdsnBound } from './expcmdsn-bound.js';
import { expcmdsnMonotonic } from './expcmdsn-monotonic.js';
import { initiatorPduFormat } from './initiator-pdu-format.js';
import { initiatorSegmentLength } from './initiator-segment-length.js';
import { ittKnown } from './itt-known.js';
import { loginIsidTsih } from './login-isid-tsih.js';
import { loginStatus } from './login-status.js';
import { loginTransit } from './login-transit.js';
import { loginVersion } from './login-version.js';
import { negotiation } from './negotiation.js';
import { nopInEcho } from './nop-in-echo.js';
import { opcodePhase } from './opcode-phase.js';
import { pduFormat } from './pdu-format.js';
import { r2tBounds } from './r2t-bounds.js';
import { r2tsnSequence } from './r2tsn-sequence.js';
import { rejectHeader } from './reject-header.js';
import { residual } from './residual.js';
import { senseData } from './sense-data.js';
import { statsnIncrement } from './statsn-increment.js';
import { statusOnce } from './status-once.js';
import { textResponseTtt } from './text-response-ttt.js';
import { unsolicitedData } from './unsolicited-data.js';

/** Every rule, target side first. */
export const allRules: readonly Rule[] = [
  pduFormat, targetDigest, opcodePhase, discoveryOpcode, ittKnown, statsnIncrement, cmdsnWindowValid, expcmdsnMonotonic,
  expcmdsnBound, dataInDatasn, dataInOffset, dataInBurst, dataInWithinEdtl, dataInFinal, statusOnce, residual, senseData,
  r2tsnSequence, r2tBounds, dataSegmentLength, nopInEcho, loginIsidTsih, loginVersion, loginStatus, loginTransit,
  negotiation, textResponseTtt, rejectHeader,
  initiatorPduFormat, initiatorDigest, cmdsnInWindow, dataOutDatasn, dataOutOffset, dataOutR2t, unsolicitedData,
  initiatorSegmentLength,
];

/** A rule by id. */
export const ruleById = (id: string): Rule | undefined => allRules.find(r => r.id === id);
