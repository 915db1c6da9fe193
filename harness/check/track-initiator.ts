// State updates for a PDU the initiator sent: new tasks, pings, text offers, data sent, the CmdSN bound.
import { NO_TAG } from '../pdu/types/codes.js';
import type { Pdu } from '../pdu/registry.js';
import { decodeText } from '../text/codec.js';
import { newExchange, type CheckState, type ScsiTask } from './state.js';
import { snAdd, snDiff, snMax } from './serial.js';

const HEADER_RING = 64;

/** True when `cmdSN` lies in the window the target last announced (or none was announced yet). */
function inWindow(s: CheckState, cmdSN: number): boolean {
  if (s.expCmdSN === undefined || s.maxCmdSN === undefined) return true;
  return snDiff(cmdSN, s.expCmdSN) >= 0 && snDiff(s.maxCmdSN, cmdSN) >= 0;
}

/** Applies an initiator PDU to the state (after the rules have judged it). */
export function trackInitiator(s: CheckState, pdu: Pdu, bhs?: Buffer): void {
  if (bhs) {
    s.sentHeaders.push(Buffer.from(bhs.subarray(0, 48)));
    if (s.sentHeaders.length > HEADER_RING) s.sentHeaders.shift();
  }
  if (s.phase === 'none') {
    if (pdu.type === 'LoginRequest') s.phase = 'login';
    else { s.phase = 'ffp'; s.lateJoin = true; }
  }
  if ('cmdSN' in pdu && inWindow(s, pdu.cmdSN)) {
    // An immediate command carries the CmdSN of the next non-immediate one without using it (§4.2.2.1). A CmdSN
    // outside the announced window is silently ignored by the target, so it cannot raise what may be acknowledged.
    s.cmdSNBound = snMax(s.cmdSNBound, pdu.immediate ? pdu.cmdSN : snAdd(pdu.cmdSN, 1));
  }
  switch (pdu.type) {
    case 'LoginRequest': {
      // A Login Request in Full Feature Phase is a protocol error for the target to refuse (§4.2.4, §6.3):
      // it does not take the connection back into the Login Phase.
      if (s.phase === 'ffp' || s.phase === 'logged-out') return;
      if (s.phase !== 'login') { s.phase = 'login'; }
      const fields = { isid: pdu.isid, requestTsih: pdu.tsih, versionMin: pdu.versionMin, versionMax: pdu.versionMax,
        csg: pdu.csg, nsg: pdu.nsg, transit: pdu.transit };
      Object.assign(s.login, fields);
      const byItt = (s.login.requests ??= new Map());
      byItt.set(pdu.itt, fields);
      if (byItt.size > 16) byItt.delete(byItt.keys().next().value!);
      s.tasks.set(pdu.itt, { kind: 'login', itt: pdu.itt });
      // An empty request while the target's answer is continued (C=1) only fetches the rest (§6.2): the
      // offers being answered are still those of the request before it.
      if (s.loginText.respText.length > 0 && pdu.data.length === 0 && s.loginText.reqText.length === 0) return;
      s.loginText.reqText.push(pdu.data);
      if (!pdu.continue) {
        s.loginText.offers = decodeText(Buffer.concat(s.loginText.reqText)).pairs;
        s.loginText.reqText = [];
        const st = s.loginText.offers.find(p => p.key === 'SessionType')?.value;
        if (st === 'Normal' || st === 'Discovery') s.sessionType = st;
        else s.sessionType ??= 'Normal';
      }
      return;
    }
    case 'ScsiCommand': {
      // An ITT reused while (or right after) it named a task is our own error (§11.2.1.8): what the target answers
      // for that ITT can no longer be told apart, so the old task is forgotten rather than judged against.
      if (s.tasks.has(pdu.itt) || s.finished.has(pdu.itt)) { s.finished.delete(pdu.itt); s.reusedItts.add(pdu.itt); }
      s.snacked?.itts.delete(pdu.itt); // a new task under the ITT: its Data-In are originals again
      const t: ScsiTask = {
        kind: 'scsi', itt: pdu.itt, read: pdu.read, write: pdu.write, edtl: pdu.expectedDataTransferLength, cmdSN: pdu.cmdSN,
        dataIn: { nextDataSN: 0, bytes: 0, nextOffset: 0, burst: 0, lastFinal: true, count: 0 }, nextR2TSN: 0, r2ts: [],
        unsolicited: { immediate: pdu.data.length, bytes: pdu.data.length, nextOffset: pdu.data.length, lastDataSN: undefined, done: pdu.final },
        dataOutBytes: pdu.data.length, statusSent: false,
      };
      s.tasks.set(pdu.itt, t);
      return;
    }
    case 'DataOut': return trackDataOut(s, pdu);
    case 'NopOut':
      if (pdu.itt !== NO_TAG) s.tasks.set(pdu.itt, { kind: 'nop', itt: pdu.itt, ping: Buffer.from(pdu.data) });
      return;
    case 'TaskManagementRequest': s.tasks.set(pdu.itt, { kind: 'tmf', itt: pdu.itt }); return;
    case 'LogoutRequest': s.tasks.set(pdu.itt, { kind: 'logout', itt: pdu.itt }); return;
    case 'SnackRequest':
      // Types 0, 1, 3 ask for replicas (§11.16.1); a DataACK (2) asks for nothing.
      if (pdu.snackType !== 2) (s.snacked ??= { itts: new Set() }).itts.add(pdu.itt);
      return;
    case 'TextRequest': {
      // An exchange lasts until the target's final (F=1) response; a request with a TTT asks for more of it.
      const x = (s.text ??= newExchange());
      s.tasks.set(pdu.itt, { kind: 'text', itt: pdu.itt });
      // A sequence of Text Requests keeps one ITT (§11.10.3); a request under another ITT starts afresh and
      // the unfinished text is dropped, as the target does (it rejects the request that was never finished).
      if (x.continuingItt !== undefined && x.continuingItt !== pdu.itt) x.reqText = [];
      x.continuingItt = pdu.continue ? pdu.itt : undefined;
      x.reqText.push(pdu.data);
      if (!pdu.continue) {
        const pairs = decodeText(Buffer.concat(x.reqText)).pairs;
        x.offers.push(...pairs);
        x.sendTargets ||= pairs.some(p => p.key === 'SendTargets');
        x.reqText = [];
      }
      return;
    }
    default: return;
  }
}

function trackDataOut(s: CheckState, pdu: Extract<Pdu, { type: 'DataOut' }>): void {
  const t = s.tasks.get(pdu.itt);
  if (t?.kind !== 'scsi') return;
  t.dataOutBytes += pdu.data.length;
  if (pdu.ttt === NO_TAG) {
    const u = t.unsolicited;
    u.bytes += pdu.data.length;
    u.nextOffset = pdu.bufferOffset + pdu.data.length;
    u.lastDataSN = pdu.dataSN;
    if (pdu.final) u.done = true;
    return;
  }
  const r = t.r2ts.find(x => x.ttt === pdu.ttt && !x.done) ?? t.r2ts.find(x => x.ttt === pdu.ttt);
  if (!r) return;
  r.received += pdu.data.length;
  r.nextOffset = pdu.bufferOffset + pdu.data.length;
  r.lastDataSN = pdu.dataSN;
  if (pdu.final) r.done = true;
}
