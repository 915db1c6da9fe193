// One SCSI command end to end (RFC 7143 §11.3-§11.8): immediate, unsolicited and R2T-solicited Data-Out, Data-In reassembly.
import { TransportError } from '../errors.js';
import { makePdu, type Pdu, type PduNamed } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';
import { sendLimit, type NegotiatedParams } from '../text/params.js';
import type { Link } from './link.js';
import type { Numbering } from './numbering.js';

/** A SCSI command to run. `lun` is the 8-byte LUN field (see samLun). */
export interface CommandOptions {
  lun: bigint;
  cdb: Buffer;
  dataOut?: Buffer;
  /** Default: dataOut length for writes, else 0. Must be given for reads. */
  expectedDataTransferLength?: number;
  read?: boolean;
  write?: boolean;
  /** The I bit (immediate delivery, §11.3): the command does not advance CmdSN. */
  immediate?: boolean;
  /** Task attribute (§11.3.1); default 1 = SIMPLE. */
  attr?: number;
  /** Send no immediate data even when ImmediateData=Yes. */
  noImmediateData?: boolean;
  timeoutMs?: number;
}

/** How a command ended. `kind: 'rejected'` when the target answered with a Reject naming our command. */
export interface CommandResult {
  kind: 'completed' | 'rejected';
  itt: number;
  /** SAM status (0 GOOD, 2 CHECK CONDITION, ...); -1 when rejected. */
  status: number;
  /** iSCSI Response byte (§11.4.3): 0 completed at target, 1 target failure. */
  response: number;
  /** Sense data without its 2-byte SenseLength, when present. */
  sense?: Buffer;
  /** Data-In bytes placed by Buffer Offset, up to the highest byte received. */
  dataIn: Buffer;
  overflow: boolean;
  underflow: boolean;
  residualCount: number;
  rejectReason?: number;
  /** Every PDU of this task, both ways, in order. */
  pdus: Pdu[];
}

/** What a command needs from the session. */
export interface CommandHost {
  link: Link;
  numbering: Numbering;
  params: NegotiatedParams;
  timeoutMs: number;
}

/** Runs a command and waits for its status; TransportError on silence or close. */
export async function runCommand(h: CommandHost, o: CommandOptions): Promise<CommandResult> {
  const out = o.dataOut ?? Buffer.alloc(0);
  const write = o.write ?? out.length > 0;
  const edtl = o.expectedDataTransferLength ?? (write ? out.length : 0);
  const read = o.read ?? (!write && edtl > 0);
  const p = h.params;
  const mrdsl = sendLimit(p, 'initiator');
  const deadline = Date.now() + (o.timeoutMs ?? h.timeoutMs);
  const itt = h.numbering.nextItt();
  const pdus: Pdu[] = [];
  const send = async (pdu: Pdu): Promise<void> => { pdus.push(pdu); await h.link.send(pdu); };
  const writable = write ? Math.min(edtl, out.length) : 0;
  // Unsolicited data (immediate + Data-Out without R2T) is bounded by FirstBurstLength (§13.14); immediate data
  // also by the target's MaxRecvDataSegmentLength (§13.12) since it rides in the command PDU.
  const firstBurst = Math.min(writable, p.firstBurstLength);
  const immediateLen = p.immediateData && !o.noImmediateData ? Math.min(firstBurst, mrdsl) : 0;
  const unsolicitedEnd = p.initialR2T ? immediateLen : firstBurst;
  const cdb = o.cdb.length >= 16 ? o.cdb.subarray(0, 16) : Buffer.concat([o.cdb, Buffer.alloc(16 - o.cdb.length)]);
  const ahs = o.cdb.length > 16 ? [{ ahsType: 1, specific: 0, data: Buffer.from(o.cdb.subarray(16)) }] : [];
  await send(makePdu('ScsiCommand', {
    immediate: o.immediate ?? false, final: unsolicitedEnd === immediateLen, read, write, attr: o.attr ?? 1, lun: o.lun, itt,
    expectedDataTransferLength: edtl, cmdSN: h.numbering.takeCmdSN(o.immediate ?? false), expStatSN: h.numbering.expStatSN,
    cdb, ahs, data: out.subarray(0, immediateLen),
  }));
  if (unsolicitedEnd > immediateLen) await sendData(h, send, o.lun, itt, NO_TAG, out, immediateLen, unsolicitedEnd - immediateLen, mrdsl);

  const dataIn = Buffer.alloc(read ? edtl : 0);
  let high = 0;
  const mine = (q: Pdu): boolean => (q.type === 'DataIn' || q.type === 'R2t' || q.type === 'ScsiResponse') ? q.itt === itt
    : q.type === 'Reject' && q.data.length >= 20 && q.data.readUInt32BE(16) === itt;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new TransportError(`SCSI command ITT 0x${itt.toString(16)} not completed in time`, 'ERR_TIMEOUT');
    const r = await h.link.receive({ timeoutMs: left, match: mine });
    const q = r.pdu;
    pdus.push(q);
    if (q.type === 'DataIn') {
      const end = q.bufferOffset + q.data.length;
      // Bytes past the expected length are kept in range only: an overrun is the checker's finding, not a crash here.
      if (q.bufferOffset < dataIn.length) q.data.copy(dataIn, q.bufferOffset, 0, Math.min(q.data.length, dataIn.length - q.bufferOffset));
      high = Math.max(high, Math.min(end, dataIn.length));
      if (q.statusPresent) return done(q, q.status, 0, undefined);
    } else if (q.type === 'R2t') {
      await sendData(h, send, o.lun, itt, q.ttt, out, q.bufferOffset, q.desiredDataTransferLength, mrdsl);
    } else if (q.type === 'ScsiResponse') {
      const senseLen = q.data.length >= 2 ? q.data.readUInt16BE(0) : 0;
      return done(q, q.status, q.response, senseLen ? q.data.subarray(2, 2 + senseLen) : undefined);
    } else if (q.type === 'Reject') {
      return { kind: 'rejected', itt, status: -1, response: -1, dataIn: dataIn.subarray(0, high), overflow: false, underflow: false,
        residualCount: 0, rejectReason: q.reason, pdus };
    }
  }

  function done(q: PduNamed<'DataIn'> | PduNamed<'ScsiResponse'>, status: number, response: number, sense?: Buffer): CommandResult {
    return { kind: 'completed', itt, status, response, ...(sense && { sense }), dataIn: dataIn.subarray(0, high),
      overflow: q.overflow, underflow: q.underflow, residualCount: q.residualCount, pdus };
  }
}

/**
 * Sends one output sequence: `length` bytes from `offset`, in Data-Out PDUs of at most the target's
 * MaxRecvDataSegmentLength, DataSN from 0, F on the last (§11.7). Bytes past our buffer go as zeros; an
 * R2T for 0 bytes gets nothing.
 */
async function sendData(h: CommandHost, send: (p: Pdu) => Promise<void>, lun: bigint, itt: number, ttt: number,
  out: Buffer, offset: number, length: number, mrdsl: number): Promise<void> {
  let dataSN = 0;
  for (let at = 0; at < length; at += mrdsl) {
    const n = Math.min(mrdsl, length - at);
    const chunk = Buffer.alloc(n);
    if (offset + at < out.length) out.copy(chunk, 0, offset + at, Math.min(out.length, offset + at + n));
    await send(makePdu('DataOut', {
      final: at + n >= length, lun, itt, ttt, expStatSN: h.numbering.expStatSN, dataSN: dataSN++, bufferOffset: offset + at, data: chunk,
    }));
  }
}
