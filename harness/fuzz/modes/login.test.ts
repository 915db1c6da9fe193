// Login mode expectations: a Reject is a right answer only once an earlier request may have ended the login phase.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Step } from '../../script/schema.js';
import { loginMode, mayEndLogin } from './login.js';

const ctx = { seeds: [], maxBody: 4, targetName: 'iqn.2026-11.test:fake' };
const endsLogin = (s: Step) => mayEndLogin({ steps: [s], desync: false });
const allowsReject = (s: Step) => s.op === 'expect' && s.oneOf.some(o => 'pdu' in o && o.pdu?.type === 'Reject');

describe('login mode', () => {
  it('accepts a Reject exactly after a request that may have moved the connection to Full Feature Phase (§4.2.4)', () => {
    let seen = 0;
    for (const steps of fc.sample(loginMode.arbitrary(ctx), { seed: 7, numRuns: 300 })) {
      // An expect follows the request(s) of one item: what counts is whether an earlier item's request ended the login.
      let ended = false, endedBeforeItem = false;
      for (const s of steps) {
        if (endsLogin(s)) ended = true;
        if (s.op !== 'expect') continue;
        expect(allowsReject(s)).toBe(endedBeforeItem);
        if (endedBeforeItem) seen++;
        endedBeforeItem = ended;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('never offers digests: its raw requests carry none, so a concluded CRC32C would desynchronise the framing', () => {
    for (const steps of fc.sample(loginMode.arbitrary(ctx), { seed: 9, numRuns: 300 })) {
      for (const s of steps) {
        if (s.op !== 'send' || !('type' in s.pdu) || typeof s.pdu.data !== 'string') continue;
        expect(Buffer.from(s.pdu.data, 'hex').toString('latin1')).not.toMatch(/(^|\0)(Header|Data)Digest=/);
      }
    }
  });
});
