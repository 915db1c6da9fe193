// Helpers for Full Feature Phase cases: hand-driven reads/writes with every PDU kept, text exchanges, liveness pings.
import type { CaseApi } from '../harness/runner/case-api.js';
import { samLun, type Conn } from '../harness/runner/conn.js';
import { closed, pass, pdu, silence, describeEvent, parseSense, type CaseEvent, type Matcher, type Outcome, type ScsiEvent } from '../harness/runner/outcomes.js';
import { makePdu, type KnownPdu, type PduNamed } from '../harness/pdu/registry.js';
import { NO_TAG } from '../harness/pdu/types/codes.js';
import { decodeText, encodeText, type TextPair } from '../harness/text/codec.js';
import type { SendOptions } from '../harness/initiator/link.js';
import { ReadCapacity16 } from '../harness/scsi/commands/sbc-other.js';

type Fields<N extends KnownPdu['type']> = Partial<Omit<PduNamed<N>, 'type'>>;

/** Longest a case waits to show that nothing arrives (the brief: at most 300 ms). */
export const QUIET_MS = 300;

/** The next event must be a PDU of `type` matching `pred`; anything else fails the case. */
export async function want<N extends KnownPdu['type']>(t: CaseApi, c: Conn, type: N, pred: (p: PduNamed<N>) => boolean, describe: string): Promise<PduNamed<N>> {
  const e = await t.expect(c, pass(pdu(type, pred, describe)));
  return (e as unknown as { pdu: PduNamed<N> }).pdu;
}

/** A NOP-Out ping answered by its NOP-In: proof that the connection (and session) survived what came before. */
export async function alive(t: CaseApi, c: Conn, why = 'the connection is still usable'): Promise<PduNamed<'NopIn'>> {
  const ping = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG });
  return want(t, c, 'NopIn', p => p.itt === ping.itt, `NOP-In answering a ping (${why})`);
}

/** Nothing arrives for QUIET_MS, then a ping is answered: the RFC's "silently ignore". */
export async function ignored(t: CaseApi, c: Conn): Promise<void> {
  await t.expect(c, pass(silence(QUIET_MS)));
  await alive(t, c, 'the ignored PDU did not end the connection');
}

/** After an accepted alternative that keeps the connection (not `closed`), a ping must still be answered. */
export async function aliveUnlessClosed(t: CaseApi, c: Conn, e: CaseEvent): Promise<void> {
  if (e.kind !== 'closed') await alive(t, c);
}

/** Every PDU of one task up to its status, as sent by the target. */
export interface TaskTrace {
  cmd: PduNamed<'ScsiCommand'>;
  dataIn: PduNamed<'DataIn'>[];
  r2t: PduNamed<'R2t'>[];
  response?: PduNamed<'ScsiResponse'>;
  /** The PDU that carried status (SCSI Response or Data-In with S). */
  last: PduNamed<'ScsiResponse'> | PduNamed<'DataIn'>;
  status: number;
  data: Buffer;
}

const pad16 = (cdb: Buffer): Buffer => Buffer.concat([cdb, Buffer.alloc(Math.max(0, 16 - cdb.length))]).subarray(0, 16);

/** Sends a SCSI Command by hand (any flags, EDTL and immediate data); numbering from the connection. */
export function command(c: Conn, cdb: Buffer, o: { edtl: number; read?: boolean; write?: boolean; data?: Buffer; final?: boolean; immediate?: boolean; itt?: number }): PduNamed<'ScsiCommand'> {
  return c.send('ScsiCommand', {
    final: o.final ?? true, read: o.read ?? false, write: o.write ?? false, attr: 1, expectedDataTransferLength: o.edtl,
    cdb: pad16(cdb), data: o.data ?? Buffer.alloc(0), immediate: o.immediate ?? false, ...(o.itt === undefined ? {} : { itt: o.itt }),
  });
}

/**
 * Collects the target's PDUs for `cmd` until its status; R2Ts are kept, not answered (`onR2t` may answer them).
 * A PDU for another task, a Reject, a close or silence fails the case with what arrived.
 */
export async function collect(t: CaseApi, c: Conn, cmd: PduNamed<'ScsiCommand'>, onR2t?: (r: PduNamed<'R2t'>) => void): Promise<TaskTrace> {
  const tr: Omit<TaskTrace, 'last' | 'status'> = { cmd, dataIn: [], r2t: [], data: Buffer.alloc(0) };
  const chunks: Buffer[] = [];
  for (let i = 0; i < 10_000; i++) {
    const e = await c.receive();
    const p = e.kind === 'pdu' ? e.pdu : undefined;
    if (p?.type === 'DataIn' && p.itt === cmd.itt) {
      tr.dataIn.push(p); chunks.push(p.data);
      if (p.statusPresent) return { ...tr, last: p, status: p.status, data: Buffer.concat(chunks) };
    } else if (p?.type === 'R2t' && p.itt === cmd.itt) {
      tr.r2t.push(p); onR2t?.(p);
    } else if (p?.type === 'ScsiResponse' && p.itt === cmd.itt) {
      return { ...tr, response: p, last: p, status: p.status, data: Buffer.concat(chunks) };
    } else {
      t.fail(`Data-In, R2T or SCSI Response for ITT 0x${cmd.itt.toString(16)}`, describeEvent(e));
    }
  }
  return t.fail('the task ends', 'more than 10000 PDUs');
}

/** A read by hand: command, every Data-In, status; a UNIT ATTENTION first is noted and the read sent again. */
export async function readTask(t: CaseApi, c: Conn, cdb: Buffer, edtl: number, o: { immediate?: boolean } = {}): Promise<TaskTrace> {
  let tr = await collect(t, c, command(c, cdb, { edtl, read: edtl > 0, ...o }));
  if (tr.status === 0x02 && isUnitAttention(tr.response)) {
    t.note('UNIT ATTENTION before the read; sent again');
    tr = await collect(t, c, command(c, cdb, { edtl, read: edtl > 0, ...o }));
  }
  return tr;
}

/** Clears a pending UNIT ATTENTION with TEST UNIT READY so that the next command's status is its own. */
export async function settle(t: CaseApi, c: Conn): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const tr = await collect(t, c, command(c, Buffer.alloc(6), { edtl: 0 }));
    if (tr.status !== 0x02) return;
  }
}

function isUnitAttention(r: PduNamed<'ScsiResponse'> | undefined): boolean {
  const d = r?.data;
  if (!d || d.length < 4) return false;
  const s = d.subarray(2);
  const code = (s[0] ?? 0) & 0x7f;
  const key = code === 0x72 || code === 0x73 ? (s[1] ?? 0) & 0x0f : (s[2] ?? 0) & 0x0f;
  return key === 0x06;
}

/** Sends one Data-Out for a task. */
export function dataOut(c: Conn, cmd: PduNamed<'ScsiCommand'>, o: { ttt: number; offset: number; dataSN: number; data: Buffer; final: boolean; lun?: bigint }): PduNamed<'DataOut'> {
  return c.send('DataOut', { itt: cmd.itt, ttt: o.ttt, lun: o.lun ?? cmd.lun, dataSN: o.dataSN, bufferOffset: o.offset, final: o.final, data: o.data });
}

/** Answers an R2T with `pduLen`-sized Data-Out PDUs taken from `buf` (DataSN from 0, F on the last). */
export function answerR2t(c: Conn, cmd: PduNamed<'ScsiCommand'>, r: PduNamed<'R2t'>, buf: Buffer, pduLen = r.desiredDataTransferLength): void {
  const end = r.bufferOffset + r.desiredDataTransferLength;
  let sn = 0;
  for (let off = r.bufferOffset; off < end; off += pduLen) {
    const len = Math.min(pduLen, end - off);
    dataOut(c, cmd, { ttt: r.ttt, offset: off, dataSN: sn++, data: buf.subarray(off, off + len), final: off + len >= end });
  }
}

/** Block size of the URL's LUN (READ CAPACITY(16)); the case fails when the target cannot say. */
export async function blockSize(t: CaseApi, c: Conn): Promise<number> {
  const tr = await readTask(t, c, ReadCapacity16.encode({ allocationLength: 32 }), 32);
  if (tr.status !== 0 || tr.data.length < 12) t.fail('READ CAPACITY(16) returns GOOD with data', `status 0x${tr.status.toString(16)}, ${tr.data.length} bytes`, 'sbc3/5.16');
  return tr.data.readUInt32BE(8);
}

/** A pattern buffer that differs per case and per byte, so read-back mismatches show. */
export const pattern = (n: number, seed: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed * 7 + (i >> 8)) & 0xff));

/** Sends a Text Request; text given as pairs or raw bytes. */
export function textRequest(c: Conn, text: TextPair[] | Buffer, o: { final?: boolean; cont?: boolean; ttt?: number; itt?: number; immediate?: boolean; lun?: bigint } = {}): PduNamed<'TextRequest'> {
  // The LUN is reserved in a new request; a continuation copies the response's (§11.11.4).
  return c.send('TextRequest', {
    lun: o.lun ?? 0n,
    final: o.final ?? true, continue: o.cont ?? false, ttt: o.ttt ?? NO_TAG, immediate: o.immediate ?? false,
    data: Buffer.isBuffer(text) ? text : encodeText(text), ...(o.itt === undefined ? {} : { itt: o.itt }),
  });
}

/** A whole text exchange: the request, then empty requests echoing TTT while the target answers F=0. */
export async function textExchange(t: CaseApi, c: Conn, pairs: TextPair[], o: { immediate?: boolean } = {}): Promise<{ responses: PduNamed<'TextResponse'>[]; pairs: TextPair[]; text: Buffer }> {
  const req = textRequest(c, pairs, o);
  const responses: PduNamed<'TextResponse'>[] = [];
  for (let i = 0; i < 1000; i++) {
    const r = await want(t, c, 'TextResponse', p => p.itt === req.itt, `Text Response with ITT 0x${req.itt.toString(16)}`);
    responses.push(r);
    if (r.final) break;
    textRequest(c, Buffer.alloc(0), { ttt: r.ttt, itt: req.itt, lun: r.lun, ...o });
  }
  const text = Buffer.concat(responses.map(r => r.data));
  return { responses, pairs: decodeText(text).pairs, text };
}

/** Sends a PDU through the session with a deliberately bad digest (numbering filled in like Conn.send). */
export function sendBadDigest<N extends KnownPdu['type']>(c: Conn, type: N, fields: Fields<N>, o: Pick<SendOptions, 'badHeaderDigest' | 'badDataDigest'>): PduNamed<N> {
  const probe = makePdu(type, {}) as Record<string, unknown>;
  const given = fields as Record<string, unknown>;
  const auto: Record<string, unknown> = {};
  if ('itt' in probe && type !== 'DataOut' && given.itt === undefined) auto.itt = c.nextItt();
  if ('cmdSN' in probe && given.cmdSN === undefined) auto.cmdSN = c.session.numbering.takeCmdSN(Boolean(given.immediate));
  if ('expStatSN' in probe) auto.expStatSN = c.expStatSN;
  if ('lun' in probe) auto.lun = samLun(c.target.lun);
  const p = makePdu(type, { ...auto, ...fields } as never) as PduNamed<N>;
  void c.session.send(p, { ...o, timeoutMs: Math.max(1, c.remaining()) }).catch(() => undefined);
  return p;
}

/** The negotiated digests of a connection, or a skip when the target did not take CRC32C. */
export function requireDigests(t: CaseApi, c: Conn, header: boolean, data: boolean): void {
  const p = c.session.params;
  if (header && p.headerDigest !== 'CRC32C') t.skip(`the target answered HeaderDigest=${p.headerDigest} to an offer of CRC32C`);
  if (data && p.dataDigest !== 'CRC32C') t.skip(`the target answered DataDigest=${p.dataDigest} to an offer of CRC32C`);
}

/** Outcomes accepted after a digest error or protocol error: a Reject with one of `reasons`, or a close. */
export const rejectOrClose = (reasons: readonly number[], what: string): Outcome[] => [
  pass(pdu('Reject', p => reasons.includes(p.reason), `Reject reason ${reasons.map(r => `0x${r.toString(16).padStart(2, '0')}`).join('/')} (${what})`)),
  pass({ describe: 'connection closed by the target', test: e => e.kind === 'closed' }),
];

/** A finished task as the event t.expect judges (status, residual flags and count from the PDU that carried status). */
export function asEvent(tr: TaskTrace): ScsiEvent {
  const l = tr.last;
  const response = l.type === 'ScsiResponse' ? l.response : 0;
  const senseBytes = l.type === 'ScsiResponse' && l.data.length >= 2 ? l.data.subarray(2, 2 + l.data.readUInt16BE(0)) : undefined;
  const sense = senseBytes ? parseSense(senseBytes) : undefined;
  return { kind: 'scsi', status: tr.status, response, data: tr.data, underflow: l.underflow, overflow: l.overflow, residualCount: l.residualCount, pdu: l, ...(sense ? { sense } : {}) };
}

/** A SCSI Response PDU with CHECK CONDITION and this sense key (and ASC/ASCQ when given), as it arrives raw. */
export function senseIn(key: number, asc?: number, ascq?: number): Matcher {
  const what = `CHECK CONDITION, sense key 0x${key.toString(16)}${asc === undefined ? '' : ` ASC/ASCQ 0x${asc.toString(16).padStart(2, '0')}/0x${(ascq ?? 0).toString(16).padStart(2, '0')}`}`;
  return pdu('ScsiResponse', p => {
    if (p.status !== 0x02 || p.data.length < 2) return false;
    const s = parseSense(p.data.subarray(2, 2 + p.data.readUInt16BE(0)));
    return s !== undefined && s.key === key && (asc === undefined || s.asc === asc) && (ascq === undefined || s.ascq === ascq);
  }, what);
}

/** Judges the next event that is not an R2T of `itt` (a target may solicit the rest before it sees the error). */
export async function expectPastR2ts(t: CaseApi, c: Conn, itt: number, ...outcomes: Outcome[]): Promise<CaseEvent> {
  for (let i = 0; i < 1000; i++) {
    const e = await c.receive();
    if (e.kind === 'pdu' && e.pdu.type === 'R2t' && e.pdu.itt === itt) continue;
    return t.expect(e, ...outcomes);
  }
  return t.fail('an answer other than R2Ts', 'more than 1000 R2Ts');
}

/**
 * After a refused PDU: the connection may have been dropped (a protocol error at ERL 0 ends in session recovery,
 * §7.1.5); if it is still there, a ping must be answered.
 */
export async function aliveOrClosed(t: CaseApi, c: Conn, e: CaseEvent): Promise<void> {
  if (e.kind === 'closed') return;
  const ping = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG });
  const r = await t.expect(c, pass(pdu('NopIn', p => p.itt === ping.itt, 'NOP-In answering a ping')), pass(closed()));
  if (r.kind === 'closed') t.note('the target dropped the connection after refusing the PDU');
}
