// Login text continued over several PDUs in both directions (RFC 7143 §6.2, §6.3): the checker
// must judge the target's answer against the whole request text, not the empty prompts between.
import { describe, expect, it } from 'vitest';
import { makePdu } from '../pdu/registry.js';
import { encodeText } from '../text/codec.js';
import { createChecker } from './checker.js';

const keys = Array.from({ length: 4 }, (_, i) => ({ key: `X-org.example.k${i}`, value: 'Yes' }));
const req = (data: Buffer, more: boolean) => makePdu('LoginRequest', { immediate: true, csg: 1, nsg: 3, continue: more, isid: 0x400000000001, itt: 9, cmdSN: 1, data });
const rsp = (data: Buffer, more: boolean, statSN: number) => makePdu('LoginResponse', { csg: 1, nsg: 3, continue: more, isid: 0x400000000001, itt: 9, statSN, expCmdSN: 1, maxCmdSN: 1, data });

describe('checker: continued login text', () => {
  it('is quiet when a C=1 request is prompted, then the answer is itself continued and fetched with an empty request', () => {
    const c = createChecker({ mode: 'passive' });
    const text = encodeText([{ key: 'InitiatorName', value: 'iqn.2026-11.example:i' }, { key: 'TargetName', value: 'iqn.2026-11.example:t' }, ...keys]);
    const answer = encodeText(keys.map(k => ({ key: k.key, value: 'NotUnderstood' })));
    const found = [
      ...c.onInitiatorPdu(req(text.subarray(0, 40), true)),
      ...c.onTargetPdu(rsp(Buffer.alloc(0), false, 0)),
      ...c.onInitiatorPdu(req(text.subarray(40), false)),
      ...c.onTargetPdu(rsp(answer.subarray(0, 30), true, 1)),
      ...c.onInitiatorPdu(req(Buffer.alloc(0), false)),
      ...c.onTargetPdu(rsp(answer.subarray(30), false, 2)),
    ];
    expect(found.map(v => v.rule)).toEqual([]);
  });

  it('still reports an answer to a key that was never offered', () => {
    const c = createChecker({ mode: 'passive' });
    c.onInitiatorPdu(req(encodeText([{ key: 'InitiatorName', value: 'iqn.2026-11.example:i' }]), false));
    const found = c.onTargetPdu(rsp(encodeText([{ key: 'X-org.example.k0', value: 'NotUnderstood' }]), false, 0));
    expect(found.map(v => v.rule)).toContain('text/answer-without-offer');
  });
});
