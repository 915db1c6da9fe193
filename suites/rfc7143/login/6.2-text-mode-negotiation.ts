// RFC 7143 §6.1/§6.2 text negotiation in login: reserved constants, key-name length, C-bit continuation both ways.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import { closed, describeEvent, loginStatus, nonStrict, pass, type CaseEvent } from '../../../harness/runner/outcomes.js';
import { decodeText, encodeText, splitSegments, type TextPair } from '../../../harness/text/codec.js';
import { asResponse, keyAnswer, namePairs, needNoAuth, notNotUnderstood, parseNumber, refused, sendPairs, Stage } from '../../support-login.js';

/** Sends `pairs` as one operational-stage LTDS split into PDUs of `max` bytes; returns the events of each step. */
async function sendLong(t: CaseApi, pairs: TextPair[] | Buffer, max = 8192): Promise<{ partials: CaseEvent[]; answer: TextPair[]; last: CaseEvent }> {
  needNoAuth(t);
  const c = await t.connect();
  const parts = splitSegments(Buffer.isBuffer(pairs) ? pairs : encodeText([...namePairs(t), ...pairs]), max);
  const partials: CaseEvent[] = [];
  for (const [i, p] of parts.entries()) {
    const more = i < parts.length - 1;
    sendPairs(c, p, { csg: Stage.Operational, nsg: Stage.FullFeature, transit: false, continue: more });
    const e = await c.receive();
    if (more) partials.push(e);
    if (!more || e.kind !== 'pdu') {
      // The answer itself may be continued (C=1): fetch the rest with empty requests (§6.2).
      const data: Buffer[] = [];
      let last = e;
      for (let k = 0; k < 8 && last.kind === 'pdu' && last.pdu.type === 'LoginResponse' && last.pdu.statusClass === 0; k++) {
        data.push(last.pdu.data);
        if (!last.pdu.continue) break;
        sendPairs(c, Buffer.alloc(0), { csg: Stage.Operational, nsg: Stage.FullFeature, transit: false });
        last = await c.receive();
      }
      return { partials, answer: decodeText(Buffer.concat(data)).pairs, last };
    }
  }
  throw new Error('unreachable');
}

const manyKeys = (count: number): TextPair[] => Array.from({ length: count }, (_, i) => ({ key: `X-org.iscsi-conformance.padding-key-number-${String(i).padStart(4, '0')}`, value: 'Yes' }));

const reserved = ([[1, 'ImmediateData', 'Irrelevant'], [2, 'MaxBurstLength', 'NotUnderstood'], [3, 'InitialR2T', 'Reject']] as const).map(([n, key, value]): CaseDef => ({
  n, title: `the reserved constant ${value} offered as ${key}'s value is not accepted`, level: 'MUST',
  requirement: `"Reject", "Irrelevant" and "NotUnderstood" are reserved; using one as a proposed value is a protocol error, so ${key}=${value} is refused.`,
  tags: ['login', 'text', 'reserved'],
  async run(t) {
    const c = await t.connect();
    const r = await t.tryLogin(c, { keys: { [key]: value } });
    notNotUnderstood(t, r, key);
    await t.expect(r.event, ...refused(r, key));
  },
}));

export default defineSection('rfc7143/6.2', 'Text Mode Negotiation', [
  ...reserved,
  {
    n: 4, title: 'a key name longer than 63 characters is not accepted as a known key', level: 'MUST',
    requirement: 'A key-name is a standard-label of at most 63 characters; a 64-character X- name is no valid key, so it is answered NotUnderstood or Reject, or the login is refused.',
    ref: 'rfc7143/6.1', tags: ['login', 'text', 'boundary'],
    async run(t) {
      const key = `X-org.iscsi-conformance.${'k'.repeat(64 - 24)}`;
      const c = await t.connect();
      const r = await t.tryLogin(c, { keys: { [key]: 'Yes' } });
      await t.expect(r.event, pass(keyAnswer(r, key, v => v === 'NotUnderstood' || v === 'Reject', 'NotUnderstood or Reject')), pass(loginStatus(0x02)), nonStrict(closed()));
    },
  },
  {
    n: 5, title: 'each Login Request with C=1 of a long text gets an empty response', level: 'MUST',
    requirement: 'A target receiving a Login Request with C=1 must answer with a Login Response with no data segment; the login text may exceed one PDU (at least 8192 bytes must be supported).',
    tags: ['login', 'text', 'continuation'],
    async run(t) {
      const { partials } = await sendLong(t, manyKeys(180));
      for (const e of partials) await t.expect(e, pass({ describe: 'Login Response status 0, DataSegmentLength 0, T=0', test: x => x.kind === 'pdu' && x.pdu.type === 'LoginResponse' && x.pdu.statusClass === 0 && x.pdu.data.length === 0 && !x.pdu.transit }));
    },
  },
  {
    n: 6, title: 'a long login text split over PDUs is answered key by key once complete', level: 'MUST',
    requirement: 'Data segments of PDUs with C=1 ending with one with C=0 form one text; every unknown key in it is answered NotUnderstood, the answer itself continued with C=1 where it is long.',
    ref: 'rfc7143/6.1', tags: ['login', 'text', 'continuation'],
    async run(t) {
      const keys = manyKeys(180);
      const { answer, last } = await sendLong(t, keys);
      const got = new Set(answer.filter(p => p.value === 'NotUnderstood').map(p => p.key));
      const missing = keys.filter(k => !got.has(k.key)).length;
      t.check(missing === 0, `all ${keys.length} private keys answered NotUnderstood`, `${missing} not answered; last: ${describeEvent(last)}`);
    },
  },
  {
    n: 7, title: 'a key=value pair split across two Login Requests is reassembled', level: 'MUST',
    requirement: 'Key=value pairs may span PDU boundaries; "MaxBurstLength=4096" cut in the middle of the number is read as 4096, so the Minimum answer is at most 4096.',
    ref: 'rfc7143/6.1', tags: ['login', 'text', 'continuation'],
    async run(t) {
      const text = encodeText([...namePairs(t), { key: 'MaxBurstLength', value: '4096' }]);
      const { answer, last } = await sendLong(t, text, text.length - 3);
      asResponse(t, last);
      const v = answer.filter(p => p.key === 'MaxBurstLength').map(p => parseNumber(p.value));
      t.check(v.length > 0 && v.every(x => x !== undefined && x >= 512 && x <= 4096), 'MaxBurstLength answered with 512..4096', `MaxBurstLength=${answer.filter(p => p.key === 'MaxBurstLength').map(p => p.value).join(',') || '(none)'}; ${describeEvent(last)}`);
    },
  },
]);
