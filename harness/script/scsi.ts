// The `scsi` step: one SCSI Command with immediate, unsolicited and R2T-solicited Data-Out (RFC 7143 §3.2.4.2),
// Data-In gathered until status. Target misbehaviour is a result, never an exception.
import { makePdu, type Pdu } from '../pdu/registry.js';
import type { ScriptConnection } from './connection.js';

/** What the command got back. */
export interface ScsiOutcome {
  /** 'status' when a SCSI status arrived; otherwise how it ended. */
  end: 'status' | 'closed' | 'timeout' | 'unexpected';
  status?: number;
  /** iSCSI Response code of the SCSI Response (0 = completed at target). */
  response?: number;
  sense?: Buffer;
  data: Buffer;
  /** The PDU that ended the exchange when it was not one we expected. */
  unexpected?: Pdu;
  closedReason?: string;
}

/** Parameters of one command. */
export interface ScsiRequest { itt?: number; lun: bigint; cdb: Buffer; dataOut?: Buffer; readLength: number; attr: number; timeoutMs: number }

const NO_TAG = 0xffffffff;

/** Sends one command and runs its data phases to the end. */
export async function runScsi(c: ScriptConnection, q: ScsiRequest): Promise<ScsiOutcome> {
  const out = q.dataOut ?? Buffer.alloc(0);
  const itt = q.itt ?? c.nextItt();
  c.sentItts.add(itt);
  const maxSeg = Math.max(512, c.params.targetMaxRecv);
  const immLen = c.params.immediateData ? Math.min(out.length, c.params.firstBurst, maxSeg) : 0;
  const cdb16 = Buffer.alloc(16);
  q.cdb.copy(cdb16, 0, 0, Math.min(16, q.cdb.length));
  const ahs = q.cdb.length > 16 ? [{ ahsType: 1, specific: 0, data: q.cdb.subarray(16) }] : [];
  const unsolicited = !c.params.initialR2T ? Math.min(out.length, c.params.firstBurst) : immLen;
  const edtl = out.length > 0 ? out.length : q.readLength;
  await c.sendPdu(makePdu('ScsiCommand', {
    final: unsolicited <= immLen, read: q.readLength > 0, write: out.length > 0, attr: q.attr, lun: q.lun, itt,
    expectedDataTransferLength: edtl, cmdSN: c.cmdSN, expStatSN: c.expStatSN, cdb: cdb16, ahs, data: out.subarray(0, immLen),
  }));
  // Unsolicited Data-Out up to FirstBurstLength when InitialR2T=No (§13.10, §13.14).
  if (unsolicited > immLen) await sendData(c, q.lun, itt, NO_TAG, out, immLen, unsolicited - immLen, maxSeg, 0);
  const data: Buffer[] = [];
  for (;;) {
    const r = await c.next(q.timeoutMs);
    if (r.kind === 'timeout') return { end: 'timeout', data: Buffer.concat(data) };
    if (r.kind === 'closed') return { end: 'closed', closedReason: r.reason, data: Buffer.concat(data) };
    const p = r.pdu;
    if (p.type === 'DataIn' && p.itt === itt) {
      data.push(p.data);
      if (p.statusPresent) return { end: 'status', status: p.status, response: 0, data: Buffer.concat(data) };
      continue;
    }
    if (p.type === 'R2t' && p.itt === itt) {
      const len = Math.min(p.desiredDataTransferLength, Math.max(0, out.length - p.bufferOffset));
      await sendData(c, q.lun, itt, p.ttt, out, p.bufferOffset, len, Math.min(maxSeg, c.params.maxBurst), 0);
      continue;
    }
    if (p.type === 'ScsiResponse' && p.itt === itt) {
      const senseLen = p.data.length >= 2 ? p.data.readUInt16BE(0) : 0;
      return { end: 'status', status: p.status, response: p.response, data: Buffer.concat(data), ...(senseLen ? { sense: p.data.subarray(2, 2 + senseLen) } : {}) };
    }
    if (p.type === 'NopIn' && p.ttt !== NO_TAG) { await answerNopIn(c, p.ttt, p.lun); continue; }
    if (p.type === 'AsyncMessage') continue;
    // Answers to other tasks (an earlier fuzzed command answered late) belong to those tasks.
    const other = (p as { itt?: number }).itt;
    if (p.type !== 'Reject' && other !== undefined && other !== itt && c.sentItts.has(other)) continue;
    if (p.type === 'Reject' && p.data.length >= 20 && p.data.readUInt32BE(16) !== itt) continue;
    return { end: 'unexpected', unexpected: p, data: Buffer.concat(data) };
  }
}

/** Data-Out PDUs for [offset, offset+len), each at most `seg` bytes, F on the last (§11.7). */
async function sendData(c: ScriptConnection, lun: bigint, itt: number, ttt: number, out: Buffer, offset: number, len: number, seg: number, firstDataSN: number): Promise<void> {
  let dataSN = firstDataSN;
  for (let at = offset, end = offset + len; at < end || (len === 0 && at === offset); at += seg) {
    const n = Math.min(seg, end - at);
    await c.sendPdu(makePdu('DataOut', { final: at + n >= end, lun, itt, ttt, expStatSN: c.expStatSN, dataSN: dataSN++, bufferOffset: at, data: out.subarray(at, at + n) }));
    if (len === 0) break;
  }
}

/** A target ping asks for a NOP-Out echoing its TTT (§11.19). */
export async function answerNopIn(c: ScriptConnection, ttt: number, lun: bigint): Promise<void> {
  await c.sendPdu(makePdu('NopOut', { immediate: true, final: true, lun, itt: NO_TAG, ttt, cmdSN: c.cmdSN, expStatSN: c.expStatSN }));
}
