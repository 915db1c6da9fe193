// A case's view of one connection, over the initiator's Session (harness/initiator): PDUs with the
// session's numbering filled in, events instead of exceptions (PDU, closed, silence), and the few
// exchanges cases need whole (login, SCSI command, NOP ping, logout), every wait bounded by the case deadline.
import { TransportError } from '../errors.js';
import { samLun as initiatorSamLun } from '../initiator/cdbs.js';
import type { Session } from '../initiator/session.js';
import { makePdu, type KnownPdu, type LengthOverrides, type Pdu, type PduNamed } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';
import { encodeText } from '../text/codec.js';
import { doLogin, type LoginOptions, type LoginResult } from './login.js';
import { parseSense, type CaseEvent, type ScsiEvent } from './outcomes.js';
import type { TargetInfo } from './target-info.js';

/** The 8-byte SAM LUN for a LUN number (peripheral addressing below 256, flat above). */
export const samLun = (lun: number): bigint => initiatorSamLun(lun);

/** Never settles: silence that lasts to the case deadline is no outcome, the runner's timeout decides. */
const deadlineReached = (): Promise<never> => new Promise<never>(() => {});

/** One connection of a case. */
export class Conn {
  /** Connection ID used in login and logout; a case may change it before logging in. */
  cid: number = 1;

  constructor(readonly session: Session, readonly target: TargetInfo, readonly remaining: () => number, readonly isid: number) {}

  /** Next CmdSN, ExpStatSN and the window the target last advertised (read-only views of the session's numbering). */
  get cmdSN(): number { return this.session.numbering.cmdSN; }
  get expStatSN(): number { return this.session.numbering.expStatSN; }
  get expCmdSN(): number { return this.session.numbering.expCmdSN; }
  get maxCmdSN(): number { return this.session.numbering.maxCmdSN; }
  get tsih(): number { return this.session.tsih; }

  /** A fresh Initiator Task Tag (never the reserved 0xffffffff). */
  nextItt(): number { return this.session.numbering.nextItt(); }

  /**
   * Sends a PDU; fields not given get the session's numbering (ITT, CmdSN, ExpStatSN, LUN). CmdSN advances
   * for non-immediate commands only (RFC 7143 §4.2.2.1), and not when the case sets CmdSN itself.
   */
  send<N extends KnownPdu['type']>(type: N, fields: Partial<Omit<PduNamed<N>, 'type'>> = {}, lengths: LengthOverrides = {}): PduNamed<N> {
    const given = fields as Record<string, unknown>;
    const probe = makePdu(type, {}) as Record<string, unknown>;
    const auto: Record<string, unknown> = {};
    if ('itt' in probe && type !== 'DataOut' && given.itt === undefined) auto.itt = this.nextItt();
    if ('cmdSN' in probe && given.cmdSN === undefined) auto.cmdSN = type === 'DataOut' || type === 'SnackRequest' ? 0 : this.session.numbering.takeCmdSN(Boolean(given.immediate));
    if ('expStatSN' in probe) auto.expStatSN = this.expStatSN;
    if ('lun' in probe && type !== 'LoginRequest') auto.lun = samLun(this.target.lun);
    const p = makePdu(type, { ...auto, ...fields } as never) as PduNamed<N>;
    this.sendPdu(p, lengths);
    return p;
  }

  /** Sends raw bytes (a PDU the codec would not build); the checker still sees the decoded header. */
  sendRaw(bytes: Buffer): void { this.sendPdu(bytes); }

  /** The next PDU, `closed`, or `silence` after `waitMs` (default: the rest of the case). */
  async receive(waitMs = this.remaining()): Promise<CaseEvent> {
    const budget = this.remaining();
    const wait = Math.min(waitMs, budget);
    const r = await this.session.expectOneOf([() => true], wait);
    if (r.kind === 'pdu') return { kind: 'pdu', pdu: r.received.pdu, framed: r.received.framed };
    if (r.kind === 'closed') return { kind: 'closed', reason: closeText(r.info.reason, r.info.frameError) };
    if (waitMs >= budget) return deadlineReached();
    return { kind: 'silence', ms: wait };
  }

  /** Full login to Full Feature Phase through the initiator's login (CHAP from the URL). */
  login(opts: LoginOptions = {}): Promise<LoginResult> { return doLogin(this, opts); }

  /**
   * Sends one Login Request exactly as described (keys in the given order, undefined left out), for cases
   * that probe a single login step; ISID and TSIH default to this connection's.
   */
  loginRequest(o: { keys: Record<string, string | undefined>; transit?: boolean; continue?: boolean; csg?: number; nsg?: number; versionMax?: number; versionMin?: number; tsih?: number }): PduNamed<'LoginRequest'> {
    const pairs = Object.entries(o.keys).filter((e): e is [string, string] => e[1] !== undefined).map(([key, value]) => ({ key, value }));
    return this.send('LoginRequest', {
      immediate: true, transit: o.transit ?? true, continue: o.continue ?? false, csg: o.csg ?? 0, nsg: o.nsg ?? 1,
      versionMax: o.versionMax ?? 0, versionMin: o.versionMin ?? 0, isid: this.isid, tsih: o.tsih ?? this.tsih, cid: this.cid, data: encodeText(pairs),
    });
  }

  /** Runs a SCSI command to its end (R2Ts answered, Data-In gathered, status and sense decoded). */
  async scsi(cdb: Buffer, o: { read?: number; write?: Buffer; lun?: number } = {}): Promise<CaseEvent> {
    const budget = this.remaining();
    try {
      const r = await this.session.command({
        lun: samLun(o.lun ?? this.target.lun), cdb, timeoutMs: budget,
        ...(o.write ? { dataOut: o.write } : {}), ...(o.read !== undefined ? { expectedDataTransferLength: o.read, read: o.read > 0 } : {}),
      });
      const last = r.pdus[r.pdus.length - 1]!;
      if (r.kind === 'rejected') return { kind: 'pdu', pdu: last };
      const sense = r.sense ? parseSense(r.sense) : undefined;
      const e: ScsiEvent = { kind: 'scsi', status: r.status, response: r.response, data: r.dataIn, underflow: r.underflow, overflow: r.overflow, residualCount: r.residualCount, pdu: last, ...(sense ? { sense } : {}) };
      return e;
    } catch (err) {
      if (err instanceof TransportError && err.code === 'ERR_TIMEOUT') return deadlineReached();
      if (err instanceof TransportError) return { kind: 'closed', reason: err.message };
      throw err;
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

  /** Closes the connection at once. */
  close(): void { this.session.link.conn.reset(); }

  private sendPdu(p: Pdu | Buffer, lengths: LengthOverrides = {}): void {
    // The bytes reach the socket synchronously, so order is kept; a dead connection shows up as `closed` on receive.
    this.session.send(p, { lengths, timeoutMs: Math.max(1, this.remaining()) }).catch(() => undefined);
  }
}

const closeText = (reason: string, frameError?: string): string =>
  reason === 'fin' ? 'closed by target (FIN)' : reason === 'reset' ? 'reset by target (RST)' : reason === 'local' ? 'closed by the harness'
    : `connection error${frameError ? ` (${frameError})` : ''}`;
