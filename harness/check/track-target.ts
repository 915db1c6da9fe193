// State updates for a PDU the target sent: numbering, data received, tasks finished, login and text results.
import type { Pdu } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';
import { recordConcluded } from '../text/negotiate.js';
import type { Derived } from './derive.js';
import { isScsi, newExchange, type CheckState, type Task } from './state.js';
import { cmdWindow, statSNUse } from './statsn.js';
import { snAdd, snDiff, snMax } from './serial.js';

const FINISHED_KEPT = 256;

/** Applies a target PDU to the state (after the rules have judged it). */
export function trackTarget(s: CheckState, pdu: Pdu, derived: Derived): void {
  if (s.phase === 'none') { s.phase = 'ffp'; s.lateJoin = true; }
  // Resynchronise on what was sent, so that one wrong number is reported once, not on every later PDU.
  const use = statSNUse(pdu);
  if (use !== 'none' && 'statSN' in pdu) s.statSN = use === 'advance' ? snAdd(pdu.statSN, 1) : (s.statSN ?? pdu.statSN);
  const w = cmdWindow(pdu);
  if (w && snDiff(w.max, w.exp) >= -1) { // §4.2.2.1: the initiator ignores both values of an invalid window
    s.expCmdSN = snMax(s.expCmdSN, w.exp);
    s.maxCmdSN = snMax(s.maxCmdSN, w.max);
  }
  switch (pdu.type) {
    case 'LoginResponse': return trackLogin(s, pdu, derived);
    case 'TextResponse': {
      if (!s.text) return;
      s.text.respText.push(pdu.data);
      if (pdu.final && !pdu.continue) {
        if (derived.negotiation) s.params = derived.negotiation.params;
        s.text = undefined;
        finish(s, pdu.itt);
      }
      return;
    }
    case 'DataIn': {
      const t = s.tasks.get(pdu.itt);
      if (!isScsi(t)) return;
      const d = t.dataIn;
      d.count++;
      d.nextDataSN = snAdd(pdu.dataSN, 1);
      d.bytes += pdu.data.length;
      d.nextOffset = pdu.bufferOffset + pdu.data.length;
      d.burst = pdu.final ? 0 : d.burst + pdu.data.length;
      d.lastFinal = pdu.final;
      // For a bidirectional command R2Ts and Data-In share one numbering (§11.8).
      if (t.write) t.nextR2TSN = d.nextDataSN;
      if (pdu.statusPresent) { t.statusSent = true; finish(s, pdu.itt); }
      return;
    }
    case 'R2t': {
      const t = s.tasks.get(pdu.itt);
      if (!isScsi(t)) return;
      t.nextR2TSN = snAdd(pdu.r2tSN, 1);
      if (t.read) t.dataIn.nextDataSN = t.nextR2TSN;
      t.r2ts.push({ r2tSN: pdu.r2tSN, ttt: pdu.ttt, offset: pdu.bufferOffset, length: pdu.desiredDataTransferLength,
        received: 0, nextOffset: pdu.bufferOffset, lastDataSN: undefined, done: false });
      return;
    }
    case 'ScsiResponse': {
      const t = s.tasks.get(pdu.itt);
      if (isScsi(t)) t.statusSent = true;
      finish(s, pdu.itt);
      return;
    }
    case 'NopIn': if (pdu.itt !== NO_TAG) finish(s, pdu.itt); return;
    case 'TaskManagementResponse': finish(s, pdu.itt); return;
    case 'LogoutResponse': {
      finish(s, pdu.itt);
      if (pdu.response === 0) s.phase = 'logged-out';
      return;
    }
    case 'Reject': {
      // A rejected command never gets status, so its task is over; a rejected Data-Out or SNACK leaves it running.
      const op = pdu.data.length >= 48 ? pdu.data[0]! & 0x3f : undefined;
      // A rejected Text Request was not negotiated at all: its offers await no answer (a later request starts afresh).
      if (op === 0x04) s.text = undefined;
      if (op !== undefined && op !== 0x05 && op !== 0x10) finish(s, pdu.data.readUInt32BE(16));
      return;
    }
    default: return;
  }
}

function trackLogin(s: CheckState, pdu: Extract<Pdu, { type: 'LoginResponse' }>, derived: Derived): void {
  s.login.sawResponse = true;
  if (pdu.tsih !== 0) s.login.tsih ??= pdu.tsih;
  if (pdu.statusClass !== 0) { s.phase = 'failed'; finish(s, pdu.itt); return; }
  // The answer to a Login Request with C=1 is an (empty) prompt for the rest of the request's text (§6.3):
  // the exchange goes on, so the partial request text must be kept.
  if (s.loginText.reqText.length > 0 && !pdu.continue) return;
  s.loginText.respText.push(pdu.data);
  if (pdu.continue) return;
  s.loginText.respText = [];
  if (derived.negotiation) {
    s.params = derived.negotiation.params;
    recordConcluded(s.loginText.negotiated, s.loginText.offers, 'initiator');
    recordConcluded(s.loginText.negotiated, derived.theirPairs ?? [], 'target');
  }
  if (s.sessionType) s.params = { ...s.params, sessionType: s.sessionType };
  finish(s, pdu.itt);
  if (pdu.transit && pdu.nsg === 3) { s.phase = 'ffp'; s.text = undefined; }
  else s.loginText = { ...newExchange(s.loginText.negotiated) };
}

function finish(s: CheckState, itt: number): void {
  const t: Task | undefined = s.tasks.get(itt);
  if (!t) return;
  s.tasks.delete(itt);
  s.finished.set(itt, t);
  if (s.finished.size > FINISHED_KEPT) s.finished.delete(s.finished.keys().next().value!);
}
