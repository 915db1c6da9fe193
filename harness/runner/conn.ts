// A case's view of one connection: iSCSI numbering (CmdSN window, ExpStatSN, ITTs) over a Link,
// plus the few exchanges cases need whole (SCSI command with data, NOP ping, logout).
import { makePdu, type KnownPdu, type LengthOverrides, type PduNamed } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';
import { encodeText } from '../text/codec.js';
import { doLogin, type LoginOptions, type LoginResult } from './login.js';
import type { Link } from './link.js';
import { parseSense, type CaseEvent, type ScsiEvent } from './outcomes.js';
import type { TargetInfo } from './target-info.js';

/** Parameters that shape data transfer, from the login answers (RFC 7143 §13 defaults). */
export interface ConnParams {
  /** The target's MaxRecvDataSegmentLength: the most we may put in one PDU. */
  targetMaxRecvDataSegmentLength: number;
  immediateData: boolean;
  initialR2T: boolean;
  firstBurstLength: number;
  maxBurstLength: number;
}

/** The 8-byte SAM LUN for a LUN number (peripheral addressing below 256, flat above). */
export const samLun = (lun: number): bigint => (lun < 256 ? BigInt(lun) << 48n : BigInt(0x4000 | lun) << 48n);

/** One connection with its numbering; `remaining()` bounds every wait by the case deadline. */
export class Conn {
  cmdSN = 1;
  expStatSN = 0;
  expCmdSN = 1;
  maxCmdSN = 1;
  tsih = 0;
  isid: number;
  cid = 1;
  private itt = 0x100;
  params: ConnParams = { targetMaxRecvDataSegmentLength: 8192, immediateData: true, initialR2T: true, firstBurstLength: 65536, maxBurstLength: 262144 };

  constructor(readonly link: Link, readonly target: TargetInfo, readonly remaining: () => number, isid: number) {
    this.isid = isid;
  }

  /** A fresh Initiator Task Tag (never the reserved 0xffffffff). */
  nextItt(): number { this.itt = (this.itt + 1) >>> 0; return this.itt; }

  /**
   * Sends a PDU; fields not given get the connection's numbering (ITT, CmdSN, ExpStatSN, LUN).
   * CmdSN advances for non-immediate commands only (RFC 7143 §4.2.2.1).
   */
  send<N extends KnownPdu['type']>(type: N, fields: Partial<Omit<PduNamed<N>, 'type'>> = {}, lengths: LengthOverrides = {}): PduNamed<N> {
    const probe = makePdu(type, {}) as Record<string, unknown>;
    const auto: Record<string, unknown> = {};
    if ('itt' in probe && type !== 'DataOut') auto.itt = this.nextItt();
    if ('cmdSN' in probe) auto.cmdSN = this.cmdSN;
    if ('expStatSN' in probe) auto.expStatSN = this.expStatSN;
    if ('lun' in probe && type !== 'LoginRequest') auto.lun = samLun(this.target.lun);
    const p = makePdu(type, { ...auto, ...fields } as never) as PduNamed<N> & Record<string, unknown>;
    const isCommand = type !== 'DataOut' && type !== 'SnackRequest' && 'cmdSN' in p;
    if (isCommand && !p.immediate && (fields as Record<string, unknown>).cmdSN === undefined) this.cmdSN = (this.cmdSN + 1) >>> 0;
    this.link.send(p, lengths);
    return p;
  }

  /** The next event; StatSN and the command window follow every status-bearing PDU. */
  async receive(waitMs = this.remaining()): Promise<CaseEvent> {
    const budget = this.remaining();
    const e = await this.link.next(Math.min(waitMs, budget));
    // Silence that lasts to the deadline is no outcome: the runner's timeout decides (never a pass).
    if (e.kind === 'silence' && waitMs >= budget) return new Promise<CaseEvent>(() => {});
    if (e.kind === 'pdu') this.track(e.pdu as KnownPdu);
    return e;
  }

  /**
   * Sends one Login Request exactly as described (keys in the given order, undefined left out), for
   * cases that probe a single login step; the ISID, TSIH and CID default to this connection's.
   */
  loginRequest(o: { keys: Record<string, string | undefined>; transit?: boolean; continue?: boolean; csg?: number; nsg?: number; versionMax?: number; versionMin?: number; tsih?: number }): PduNamed<'LoginRequest'> {
    const pairs = Object.entries(o.keys).filter((e): e is [string, string] => e[1] !== undefined).map(([key, value]) => ({ key, value }));
    return this.send('LoginRequest', {
      immediate: true, transit: o.transit ?? true, continue: o.continue ?? false, csg: o.csg ?? 0, nsg: o.nsg ?? 1,
      versionMax: o.versionMax ?? 0, versionMin: o.versionMin ?? 0, isid: this.isid, tsih: o.tsih ?? this.tsih, cid: this.cid, data: encodeText(pairs),
    });
  }

  /** Full login to Full Feature Phase (security stage with AuthMethod, then operational). */
  login(opts: LoginOptions = {}): Promise<LoginResult> { return doLogin(this, opts); }

  /** Runs a SCSI command to its end: Data-In gathered, R2Ts answered, status and sense decoded. */
  async scsi(cdb: Buffer, o: { read?: number; write?: Buffer; lun?: number; itt?: number } = {}): Promise<CaseEvent> {
    const write = o.write ?? Buffer.alloc(0);
    const edtl = o.read ?? write.length;
    const immLen = this.params.immediateData ? Math.min(write.length, this.params.firstBurstLength, this.params.targetMaxRecvDataSegmentLength) : 0;
    const cmd = this.send('ScsiCommand', {
      final: true, read: (o.read ?? 0) > 0, write: write.length > 0, attr: 1, expectedDataTransferLength: edtl,
      cdb: Buffer.concat([cdb, Buffer.alloc(Math.max(0, 16 - cdb.length))]).subarray(0, 16), data: write.subarray(0, immLen),
      ...(o.lun === undefined ? {} : { lun: samLun(o.lun) }), ...(o.itt === undefined ? {} : { itt: o.itt }),
    });
    const chunks: Buffer[] = [];
    for (;;) {
      const e = await this.receive();
      if (e.kind !== 'pdu') return e;
      const p = e.pdu;
      if (p.type === 'R2t' && p.itt === cmd.itt) { this.answerR2t(p, write); continue; }
      if (p.type === 'DataIn' && p.itt === cmd.itt) {
        chunks.push(p.data);
        if (p.statusPresent) return this.scsiEvent(p, p.status, 0, Buffer.concat(chunks), undefined, p);
        continue;
      }
      if (p.type === 'ScsiResponse' && p.itt === cmd.itt) {
        const senseLen = p.data.length >= 2 ? p.data.readUInt16BE(0) : 0;
        const sense = senseLen > 0 ? parseSense(p.data.subarray(2, 2 + senseLen)) : undefined;
        return this.scsiEvent(p, p.status, p.response, Buffer.concat(chunks), sense, p);
      }
      if (p.type === 'NopIn' && p.ttt !== NO_TAG) { this.send('NopOut', { itt: NO_TAG, ttt: p.ttt, immediate: true, final: true }); continue; }
      return e; // anything else (Reject, Async, a stray PDU) ends the exchange for the case to judge
    }
  }

  /** NOP-Out ping with an ITT; resolves to whatever arrives next. */
  async nop(data: Buffer = Buffer.alloc(0), fields: Partial<Omit<PduNamed<'NopOut'>, 'type'>> = {}): Promise<CaseEvent> {
    this.send('NopOut', { final: true, ttt: NO_TAG, immediate: true, data, ...fields });
    return this.receive();
  }

  /** Logout (reason 0: close the session); resolves to whatever arrives next. */
  async logout(reasonCode = 0): Promise<CaseEvent> {
    this.send('LogoutRequest', { final: true, reasonCode, immediate: true, cid: this.cid });
    return this.receive();
  }

  private answerR2t(r2t: PduNamed<'R2t'>, write: Buffer): void {
    const max = this.params.targetMaxRecvDataSegmentLength;
    const end = Math.min(write.length, r2t.bufferOffset + r2t.desiredDataTransferLength);
    let dataSN = 0;
    for (let off = r2t.bufferOffset; off < end; off += max) {
      const len = Math.min(max, end - off);
      this.send('DataOut', { itt: r2t.itt, ttt: r2t.ttt, lun: r2t.lun, dataSN: dataSN++, bufferOffset: off, final: off + len >= end, data: write.subarray(off, off + len) });
    }
  }

  private scsiEvent(p: ScsiEvent['pdu'], status: number, response: number, data: Buffer, sense: ScsiEvent['sense'], r: { underflow: boolean; overflow: boolean; residualCount: number }): ScsiEvent {
    return { kind: 'scsi', status, response, data, underflow: r.underflow, overflow: r.overflow, residualCount: r.residualCount, pdu: p, ...(sense ? { sense } : {}) };
  }

  private track(p: KnownPdu): void {
    const v = p as unknown as Record<string, unknown>;
    if (typeof v.expCmdSN === 'number') this.expCmdSN = v.expCmdSN;
    if (typeof v.maxCmdSN === 'number') this.maxCmdSN = v.maxCmdSN;
    if (typeof v.statSN !== 'number') return;
    const noStatus = p.type === 'R2t' || (p.type === 'DataIn' && !p.statusPresent) || (p.type === 'NopIn' && p.itt === NO_TAG);
    if (!noStatus) this.expStatSN = (v.statSN + 1) >>> 0;
  }
}
