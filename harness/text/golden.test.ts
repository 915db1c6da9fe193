// Golden check against real libiscsi <-> tgt sessions in ../shared/captures: exact codec round trip, and the
// answer checker's verdict on every login / text exchange.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Violation } from '../violation.js';
import { decodeText, encodeText, type TextPair } from './codec.js';
import { checkAnswers, recordConcluded, respond, defaultPolicy, type Phase } from './negotiate.js';
import { defaultParams, type NegotiatedParams } from './params.js';

const DIR = new URL('../../../shared/captures/', import.meta.url);
const TEXT_OPCODES = new Set(['0x03', '0x23', '0x04', '0x24']);

interface Pdu { conn: number; dir: 'i2t' | 't2i'; opcode: string; bhs: string; data: string }

// Fails loudly (ENOENT) when ../shared is missing: a skipped golden test would hide a codec regression.
const files = readdirSync(DIR).filter(f => f.endsWith('.pdus.jsonl')).sort();
const load = (f: string): Pdu[] =>
  readFileSync(new URL(f, DIR), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l) as Pdu)
    .filter(p => TEXT_OPCODES.has(p.opcode));

/** Runs every request/response pair of each connection through both directions of the engine. */
function checkCapture(pdus: Pdu[]): Violation[] {
  const out: Violation[] = [];
  const conns = new Map<number, { negotiated: Set<string>; params: NegotiatedParams; pending?: { pairs: TextPair[]; phase: Phase; sendTargets: boolean } }>();
  for (const pdu of pdus) {
    const bhs = Buffer.from(pdu.bhs, 'hex');
    const pairs = decodeText(Buffer.from(pdu.data, 'hex')).pairs;
    const c = conns.get(pdu.conn) ?? { negotiated: new Set<string>(), params: defaultParams() };
    conns.set(pdu.conn, c);
    const login = pdu.opcode === '0x03' || pdu.opcode === '0x23';
    const phase: Phase = !login ? 'ffp' : ((bhs[1]! >> 2) & 3) === 0 ? 'security' : 'operational';
    const sessionType = c.params.sessionType;
    const base = { phase, sessionType, leading: true, negotiated: c.negotiated, current: c.params };
    if (pdu.dir === 'i2t') {
      const asTarget = respond(pairs, defaultPolicy(), { ...base, us: 'target', sessionType: declaredType(pairs) ?? sessionType });
      out.push(...asTarget.violations);
      c.pending = { pairs, phase, sendTargets: pairs.some(p => p.key === 'SendTargets') };
      const st = declaredType(pairs);
      if (st) c.params = { ...c.params, sessionType: st };
      continue;
    }
    const final = (bhs[1]! & 0x80) !== 0;
    const ours = c.pending?.pairs ?? [];
    const r = checkAnswers(ours, pairs, { ...base, us: 'initiator', final, sendTargetsResponse: c.pending?.sendTargets ?? false });
    out.push(...r.violations);
    if (login) {
      recordConcluded(c.negotiated, ours, 'initiator');
      recordConcluded(c.negotiated, pairs, 'target');
    }
    c.params = r.params;
  }
  return out;
}

const declaredType = (pairs: TextPair[]): 'Normal' | 'Discovery' | undefined =>
  pairs.find(p => p.key === 'SessionType')?.value as 'Normal' | 'Discovery' | undefined;

describe('golden captures', () => {
  it('finds the capture files', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  for (const f of files) {
    it(`${f}: every login/text payload decodes cleanly and re-encodes to identical bytes`, () => {
      const pdus = load(f);
      expect(pdus.length).toBeGreaterThan(0);
      for (const p of pdus) {
        const bytes = Buffer.from(p.data, 'hex');
        const d = decodeText(bytes, { sendTargetsResponse: p.opcode === '0x24' });
        expect(d.violations).toEqual([]);
        expect(encodeText(d.pairs).equals(bytes)).toBe(true);
      }
    });

    // Expected: no violation in any capture. Why that is right (checked against RFC 7143):
    // - tgt answers InitialR2T=Yes to libiscsi's No: OR only binds an offer of Yes (§13.10, §13 intro).
    // - FirstBurstLength 65536 <= offer 262144 (Minimum) and <= MaxBurstLength 262144 (§13.14).
    // - IFMarker=No / OFMarker=No answered "No": §13.25 allows No (SHOULD Reject, MAY No, never NotUnderstood).
    // - MaxRecvDataSegmentLength is not answered: it is declarative (§13.12), tgt keeps the 8192 default.
    // - Discovery session: tgt answers values instead of Irrelevant, which §6.2 permits ("may answer Irrelevant"),
    //   and ErrorRecoveryLevel=0 as §7.4.1 requires; TargetName/TargetAddress come only in the SendTargets response.
    // - CHAP: CHAP_A=5 is selected from the offered list; CHAP_I/CHAP_C/CHAP_N/CHAP_R are exchange steps sent once
    //   per side (mutual CHAP), CHAP_C of 49 bytes is within the 1024-byte limit (§12.1.3).
    // - tgt sends TargetPortalGroupTag in its first Login Response, as §6.3.1 requires.
    it(`${f}: the answer checker finds exactly the expected violations`, () => {
      expect(checkCapture(load(f))).toEqual([]);
    });
  }

  it('the checker is live on capture data: a tampered tgt answer is caught', () => {
    const pdus = load('chap.pdus.jsonl').map(p => ({ ...p }));
    const last = pdus[pdus.length - 1]!;
    const text = Buffer.from(last.data, 'hex').toString('latin1').replace('FirstBurstLength=65536', 'FirstBurstLength=300000');
    last.data = Buffer.from(text, 'latin1').toString('hex');
    expect(checkCapture(pdus).map(v => v.rule)).toEqual(['text/result-min', 'text/first-burst-exceeds-max-burst']);
  });
});
