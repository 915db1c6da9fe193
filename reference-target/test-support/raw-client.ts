// A minimal raw initiator for the target's tests: net + Framer + encodePdu + toWire, and a few login helpers.
import net from 'node:net';
import { createHash } from 'node:crypto';
import { Framer } from '../../harness/pdu/framer.js';
import { decodePdu, encodePdu, makePdu, type LengthOverrides, type Pdu, type PduNamed } from '../../harness/pdu/registry.js';
import { toWire } from '../../harness/pdu/wire.js';
import { decodeText, encodeText, type TextPair } from '../../harness/text/codec.js';

/** A login response with its keys (and, for CHAP, the target's mutual answer and challenge). */
export interface LoginResult {
  rsp: PduNamed<'LoginResponse'>;
  keys: Map<string, string>;
  mutualAnswer?: Map<string, string>;
  challenge?: Buffer;
}

/** A connected test initiator; every wait is bounded. */
export class RawClient {
  cmdSN = 1;
  expStatSN = 0;
  itt = 0x100;
  closed = false;
  private framer = new Framer({ onDigestError: 'mark' });
  private queue: Pdu[] = [];
  private waiters: ((p: Pdu | null) => void)[] = [];
  private digests = { headerDigest: false, dataDigest: false };

  private constructor(readonly socket: net.Socket) {
    socket.on('data', c => {
      for (const f of this.framer.push(c)) this.deliver(decodePdu(f.bhs, f.ahs, f.data));
    });
    socket.on('close', () => { this.closed = true; for (const w of this.waiters.splice(0)) w(null); });
    socket.on('error', () => {});
  }

  /** Connects to 127.0.0.1:port. */
  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  private deliver(p: Pdu): void {
    if ('statSN' in p && typeof p.statSN === 'number') this.expStatSN = (p.statSN + 1) >>> 0;
    const w = this.waiters.shift();
    if (w) w(p); else this.queue.push(p);
  }

  /** Sends a PDU as given (lengths may lie). */
  send(p: Pdu, lengths: LengthOverrides = {}): void {
    const e = encodePdu(p, lengths);
    this.socket.write(toWire(e, this.digests));
  }

  /** Sends raw bytes. */
  sendRaw(b: Buffer): void {
    this.socket.write(b);
  }

  /** Switches digests both ways (after the final login response). */
  setDigests(header: boolean, data: boolean): void {
    this.digests = { headerDigest: header, dataDigest: data };
    this.framer.setDigests({ header, data });
  }

  /** The next PDU, or null when the connection closed or nothing came within `ms`. */
  next(ms = 2000): Promise<Pdu | null> {
    const q = this.queue.shift();
    if (q) return Promise.resolve(q);
    if (this.closed) return Promise.resolve(null);
    return new Promise(resolve => {
      const t = setTimeout(() => { this.waiters = this.waiters.filter(w => w !== done); resolve(null); }, ms);
      const done = (p: Pdu | null) => { clearTimeout(t); resolve(p); };
      this.waiters.push(done);
    });
  }

  /** The next PDU, which must be of type `type` (throws otherwise, with what came instead). */
  async expect<N extends Pdu['type']>(type: N, ms = 2000): Promise<PduNamed<N>> {
    const p = await this.next(ms);
    if (!p || p.type !== type) throw new Error(`expected ${type}, got ${p ? p.type + ' ' + JSON.stringify(p, (_k, v) => (typeof v === 'bigint' ? String(v) : v)).slice(0, 300) : 'nothing'}`);
    return p as PduNamed<N>;
  }

  /** Resolves true once the target closed the connection (false after `ms`). */
  async waitClosed(ms = 2000): Promise<boolean> {
    const end = Date.now() + ms;
    while (!this.closed && Date.now() < end) {
      const p = await this.next(end - Date.now());
      if (!p) break;
    }
    return this.closed;
  }

  /** A fresh ITT. */
  nextItt(): number {
    return this.itt++;
  }

  /** Sends one Login Request and returns the response with its keys. */
  async loginStep(v: Partial<PduNamed<'LoginRequest'>>, keys: TextPair[]): Promise<LoginResult> {
    this.send(makePdu('LoginRequest', { immediate: true, isid: 0x400001370000, itt: 1, cmdSN: this.cmdSN, expStatSN: this.expStatSN, ...v, data: encodeText(keys) }));
    const rsp = await this.expect('LoginResponse');
    return { rsp, keys: new Map(decodeText(rsp.data).pairs.map(p => [p.key, p.value])) };
  }

  /** Normal login without authentication, straight to Full Feature Phase. */
  async login(targetName: string | undefined, keys: TextPair[] = [], v: Partial<PduNamed<'LoginRequest'>> = {}): Promise<LoginResult> {
    const base: TextPair[] = [{ key: 'InitiatorName', value: 'iqn.2026-11.test:init' }];
    if (targetName) base.push({ key: 'TargetName', value: targetName }, { key: 'SessionType', value: 'Normal' });
    else base.push({ key: 'SessionType', value: 'Discovery' });
    const r = await this.loginStep({ transit: true, csg: 1, nsg: 3, ...v }, [...base, ...keys]);
    return r;
  }

  /** CHAP login (MD5), optionally mutual; returns the final response. */
  async chapLogin(targetName: string, user: string, secret: string, opts: { mutual?: { challenge: Buffer; id: number }; badSecret?: boolean } = {}): Promise<LoginResult> {
    const init: TextPair[] = [{ key: 'InitiatorName', value: 'iqn.2026-11.test:init' }, { key: 'TargetName', value: targetName },
      { key: 'SessionType', value: 'Normal' }, { key: 'AuthMethod', value: 'CHAP,None' }];
    const a = await this.loginStep({ transit: true, csg: 0, nsg: 1 }, init);
    if (a.rsp.statusClass !== 0) return a;
    const b = await this.loginStep({ transit: false, csg: 0, nsg: 1 }, [{ key: 'CHAP_A', value: '5' }]);
    if (b.rsp.statusClass !== 0) return b;
    const id = Number(b.keys.get('CHAP_I'));
    const c = Buffer.from(b.keys.get('CHAP_C')!.slice(2), 'hex');
    const r = createHash('md5').update(Buffer.from([id])).update(opts.badSecret ? 'wrong' : secret).update(c).digest();
    const keys: TextPair[] = [{ key: 'CHAP_N', value: user }, { key: 'CHAP_R', value: '0x' + r.toString('hex') }];
    if (opts.mutual) keys.push({ key: 'CHAP_I', value: String(opts.mutual.id) }, { key: 'CHAP_C', value: '0x' + opts.mutual.challenge.toString('hex') });
    const d = await this.loginStep({ transit: true, csg: 0, nsg: 1 }, keys);
    if (d.rsp.statusClass !== 0) return { ...d, challenge: c };
    const e = await this.loginStep({ transit: true, csg: 1, nsg: 3 }, []);
    return { ...e, mutualAnswer: d.keys, challenge: c };
  }

  /** Closes the socket. */
  close(): void {
    this.socket.destroy();
  }
}
