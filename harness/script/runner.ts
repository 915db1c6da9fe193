// The interpreter of the JSON step format: one ScriptRunner per run, one method per step kind.
// Steps never throw for target behaviour; what a conforming target would not do becomes a step `fault`.
import { makePdu } from '../pdu/registry.js';
import { parseUrl, type IscsiUrl } from '../initiator/url.js';
import type { WireTap } from '../transport/tcp.js';
import type { Violation } from '../violation.js';
import { ScriptConnection, type PduChecker, type ScriptObserver, type SendOptions } from './connection.js';
import { DataModel } from './data-model.js';
import { login, SCRIPT_ISID, type LoginTarget } from './login.js';
import { parseU64, pduFromSpec, pduMatches } from './pdu-json.js';
import type { Fault, StepResult } from './result.js';
import type { PduSpec, Step } from './schema.js';
import { answerNopIn, runScsi } from './scsi.js';
import { responseSignature } from './signature.js';

/** Deadlines; a step's own timeoutMs wins. `loginMs` bounds each Login Response (login steps and the probe's login). */
export interface Timeouts { stepMs: number; connectMs: number; probeMs: number; loginMs: number }
/**
 * Defaults: short enough for fuzzing on loopback, long enough for a loaded CI machine. Logins get their own, longer
 * deadline: some targets pause on purpose at login (istgt sleeps about 1 s per login), which is no hang.
 */
export const DEFAULT_TIMEOUTS: Timeouts = { stepMs: 2000, connectMs: 3000, probeMs: 3000, loginMs: 5000 };

/** How to run: where, with what deadlines, who watches. */
export interface RunnerOptions {
  url: string | IscsiUrl;
  timeouts?: Partial<Timeouts>;
  observer?: ScriptObserver;
  /** A fresh passive checker per connection (harness/check's createChecker({ mode: 'initiator' })). */
  checker?: () => PduChecker;
  /** A wire tap per connection (a PcapRecorder's `tap`). */
  tap?: () => WireTap;
  /** At most this many PDUs per second. */
  rate?: number;
  initiatorName?: string;
}

/** SAM single-level LUN for a URL LUN number (peripheral up to 255, flat space above). */
export const samLun = (lun: number): bigint => (lun < 256 ? BigInt(lun) << 48n : BigInt(0x4000 | lun) << 48n);
const NO_TAG = 0xffffffff;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The wire-level options of a send step (lengths, digest, padding, split, truncate, repeat). */
function sendOptions(s: Extract<Step, { op: 'send' }>): SendOptions {
  const o: SendOptions = {};
  if (s.lengths) {
    o.lengths = {};
    if (s.lengths.totalAHSLength !== undefined) o.lengths.totalAHSLength = s.lengths.totalAHSLength;
    if (s.lengths.dataSegmentLength !== undefined) o.lengths.dataSegmentLength = s.lengths.dataSegmentLength;
  }
  if (s.badHeaderDigest) o.badHeaderDigest = true;
  if (s.pad !== undefined) o.pad = Buffer.from(s.pad, 'hex');
  if (s.split) o.split = s.split;
  if (s.truncate !== undefined) o.truncate = s.truncate;
  if (s.repeat !== undefined) o.repeat = s.repeat;
  return o;
}

/** Runs steps one at a time against one target, keeping the connection between steps. */
export class ScriptRunner {
  readonly url: IscsiUrl;
  readonly timeouts: Timeouts;
  readonly violations: Violation[] = [];
  readonly signatures = new Set<string>();
  readonly model = new DataModel();
  pdusSent = 0; pdusReceived = 0;
  private c: ScriptConnection | null = null;
  private index = 0;

  constructor(private readonly o: RunnerOptions) {
    this.url = typeof o.url === 'string' ? parseUrl(o.url) : o.url;
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...o.timeouts };
  }

  /** The LUN of the URL, SAM-encoded. */
  get lun(): bigint { return samLun(this.url.lun ?? 0); }

  private loginTarget(): LoginTarget {
    const f = this.url.fields();
    return {
      initiatorName: this.o.initiatorName ?? f.initiatorName ?? 'iqn.2026-11.org.iscsi-conformance:script',
      ...(f.target ? { targetName: f.target } : {}),
      ...(f.user !== undefined ? { user: f.user } : {}), ...(f.secret !== undefined ? { secret: f.secret } : {}),
      ...(f.targetUser !== undefined ? { targetUser: f.targetUser } : {}), ...(f.targetSecret !== undefined ? { targetSecret: f.targetSecret } : {}),
    };
  }

  private async open(): Promise<ScriptConnection | Fault> {
    try {
      const signatures = this.signatures, outer = this.o.observer;
      return await ScriptConnection.open({
        host: this.url.host, port: this.url.port, connectTimeoutMs: this.timeouts.connectMs,
        ...(this.o.tap ? { tap: this.o.tap() } : {}), ...(this.o.checker ? { checker: this.o.checker() } : {}),
        ...(this.o.rate ? { rate: this.o.rate } : {}),
        observer: {
          sent: (p, w) => outer?.sent?.(p, w),
          received: (p, f) => { signatures.add(responseSignature(p)); outer?.received?.(p, f); },
          closed: r => outer?.closed?.(r),
        },
      });
    } catch (e) {
      return { kind: 'unreachable', rule: 'connect', message: (e as Error).message };
    }
  }

  /** Runs one step; the result says what happened. */
  async runStep(step: Step): Promise<StepResult> {
    const index = this.index++;
    const r = await this.exec(step);
    return { index, op: step.op, ...r };
  }

  private async conn(): Promise<ScriptConnection | Fault> {
    return this.c ?? await this.connect();
  }

  private async connect(): Promise<ScriptConnection | Fault> {
    await this.drop();
    const c = await this.open();
    if (!(c instanceof ScriptConnection)) return c;
    this.c = c;
    return c;
  }

  private async exec(step: Step): Promise<Omit<StepResult, 'index' | 'op'>> {
    switch (step.op) {
      case 'connect': {
        const c = await this.connect();
        return c instanceof ScriptConnection ? { outcome: 'ok' } : { outcome: 'unreachable', fault: c };
      }
      case 'login': {
        const c = await this.conn();
        if (!(c instanceof ScriptConnection)) return { outcome: 'unreachable', fault: c };
        const r = await login(c, this.loginTarget(), { ...step, timeoutMs: this.timeouts.loginMs });
        if (r.ok) return { outcome: 'ok' };
        const kind = c.isClosed ? 'reset' : /^no Login Response within/.test(r.problem ?? '') ? 'hang' : 'unexpected';
        const status = r.status === undefined ? '' : ` status 0x${r.status.toString(16).padStart(4, '0')}`;
        return { outcome: `failed${status}`, detail: r.problem ?? '', ...(step.mayFail ? {} : { fault: { kind, rule: 'rfc7143/11.13', message: `login failed: ${r.problem}` } }) };
      }
      case 'send': {
        const c = this.c;
        if (!c || c.isClosed) return { outcome: 'not sent (no connection)' };
        if ('raw' in step.pdu) {
          await c.sendBytes(Buffer.from(String(step.pdu.raw), 'hex'), sendOptions(step));
          return { outcome: 'sent' };
        }
        const spec = step.pdu as PduSpec;
        const auto: Record<string, unknown> = { cmdSN: c.cmdSN, expStatSN: c.expStatSN };
        if (!('itt' in spec)) auto.itt = spec.type === 'DataOut' || spec.type === 'SnackRequest' ? NO_TAG : c.nextItt();
        if (spec.type === 'LoginRequest') Object.assign(auto, { isid: SCRIPT_ISID, tsih: c.tsih });
        if ('lun' in spec === false && spec.type !== 'LoginRequest') auto.lun = this.lun;
        const pdu = pduFromSpec(spec, auto);
        await c.sendPdu(pdu, sendOptions(step));
        return { outcome: 'sent' };
      }
      case 'expect': return this.expect(step);
      case 'nop': return this.nop(step);
      case 'scsi': {
        const c = this.c;
        if (!c || c.isClosed) return { outcome: 'not sent (no connection)' };
        const lun = step.lun === undefined ? this.lun : parseU64(step.lun, 'lun');
        const cdb = Buffer.from(step.cdb, 'hex'), dataOut = step.dataOut === undefined ? undefined : Buffer.from(step.dataOut, 'hex');
        c.cmdSN = c.expCmdSN;
        // Earlier PDUs nobody waited for (a fuzzed PDU, a target reset) may end the connection or hold the command
        // back in the CmdSN window: then what happens to this command proves nothing about it.
        const clean = c.sentSinceSync === 0;
        const r = await runScsi(c, { ...(step.itt === undefined ? {} : { itt: step.itt }), lun, cdb, ...(dataOut ? { dataOut } : {}), readLength: step.readLength ?? 0, attr: step.attr ?? 1, timeoutMs: step.timeoutMs ?? this.timeouts.stepMs });
        c.sentSinceSync = 0;
        // Outside full feature phase a SCSI command is a protocol error the target may end the connection for.
        if (!c.fullFeature && r.end !== 'status') return { outcome: `${r.end}, not in full feature phase` };
        if (!clean && r.end !== 'status') return { outcome: `${r.end}, after unanswered PDUs` };
        if (r.end === 'status') {
          const bad = this.model.observe(lun, cdb, dataOut, r);
          const outcome = `status 0x${r.status!.toString(16).padStart(2, '0')}`;
          return bad ? { outcome, fault: { kind: 'data', rule: 'data-read-back', message: bad } } : { outcome };
        }
        if (r.end === 'timeout') return { outcome: 'timeout', fault: { kind: 'hang', rule: 'rfc7143/11.4', message: `no SCSI status for opcode 0x${cdb[0]?.toString(16).padStart(2, '0')} within ${step.timeoutMs ?? this.timeouts.stepMs} ms` } };
        if (r.end === 'closed') return { outcome: `closed (${r.closedReason})`, fault: { kind: 'reset', rule: 'rfc7143/11.4', message: `connection ${r.closedReason} instead of a SCSI status for opcode 0x${cdb[0]?.toString(16).padStart(2, '0')}` } };
        return { outcome: `unexpected ${r.unexpected!.type}`, fault: { kind: 'unexpected', rule: `rfc7143/11.4:${r.unexpected!.type}`, message: `got ${r.unexpected!.type} while waiting for a SCSI status` } };
      }
      case 'wait': await sleep(step.ms); return { outcome: 'ok' };
      case 'disconnect': await this.drop(step.reset); return { outcome: 'ok' };
      case 'probe': return this.probe(step.timeoutMs);
    }
  }

  private async expect(step: Extract<Step, { op: 'expect' }>): Promise<Omit<StepResult, 'index' | 'op'>> {
    const c = this.c;
    const closedOk = step.oneOf.findIndex(o => 'closed' in o), silenceOk = step.oneOf.findIndex(o => 'silence' in o);
    const rule = step.ref ?? 'expect';
    if (!c) return closedOk >= 0 ? { outcome: `matched ${closedOk}` } : { outcome: 'no connection', fault: { kind: 'reset', rule, message: 'no connection to expect on' } };
    // Only a PDU we sent can make an answer due: without one, silence or a close is no fault (and shrinking
    // cannot turn a finding into "expected an answer to nothing").
    const owed = c.sentSinceSync > 0;
    for (let skipped = 0; skipped < 16; skipped++) {
      const r = await c.next(step.timeoutMs ?? this.timeouts.stepMs);
      if (r.kind !== 'pdu' && !owed) return { outcome: r.kind === 'closed' ? `closed (${r.reason}), nothing owed` : 'timeout, nothing owed' };
      if (r.kind === 'closed') return closedOk >= 0 ? { outcome: `matched ${closedOk}` } : { outcome: `closed (${r.reason})`, fault: { kind: 'reset', rule, message: `connection ${r.reason} where an answer is required` } };
      if (r.kind === 'timeout') return silenceOk >= 0 ? { outcome: `matched ${silenceOk}` } : { outcome: 'timeout', fault: { kind: 'hang', rule, message: `no answer within ${step.timeoutMs ?? this.timeouts.stepMs} ms` } };
      const p = r.pdu;
      // Target pings and async events may come at any time (§11.19, §11.9): answer or pass over them.
      if (p.type === 'NopIn' && p.ttt !== NO_TAG && p.itt === NO_TAG) { await answerNopIn(c, p.ttt, p.lun); continue; }
      if (p.type === 'AsyncMessage') continue;
      const i = step.oneOf.findIndex(o => 'pdu' in o && pduMatches(p, o.pdu));
      if (i >= 0) { c.cmdSN = c.expCmdSN; c.sentSinceSync = 0; return { outcome: `matched ${i}` }; }
      // A late answer to an earlier task (SCSI runs asynchronously to NOP and Logout) is not this step's answer.
      const itt = (p as { itt?: number }).itt;
      if (itt !== undefined && c.sentItts.has(itt) && !step.oneOf.some(o => 'pdu' in o && o.pdu.type === p.type)) continue;
      return { outcome: `unexpected ${responseSignature(p)}`, fault: { kind: 'unexpected', rule: `${rule}:${p.type}`, message: `got ${responseSignature(p)}, expected one of ${JSON.stringify(step.oneOf)}` } };
    }
    return { outcome: 'too many unsolicited PDUs', fault: { kind: 'unexpected', rule, message: 'more than 16 unsolicited PDUs' } };
  }

  // A NOP-Out ping is a sync point: every earlier PDU has been handled once its NOP-In arrives (§11.18, §11.19).
  private async nop(step: Extract<Step, { op: 'nop' }>): Promise<Omit<StepResult, 'index' | 'op'>> {
    const c = this.c;
    if (!c || c.isClosed) return { outcome: 'closed' };
    // A ping is only owed an answer in full feature phase (§11.18): before login completes it proves nothing.
    const owed = c.fullFeature && !c.discovery;
    const itt = c.nextItt();
    await c.sendPdu(makePdu('NopOut', { immediate: true, final: true, lun: 0n, itt, ttt: NO_TAG, cmdSN: c.cmdSN, expStatSN: c.expStatSN, data: Buffer.from(step.data ?? '', 'hex') }));
    const ms = step.timeoutMs ?? this.timeouts.stepMs;
    for (let skipped = 0; skipped < 64; skipped++) {
      const r = await c.next(ms);
      // The target may close after an earlier bad PDU (§7.1 protocol errors), so a close is not a fault here.
      if (r.kind === 'closed') return { outcome: `closed (${r.reason})` };
      if (r.kind === 'timeout') return owed ? { outcome: 'timeout', fault: { kind: 'hang', rule: 'rfc7143/11.19', message: `no NOP-In for a NOP-Out ping within ${ms} ms` } } : { outcome: 'timeout, not in full feature phase' };
      const p = r.pdu;
      if (p.type === 'NopIn' && p.itt === itt) { c.cmdSN = c.expCmdSN; c.sentSinceSync = 0; return { outcome: 'ok' }; }
      if (p.type === 'NopIn' && p.ttt !== NO_TAG) await answerNopIn(c, p.ttt, p.lun);
    }
    return { outcome: 'too many PDUs before the NOP-In' };
  }

  /** Liveness: a new connection, login, TEST UNIT READY (DESIGN.md "A conformance case"). */
  async probe(timeoutMs = this.timeouts.probeMs): Promise<Omit<StepResult, 'index' | 'op'>> {
    await this.drop();
    const c = await this.open();
    const fail = (why: string) => ({ outcome: 'failed', detail: why, fault: { kind: 'probe' as const, rule: 'liveness', message: `liveness probe failed: ${why}` } });
    if (!(c instanceof ScriptConnection)) return fail(c.message);
    try {
      const l = await login(c, this.loginTarget(), { timeoutMs: Math.max(timeoutMs, this.timeouts.loginMs) });
      if (!l.ok) return fail(`login: ${l.problem}`);
      const r = await runScsi(c, { lun: this.lun, cdb: Buffer.alloc(6), readLength: 0, attr: 1, timeoutMs });
      if (r.end !== 'status') return fail(`TEST UNIT READY: ${r.end}${r.closedReason ? ` (${r.closedReason})` : ''}`);
      return { outcome: 'ok' };
    } finally {
      this.count(c);
      await c.close(true);
    }
  }

  private count(c: ScriptConnection): void {
    this.pdusSent += c.pdusSent; this.pdusReceived += c.pdusReceived;
    this.violations.push(...c.violations.splice(0));
    c.pdusSent = 0; c.pdusReceived = 0;
  }

  /** Closes the current connection (FIN, or RST with `reset`). */
  async drop(reset = false): Promise<void> {
    const c = this.c;
    this.c = null;
    if (!c) return;
    await c.close(reset || c.isClosed);
    this.count(c);
  }
}
