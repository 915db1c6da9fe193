// A small, deterministic iSCSI target session for testing the script interpreter and the fuzzer before (and
// beside) the reference target: login without auth, NOP, a few SCSI commands on RAM, Text, TMF, Logout, Reject.
// Planted faults sit behind rare conditions, like the reference target's --fault catalogue.
import { decodePdu, makePdu, type Pdu } from '../../pdu/registry.js';
import type { FramedPdu } from '../../pdu/framer.js';
import { decodeText, encodeText } from '../../text/codec.js';

/** Deliberate bugs: crash on a 13-byte NOP-Out ping; no answer to INQUIRY with allocation length 1; a wrong ITT for a 37-byte ping. */
export type FakeFault = 'crash-nop-13' | 'hang-inquiry-1' | 'wrong-itt-nop-37';

/** Every fault the fake knows. */
export const FAKE_FAULTS: readonly FakeFault[] = ['crash-nop-13', 'hang-inquiry-1', 'wrong-itt-nop-37'];

/** What a PDU made the session do. */
export interface SessionAction { reply: Pdu[]; close?: boolean; crash?: boolean }

/** Blocks shared by every session of one target (a RAM LUN of 2048 blocks of 512 bytes). */
export class RamLun {
  readonly blockSize = 512;
  readonly blocks = 2048;
  readonly data = Buffer.alloc(512 * 2048);
}

const NO_TAG = 0xffffffff;
const sense = (key: number, asc: number, ascq = 0): Buffer => {
  const s = Buffer.alloc(18); s[0] = 0x70; s[2] = key; s[7] = 10; s[12] = asc; s[13] = ascq;
  const d = Buffer.alloc(20); d.writeUInt16BE(18, 0); s.copy(d, 2); return d;
};

/** One connection's state machine; `handle` maps each received PDU to the PDUs to send back. */
export class FakeSession {
  statSN = 0; expCmdSN = 1; ffp = false;
  private pendingWrite: { itt: number; lba: number; buf: Buffer; got: number; lun: bigint; cmdSN: number } | null = null;

  constructor(private readonly lun: RamLun, private readonly faults: ReadonlySet<FakeFault> = new Set()) {}

  private seq() { return { statSN: this.statSN++, expCmdSN: this.expCmdSN, maxCmdSN: (this.expCmdSN + 31) >>> 0 }; }

  /** Handles a framed PDU. */
  handleFramed(f: FramedPdu): SessionAction { return this.handle(decodePdu(f.bhs, f.ahs, f.data)); }

  /** Handles a decoded PDU. */
  handle(p: Pdu): SessionAction {
    if (p.type !== 'Raw' && 'immediate' in p && !p.immediate && 'cmdSN' in p && p.type !== 'LoginRequest') {
      if (p.cmdSN === this.expCmdSN) this.expCmdSN = (this.expCmdSN + 1) >>> 0;
    }
    if (p.type === 'LoginRequest') return this.login(p);
    if (!this.ffp) return { reply: [], close: true };
    switch (p.type) {
      case 'NopOut': {
        if (p.itt === NO_TAG) return { reply: [] };
        if (this.faults.has('crash-nop-13') && p.data.length === 13) return { reply: [], crash: true };
        const itt = this.faults.has('wrong-itt-nop-37') && p.data.length === 37 ? (p.itt + 1) >>> 0 : p.itt;
        return { reply: [makePdu('NopIn', { final: true, itt, ttt: NO_TAG, lun: p.lun, data: p.data, ...this.seq() })] };
      }
      case 'ScsiCommand': return this.scsi(p);
      case 'DataOut': return this.dataOut(p);
      case 'TextRequest':
        return { reply: [makePdu('TextResponse', { final: true, itt: p.itt, ttt: NO_TAG, data: encodeText([{ key: 'TargetName', value: 'iqn.2026-11.test:fake' }]), ...this.seq() })] };
      case 'TaskManagementRequest':
        return { reply: [makePdu('TaskManagementResponse', { final: true, itt: p.itt, response: p.function === 1 ? 1 : 0, ...this.seq() })] };
      case 'LogoutRequest':
        return { reply: [makePdu('LogoutResponse', { final: true, itt: p.itt, response: 0, ...this.seq() })], close: true };
      default: {
        const e = p.type === 'Raw' ? p.bhs : Buffer.alloc(48);
        return { reply: [makePdu('Reject', { final: true, reason: 4, itt: NO_TAG, data: Buffer.from(e), ...this.seq(), dataSNOrR2TSN: 0 })] };
      }
    }
  }

  private login(p: Extract<Pdu, { type: 'LoginRequest' }>): SessionAction {
    const keys = decodeText(p.data).pairs;
    // Every negotiated key gets an answer: the first listed value, which is a legal choice for every result function
    // when the offer itself is legal (the fuzzer's own login always is); declarations are not answered.
    const answers = keys.filter(k => !/^(InitiatorName|TargetName|SessionType|InitiatorAlias|MaxRecvDataSegmentLength|AuthMethod|TargetAlias)$/.test(k.key))
      .map(k => ({ key: k.key, value: /Digest$/.test(k.key) ? 'None' : k.value.split(',')[0]! }));
    if (p.csg === 0) answers.push({ key: 'AuthMethod', value: 'None' });
    const done = p.transit && p.nsg === 3;
    if (done) { this.ffp = true; this.expCmdSN = p.cmdSN; answers.push({ key: 'MaxRecvDataSegmentLength', value: '262144' }); }
    return { reply: [makePdu('LoginResponse', {
      transit: p.transit, csg: p.csg, nsg: p.transit ? p.nsg : 0, isid: p.isid, tsih: done ? 1 : 0, itt: p.itt,
      data: encodeText(answers), ...this.seq(),
    })] };
  }

  private status(itt: number, status: number, data?: Buffer): Pdu {
    return makePdu('ScsiResponse', { final: true, itt, status, response: 0, expDataSN: 0, ...(data ? { data } : {}), ...this.seq() });
  }

  private scsi(p: Extract<Pdu, { type: 'ScsiCommand' }>): SessionAction {
    const c = p.cdb, op = c[0]!;
    const dataIn = (d: Buffer): SessionAction => {
      const n = Math.min(d.length, p.expectedDataTransferLength), edtl = p.expectedDataTransferLength;
      return { reply: [makePdu('DataIn', {
        final: true, statusPresent: true, status: 0, itt: p.itt, ttt: NO_TAG, dataSN: 0, bufferOffset: 0,
        underflow: n < edtl, overflow: d.length > edtl, residualCount: n < edtl ? edtl - n : d.length - n,
        data: d.subarray(0, n), ...this.seq() })] };
    };
    switch (op) {
      case 0x00: return { reply: [this.status(p.itt, 0)] };
      case 0x12: {
        const alloc = c.readUInt16BE(3);
        if (this.faults.has('hang-inquiry-1') && alloc === 1) return { reply: [] };
        const d = Buffer.alloc(36); d[2] = 6; d[3] = 2; d[4] = 31; d.write('FAKE    FAKE-TARGET     0001', 8, 'latin1');
        return dataIn(d.subarray(0, Math.min(36, alloc)));
      }
      case 0x25: { const d = Buffer.alloc(8); d.writeUInt32BE(this.lun.blocks - 1, 0); d.writeUInt32BE(this.lun.blockSize, 4); return dataIn(d); }
      case 0x28: case 0x2a: {
        const lba = c.readUInt32BE(2), n = c.readUInt16BE(7), bs = this.lun.blockSize;
        if (lba + n > this.lun.blocks) return { reply: [this.status(p.itt, 2, sense(5, 0x21))] };
        if (op === 0x28) return dataIn(Buffer.from(this.lun.data.subarray(lba * bs, (lba + n) * bs)));
        const buf = Buffer.alloc(n * bs);
        p.data.copy(buf, 0, 0, Math.min(p.data.length, buf.length));
        if (p.data.length >= buf.length) { buf.copy(this.lun.data, lba * bs); return { reply: [this.status(p.itt, 0)] }; }
        this.pendingWrite = { itt: p.itt, lba, buf, got: p.data.length, lun: p.lun, cmdSN: p.cmdSN };
        return { reply: [makePdu('R2t', { final: true, itt: p.itt, ttt: 0x100, lun: p.lun, r2tSN: 0, bufferOffset: p.data.length,
          desiredDataTransferLength: buf.length - p.data.length, statSN: this.statSN, expCmdSN: this.expCmdSN, maxCmdSN: this.expCmdSN + 31 })] };
      }
      default: return { reply: [this.status(p.itt, 2, sense(5, 0x20))] };
    }
  }

  private dataOut(p: Extract<Pdu, { type: 'DataOut' }>): SessionAction {
    const w = this.pendingWrite;
    if (!w || p.itt !== w.itt) return { reply: [] };
    p.data.copy(w.buf, p.bufferOffset);
    w.got += p.data.length;
    if (!p.final || w.got < w.buf.length) return { reply: [] };
    this.pendingWrite = null;
    w.buf.copy(this.lun.data, w.lba * this.lun.blockSize);
    return { reply: [this.status(w.itt, 0)] };
  }
}
