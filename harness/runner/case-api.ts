// The API a case is written against (t): connect, login, expect graded outcomes, fail/skip/note.
// It records the PDU trace, raw bytes for pcaps and checker violations; it never decides a verdict.
import type { Capability } from './case.js';
import { Conn } from './conn.js';
import { Session } from '../initiator/session.js';
import type { SessionObserver } from '../initiator/observer.js';
import type { WireTap } from '../transport/tcp.js';
import type { LoginOptions, LoginResult } from './login.js';
import { describeEvent, type CaseEvent, type Outcome } from './outcomes.js';
import type { Failure, TraceLine } from './result.js';
import type { TargetInfo } from './target-info.js';
import type { FramedPdu } from '../pdu/framer.js';
import { printPdu, type Pdu } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';
import type { Violation } from '../violation.js';

/** Bumped on every connect so that ISIDs differ between parallel cases (see connect). */
let isidCounter = 0;

/** Thrown by t.fail: the case found the target wrong. Caught by the runner only. */
export class CaseFailed extends Error { constructor(readonly failure: Failure) { super(`${failure.expected} / ${failure.actual}`); } }
/** Thrown by t.skip: the case does not apply to this target. */
export class CaseSkipped extends Error { constructor(readonly reason: string) { super(reason); } }

/** A passive checker for one connection (harness/check's shape): each hook returns violations. */
export interface ConnChecker {
  onInitiatorPdu(p: Pdu): Violation[];
  onTargetPdu(p: Pdu, framed?: FramedPdu): Violation[];
  onClose?(): Violation[];
}

/** What a case can do. */
export interface CaseApi {
  readonly target: TargetInfo;
  readonly caps: ReadonlySet<Capability>;
  /** Seed for any randomness in the case (--seed). */
  readonly seed: number;
  /** Opens a new TCP connection (not logged in). */
  connect(): Promise<Conn>;
  /** Opens a connection and logs in to Full Feature Phase; a failed login fails the case. */
  login(opts?: LoginOptions): Promise<Conn>;
  /** Logs in on an open connection and returns the result without judging it. */
  tryLogin(conn: Conn, opts?: LoginOptions): Promise<LoginResult>;
  /**
   * Judges what arrives (the next event on `conn`, or a given event) against alternatives: first
   * match wins; no match fails the case with the alternatives as "expected".
   */
  expect(subject: Conn | CaseEvent | Promise<CaseEvent>, ...outcomes: Outcome[]): Promise<CaseEvent>;
  /** Fails the case with expected vs actual and the section (default: the case's ref). */
  fail(expected: string, actual: string, ref?: string): never;
  /** Fails unless `ok`; the one-line form of an if + fail. */
  check(ok: boolean, expected: string, actual: string, ref?: string): void;
  /** Ends the case as not applicable. */
  skip(reason: string): never;
  /** Adds a line to the case's notes (shown in reports). */
  note(text: string): void;
  /**
   * A fact about the target that cannot change during the run (e.g. the LU's capacity), computed
   * once per run and shared by its cases; `make` runs again when it failed or when there is no run memo.
   */
  memo<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/** Raw bytes of one direction of one connection, for the pcap writer. */
export interface WireChunk { t: number; conn: number; dir: 'out' | 'in'; bytes: Buffer; localPort: number; remotePort: number }

/** Settings of one case context. */
export interface CaseContextOptions {
  target: TargetInfo;
  caps: ReadonlySet<Capability>;
  seed: number;
  ref: string;
  /** Epoch ms by which the case must end. */
  deadline: number;
  checker?: () => ConnChecker;
  /** Run-wide store behind t.memo (absent: nothing is shared between cases). */
  memo?: Map<string, unknown>;
  /** Keep raw bytes for pcaps (default true); `--pcap none` turns it off, nothing would read them. */
  recordWire?: boolean;
}

/** The recorder behind a CaseApi: the runner reads trace, notes, grades and violations afterwards. */
export class CaseContext implements CaseApi {
  readonly trace: TraceLine[] = [];
  readonly wire: WireChunk[] = [];
  readonly notes: string[] = [];
  readonly violations: Violation[] = [];
  /** Accepted nonStrict alternatives: fail the case under --strict. */
  readonly nonStrict: Failure[] = [];
  private readonly conns: Conn[] = [];
  private readonly started = Date.now();

  constructor(private readonly o: CaseContextOptions) {}

  get target(): TargetInfo { return this.o.target; }
  get caps(): ReadonlySet<Capability> { return this.o.caps; }
  get seed(): number { return this.o.seed; }

  /** Time left before the case deadline. */
  remaining = (): number => Math.max(0, this.o.deadline - Date.now());

  async connect(): Promise<Conn> {
    const n = this.conns.length + 1;
    const checker = this.o.checker?.();
    let ports = { local: 0, remote: 0 };
    const at = (): number => Date.now() - this.started;
    const observer: SessionObserver = {
      sent: (p, wire) => {
        this.trace.push({ t: at(), conn: n, dir: 'out', text: p.type === 'Raw' && wire.length !== 48 ? `${printPdu(p)} (${wire.length} raw bytes)` : printPdu(p) });
        if (checker) this.violations.push(...checker.onInitiatorPdu(p));
      },
      received: (p, framed) => {
        this.trace.push({ t: at(), conn: n, dir: 'in', text: printPdu(p) });
        if (checker) this.violations.push(...checker.onTargetPdu(p, framed));
      },
      closed: (reason, info) => {
        this.trace.push({ t: at(), conn: n, dir: 'event', text: `connection ended: ${reason}${info.frameError ? ` (${info.frameError})` : ''}` });
        if (checker?.onClose) this.violations.push(...checker.onClose());
      },
    };
    // Raw bytes both ways, kept for a pcap written after the verdict (--pcap failures).
    const tap: WireTap = {
      opened: e => { ports = { local: e.localPort, remote: e.remotePort }; },
      data: (dir, bytes, time) => { this.wire.push({ t: time * 1000, conn: n, dir, bytes: Buffer.from(bytes), localPort: ports.local, remotePort: ports.remote }); },
      closed: () => undefined,
    };
    const left = Math.max(1, this.remaining());
    const session = await Session.connect({
      host: this.o.target.host, port: this.o.target.port, observer, ...(this.o.recordWire === false ? {} : { recorder: { tap: () => tap } }),
      timeouts: { connectMs: left, loginMs: left, commandMs: left }, // the case deadline bounds the connect too (slow listeners)
    });
    // A process-wide counter keeps parallel cases that connect in the same millisecond from sharing an
    // ISID (same initiator name + ISID = session reinstatement, which closes the other case's session).
    const isid = 0x80 * 2 ** 40 + (((this.o.seed * 7919 + n * 104729 + Date.now()) * 4096 + (isidCounter++ % 4096)) % 2 ** 24) * 2 ** 16;
    const conn = new Conn(session, this.o.target, this.remaining, isid);
    this.conns.push(conn);
    return conn;
  }

  async login(opts: LoginOptions = {}): Promise<Conn> {
    const c = await this.connect();
    const r = await this.tryLogin(c, opts);
    if (!r.ok) this.fail('login reaches Full Feature Phase (Login Response status 0x0000, T=1, NSG=3)', `${describeEvent(r.event)}${r.problem ? ` (${r.problem})` : ''}`, 'rfc7143/6.3');
    return c;
  }

  tryLogin(conn: Conn, opts: LoginOptions = {}): Promise<LoginResult> { return conn.login(opts); }

  async expect(subject: Conn | CaseEvent | Promise<CaseEvent>, ...outcomes: Outcome[]): Promise<CaseEvent> {
    let e: CaseEvent;
    if (subject instanceof Conn) {
      const quiet = Math.max(0, ...outcomes.map(o => o.silenceMs ?? 0));
      e = await this.nextJudged(subject, quiet > 0 ? quiet : this.remaining());
    } else {
      e = await subject;
    }
    const hit = outcomes.find(o => o.test(e));
    const expected = outcomes.filter(o => o.grade === 'pass').map(o => o.describe).join(' or ') || outcomes.map(o => o.describe).join(' or ');
    if (!hit) {
      this.fail(expected, describeEvent(e));
    }
    if (hit.grade === 'nonStrict') {
      this.nonStrict.push({ expected, actual: describeEvent(e), ref: this.o.ref });
      this.note(`accepted (fails under --strict): ${hit.describe}`);
    } else if (hit.grade === 'informational') this.note(`informational: ${hit.describe}: ${describeEvent(e)}`);
    return e;
  }

  fail(expected: string, actual: string, ref = this.o.ref): never { throw new CaseFailed({ expected, actual, ref }); }

  check(ok: boolean, expected: string, actual: string, ref?: string): void { if (!ok) this.fail(expected, actual, ref); }

  skip(reason: string): never { throw new CaseSkipped(reason); }

  note(text: string): void { this.notes.push(text); }

  async memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    const store = this.o.memo;
    const k = `${this.o.target.host}:${this.o.target.port}/${this.o.target.iqn}/${this.o.target.lun} ${key}`;
    if (store?.has(k)) return store.get(k) as T;
    const v = await make(); // only a value that was obtained is kept: a failing case never poisons the run
    store?.set(k, v);
    return v;
  }

  /** Closes every connection the case opened (the runner calls this whatever the verdict). */
  closeAll(): void { for (const c of this.conns) c.close(); }

  /** The next event, answering and skipping the target's own NOP-In pings (§11.19), which any case may see. */
  private async nextJudged(c: Conn, waitMs: number): Promise<CaseEvent> {
    for (;;) {
      const e = await c.receive(waitMs);
      if (e.kind === 'pdu' && e.pdu.type === 'NopIn' && e.pdu.itt === NO_TAG && e.pdu.ttt !== NO_TAG) {
        c.send('NopOut', { itt: NO_TAG, ttt: e.pdu.ttt, immediate: true, final: true });
        continue;
      }
      return e;
    }
  }
}

