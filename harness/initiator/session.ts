// The initiator session cases and the fuzzer drive: high-level login/command/text/tmf/logout and low-level send/receive.
import { makePdu, type Pdu, type PduNamed } from '../pdu/registry.js';
import { NO_TAG, TmfFunction } from '../pdu/types/codes.js';
import type { TextPair } from '../text/codec.js';
import { defaultParams, type NegotiatedParams } from '../text/params.js';
import { connect, type WireTap } from '../transport/tcp.js';
import {
  inquiryCdb, parseReadCapacity16, readCapacity16Cdb, reportLunsCdb, rw10Cdb, rw16Cdb, samLun, testUnitReadyCdb,
} from './cdbs.js';
import { runCommand, type CommandOptions, type CommandResult } from './command.js';
import { Link, type SendOptions } from './link.js';
import { runLogin, type LoginOptions, type LoginOutcome } from './login.js';
import { Numbering } from './numbering.js';
import type { ExpectOutcome, PduMatch, Received, SessionObserver } from './observer.js';
import { runText, type TextResult } from './text-exchange.js';

/** Deadlines (ms) for each kind of wait. */
export interface SessionTimeouts {
  connectMs?: number;
  loginMs?: number;
  commandMs?: number;
}

/** How to open a session's connection. */
export interface SessionConnectOptions {
  host: string;
  port: number;
  /** Records the connection's bytes (a PcapRecorder). */
  recorder?: { tap(): WireTap };
  observer?: SessionObserver;
  timeouts?: SessionTimeouts;
  /** Answer NOP-In pings (TTT != 0xffffffff) by ourselves; default true. */
  autoAnswerNopIn?: boolean;
  initialCmdSN?: number;
}

type TmfName = (typeof TmfFunction)[keyof typeof TmfFunction];

/** One iSCSI session over one TCP connection. Every wait has a deadline; target behaviour comes back as values. */
export class Session {
  params: NegotiatedParams = defaultParams();
  tsih = 0;
  phase: 'login' | 'ffp' = 'login';
  /** Block size used by the read/write helpers; learnt from readCapacity16. */
  blockSize = 512;
  autoAnswerNopIn: boolean;
  /** Async Messages and Rejects as they arrived (they also stay in the inbox for receive/expectOneOf). */
  readonly asyncMessages: Received[] = [];
  readonly rejects: Received[] = [];
  /** NOP-In pings answered automatically. */
  pingsAnswered = 0;
  readonly numbering: Numbering;
  readonly link: Link;
  private readonly timeouts: Required<SessionTimeouts>;

  /** Numbers for hand-built PDUs: the session fills CmdSN/ExpStatSN/ITT only when asked. */
  readonly next = {
    cmdSN: (immediate = false): number => this.numbering.takeCmdSN(immediate),
    itt: (): number => this.numbering.nextItt(),
    expStatSN: (): number => this.numbering.expStatSN,
  };

  private constructor(conn: Awaited<ReturnType<typeof connect>>, o: SessionConnectOptions) {
    this.timeouts = { connectMs: 5000, loginMs: 5000, commandMs: 10_000, ...o.timeouts };
    this.autoAnswerNopIn = o.autoAnswerNopIn ?? true;
    this.numbering = new Numbering(o.initialCmdSN ?? 1);
    this.link = new Link(conn, o.observer, r => this.intercept(r));
  }

  /** Opens the TCP connection (TargetUnreachable when it cannot). */
  static async connect(o: SessionConnectOptions): Promise<Session> {
    const tap = o.recorder?.tap();
    const conn = await connect(o.host, o.port, { timeoutMs: o.timeouts?.connectMs ?? 5000, ...(tap && { tap }) });
    return new Session(conn, o);
  }

  /** Logs in; on success the session is in Full Feature Phase with the negotiated params and digests in force. */
  async login(o: LoginOptions): Promise<LoginOutcome> {
    const r = await runLogin({ link: this.link, numbering: this.numbering, timeoutMs: this.timeouts.loginMs }, o);
    if (r.ok) {
      this.params = r.params;
      this.tsih = r.tsih;
      this.phase = 'ffp';
    }
    return r;
  }

  /** Runs a SCSI command with whatever data transfer the negotiated parameters call for. */
  command(o: CommandOptions): Promise<CommandResult> {
    return runCommand(this.host(), o);
  }

  testUnitReady(lun = 0): Promise<CommandResult> {
    return this.command({ lun: samLun(lun), cdb: testUnitReadyCdb() });
  }

  inquiry(lun = 0, o: { evpd?: boolean; page?: number; allocationLength?: number } = {}): Promise<CommandResult> {
    const allocationLength = o.allocationLength ?? 255;
    return this.command({ lun: samLun(lun), cdb: inquiryCdb({ ...o, allocationLength }), expectedDataTransferLength: allocationLength });
  }

  /** READ CAPACITY(16); on GOOD status the block size is remembered for the read/write helpers. */
  async readCapacity16(lun = 0): Promise<CommandResult & { lastLba?: bigint; blockLength?: number }> {
    const r = await this.command({ lun: samLun(lun), cdb: readCapacity16Cdb(32), expectedDataTransferLength: 32 });
    const cap = r.status === 0 ? parseReadCapacity16(r.dataIn) : undefined;
    if (cap && cap.blockLength > 0) this.blockSize = cap.blockLength;
    return { ...r, ...cap };
  }

  reportLuns(allocationLength = 4096): Promise<CommandResult> {
    return this.command({ lun: 0n, cdb: reportLunsCdb(allocationLength), expectedDataTransferLength: allocationLength });
  }

  read10(lun: number, lba: number, blocks: number): Promise<CommandResult> {
    return this.command({ lun: samLun(lun), cdb: rw10Cdb('read', lba, blocks), expectedDataTransferLength: blocks * this.blockSize });
  }

  read16(lun: number, lba: bigint, blocks: number): Promise<CommandResult> {
    return this.command({ lun: samLun(lun), cdb: rw16Cdb('read', lba, blocks), expectedDataTransferLength: blocks * this.blockSize });
  }

  /** WRITE(10) of `data` (a whole number of blocks). */
  write10(lun: number, lba: number, data: Buffer): Promise<CommandResult> {
    return this.command({ lun: samLun(lun), cdb: rw10Cdb('write', lba, Math.ceil(data.length / this.blockSize)), dataOut: data });
  }

  write16(lun: number, lba: bigint, data: Buffer): Promise<CommandResult> {
    return this.command({ lun: samLun(lun), cdb: rw16Cdb('write', lba, Math.ceil(data.length / this.blockSize)), dataOut: data });
  }

  /** NOP-Out ping (§11.18); resolves with the NOP-In and whether it echoed our data. */
  async nop(data: Buffer = Buffer.alloc(0), timeoutMs = this.timeouts.commandMs): Promise<{ pdu: PduNamed<'NopIn'>; echoed: boolean }> {
    const itt = this.numbering.nextItt();
    await this.send(makePdu('NopOut', {
      immediate: true, final: true, lun: 0n, itt, ttt: NO_TAG, cmdSN: this.numbering.takeCmdSN(true), expStatSN: this.numbering.expStatSN, data,
    }));
    const r = await this.receive({ timeoutMs, match: p => p.type === 'NopIn' && p.itt === itt });
    const pdu = r.pdu as PduNamed<'NopIn'>;
    return { pdu, echoed: pdu.data.equals(data) };
  }

  /** A Text exchange; parameters negotiated in it take effect. */
  async text(pairs: readonly TextPair[], o: { immediate?: boolean; timeoutMs?: number } = {}): Promise<TextResult> {
    const r = await runText(this.host(), pairs, o);
    this.params = r.params;
    return r;
  }

  /** SendTargets (Appendix C) with continuation; returns the records' pairs. */
  sendTargets(value = 'All'): Promise<TextResult> {
    return this.text([{ key: 'SendTargets', value }]);
  }

  /** Task Management Function request (§11.5), immediate by default; resolves with the response. */
  async tmf(fn: number | TmfName, o: { lun?: bigint; referencedTaskTag?: number; refCmdSN?: number; expDataSN?: number; immediate?: boolean } = {}):
    Promise<PduNamed<'TaskManagementResponse'>> {
    const code = typeof fn === 'number' ? fn : Number(Object.entries(TmfFunction).find(([, n]) => n === fn)![0]);
    const itt = this.numbering.nextItt();
    const immediate = o.immediate ?? true;
    await this.send(makePdu('TaskManagementRequest', {
      immediate, final: true, function: code, lun: o.lun ?? 0n, itt, referencedTaskTag: o.referencedTaskTag ?? NO_TAG,
      cmdSN: this.numbering.takeCmdSN(immediate), expStatSN: this.numbering.expStatSN, refCmdSN: o.refCmdSN ?? 0, expDataSN: o.expDataSN ?? 0,
    }));
    const r = await this.receive({ timeoutMs: this.timeouts.commandMs, match: p => p.type === 'TaskManagementResponse' && p.itt === itt });
    return r.pdu as PduNamed<'TaskManagementResponse'>;
  }

  /** Logout (§11.14); reason 0 closes the session. After the response our side of the connection is closed. */
  async logout(reason = 0, o: { cid?: number; immediate?: boolean } = {}): Promise<PduNamed<'LogoutResponse'>> {
    const itt = this.numbering.nextItt();
    const immediate = o.immediate ?? true;
    await this.send(makePdu('LogoutRequest', {
      immediate, final: true, reasonCode: reason, itt, cid: o.cid ?? 0, cmdSN: this.numbering.takeCmdSN(immediate), expStatSN: this.numbering.expStatSN,
    }));
    const r = await this.receive({ timeoutMs: this.timeouts.commandMs, match: p => p.type === 'LogoutResponse' && p.itt === itt });
    if (reason !== 2) await this.close();
    return r.pdu as PduNamed<'LogoutResponse'>;
  }

  /** Sends any PDU exactly as given (or raw bytes); fill numbers with `session.next`. */
  send(p: Pdu | Buffer, o: SendOptions = {}): Promise<Buffer> {
    return this.link.send(p, o);
  }

  /** The next PDU (or the next matching one); TransportError ERR_TIMEOUT / ERR_CLOSED otherwise. */
  receive(o: { timeoutMs?: number; match?: PduMatch } = {}): Promise<Received> {
    return this.link.receive({ timeoutMs: o.timeoutMs ?? this.timeouts.commandMs, ...(o.match && { match: o.match }) });
  }

  /** Which came first: a PDU matching alternative i, the connection ending, or silence for the whole timeout. */
  expectOneOf(alts: readonly PduMatch[], timeoutMs: number): Promise<ExpectOutcome> {
    return this.link.expectOneOf(alts, timeoutMs);
  }

  /** Switches digests by hand (for cases that log in with raw PDUs). */
  setDigests(d: { header: boolean; data: boolean }): void {
    this.link.setDigests(d);
  }

  /** Closes the connection (FIN, then RST after a short grace); safe to call twice. */
  async close(): Promise<void> {
    await this.link.conn.close(500);
  }

  /** Resolves when the connection has ended. */
  get closed(): Promise<unknown> {
    return this.link.conn.closed;
  }

  private host() {
    return { link: this.link, numbering: this.numbering, params: this.params, timeoutMs: this.timeouts.commandMs };
  }

  // Runs first for every received PDU: numbering, automatic NOP-In answers (§11.19), Async/Reject bookkeeping.
  private intercept(r: Received): boolean {
    const p = r.pdu;
    if (r.framed.digestOk === false) return false; // fields of a PDU with a bad digest cannot be trusted
    this.numbering.onReceived(p);
    if (p.type === 'AsyncMessage') this.asyncMessages.push(r);
    if (p.type === 'Reject') this.rejects.push(r);
    if (p.type === 'NopIn' && p.ttt !== NO_TAG && this.autoAnswerNopIn && this.phase === 'ffp') {
      // The answer carries the ping's TTT and LUN, ITT 0xffffffff, I=1, and echoes the data.
      this.pingsAnswered++;
      void this.link.send(makePdu('NopOut', {
        immediate: true, final: true, lun: p.lun, itt: NO_TAG, ttt: p.ttt, cmdSN: this.numbering.cmdSN, expStatSN: this.numbering.expStatSN, data: p.data,
      })).catch(() => undefined);
      return true;
    }
    return false;
  }
}
