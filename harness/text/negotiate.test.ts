// Unit tests for the negotiation engine and answer checker: each rule fires on a crafted bad answer and stays quiet on a good one.
import { describe, expect, it } from 'vitest';
import type { TextPair } from './codec.js';
import { checkAnswers, defaultPolicy, respond, type NegotiationContext } from './negotiate.js';
import { defaultParams } from './params.js';

const I: NegotiationContext = { us: 'initiator', phase: 'operational', sessionType: 'Normal', leading: true };
const T: NegotiationContext = { ...I, us: 'target' };
const kv = (s: string): TextPair[] => s.split(' ').filter(Boolean).map(p => {
  const i = p.indexOf('=');
  return { key: p.slice(0, i), value: p.slice(i + 1) };
});
const check = (ours: string, theirs: string, ctx: Partial<NegotiationContext> = {}) =>
  checkAnswers(kv(ours), kv(theirs), { ...I, ...ctx }).violations.map(v => v.rule);
const answer = (theirs: string, ctx: Partial<NegotiationContext> = {}, policy = defaultPolicy()) =>
  respond(kv(theirs), policy, { ...T, ...ctx });

describe('checkAnswers: one rule each, bad then good', () => {
  const cases: [string, string, string, string, Partial<NegotiationContext>?, string?][] = [
    // [rule, our offer, bad answer, good answer, context, our offer for the good case when it differs]
    ['text/result-min', 'MaxBurstLength=131072', 'MaxBurstLength=262144', 'MaxBurstLength=131072'],
    ['text/result-max', 'DefaultTime2Wait=5', 'DefaultTime2Wait=4', 'DefaultTime2Wait=6'],
    ['text/result-and', 'ImmediateData=No', 'ImmediateData=Yes', 'ImmediateData=No'],
    ['text/result-or', 'InitialR2T=Yes', 'InitialR2T=No', 'InitialR2T=Yes'],
    ['text/answer-out-of-range', 'MaxConnections=4', 'MaxConnections=0', 'MaxConnections=1'],
    ['text/list-answer-not-offered', 'HeaderDigest=None', 'HeaderDigest=CRC32C', 'HeaderDigest=None'],
    ['text/not-understood-rfc-key', 'MaxBurstLength=131072', 'MaxBurstLength=NotUnderstood', 'MaxBurstLength=65536'],
    ['text/irrelevant-misused', 'DefaultTime2Wait=2', 'DefaultTime2Wait=Irrelevant', 'DefaultTime2Wait=2'],
    ['text/reject-admissible', 'MaxBurstLength=131072', 'MaxBurstLength=Reject', 'MaxBurstLength=131072'],
    ['text/obsolete-key-answer', 'IFMarkInt=2048~2048', 'IFMarkInt=2048', 'IFMarkInt=Reject'],
    ['text/obsolete-key-answer', 'OFMarker=No', 'OFMarker=NotUnderstood', 'OFMarker=No'],
    ['text/answer-without-offer', '', 'MaxBurstLength=Reject', ''],
    ['text/renegotiation', 'MaxBurstLength=131072', 'MaxBurstLength=65536 MaxBurstLength=65536', 'MaxBurstLength=65536'],
    ['text/missing-answer', 'MaxBurstLength=131072', '', 'MaxBurstLength=65536'],
    ['text/wrong-sender', 'SessionType=Normal', 'SessionType=Normal', ''],
    ['text/leading-only-key', 'MaxConnections=2', 'MaxConnections=1', 'HeaderDigest=None', { leading: false }, 'HeaderDigest=None'],
    ['text/security-key-outside-security-stage', '', 'CHAP_I=1', ''],
    ['text/operational-key-in-security-stage', 'AuthMethod=None', 'AuthMethod=None MaxBurstLength=512', 'AuthMethod=None', { phase: 'security' }],
    ['text/login-only-key-in-ffp', '', 'ErrorRecoveryLevel=1', 'TargetAlias=x', { phase: 'ffp' }],
    ['text/target-name-outside-sendtargets', '', 'TargetName=iqn.a', '', { phase: 'ffp' }],
    ['text/offer-in-final-response', '', 'MaxBurstLength=512', 'TargetAlias=disk', { final: true }],
    ['text/first-burst-exceeds-max-burst', 'MaxBurstLength=65536 FirstBurstLength=65536', 'MaxBurstLength=4096 FirstBurstLength=8192',
      'MaxBurstLength=4096 FirstBurstLength=4096'],
    ['text/discovery-erl', 'ErrorRecoveryLevel=2', 'ErrorRecoveryLevel=1', 'ErrorRecoveryLevel=0', { sessionType: 'Discovery' }],
    ['text/vendor-key-in-discovery', '', 'X-com.example.k=1', 'MaxBurstLength=Irrelevant', { sessionType: 'Discovery' }, 'MaxBurstLength=512'],
    ['text/bad-value', '', 'TargetPortalGroupTag=70000', 'TargetPortalGroupTag=0'],
    ['text/special-as-offer', '', 'TargetAlias=None', 'TargetAlias=disk'],
  ];
  for (const [rule, ours, bad, good, ctx, goodOffer] of cases) {
    it(`${rule}: fires on "${bad}" and not on "${good}"`, () => {
      expect(check(ours, bad, ctx)).toContain(rule);
      expect(check(goodOffer ?? ours, good, ctx)).toEqual([]);
    });
  }

  it('OR with Yes and AND with No need no answer (§6.2.2); the outcome is the offer', () => {
    const r = checkAnswers(kv('InitialR2T=Yes ImmediateData=No'), [], I);
    expect(r.violations).toEqual([]);
    expect(r.params.immediateData).toBe(false);
  });
  it('Irrelevant is right for FirstBurstLength once InitialR2T=Yes and ImmediateData=No', () => {
    expect(check('InitialR2T=No ImmediateData=No FirstBurstLength=4096', 'InitialR2T=Yes ImmediateData=No FirstBurstLength=Irrelevant')).toEqual([]);
  });
  it('keeps both MaxRecvDataSegmentLength declarations', () => {
    const r = checkAnswers(kv('MaxRecvDataSegmentLength=262144'), kv('MaxRecvDataSegmentLength=16384'), I);
    expect(r.violations).toEqual([]);
    expect(r.params.maxRecvDataSegmentLength).toEqual({ initiator: 262144, target: 16384 });
  });
  it('returns the target\'s own offers for the next request, and answers to our X- keys are free', () => {
    const r = checkAnswers(kv('X-com.example.a=1'), kv('X-com.example.a=NotUnderstood MaxBurstLength=512'), I);
    expect(r.violations).toEqual([]);
    expect(r.theirOffers).toEqual(kv('MaxBurstLength=512'));
  });
  it('X#NodeArchitecture may be answered NotUnderstood: X extension formats need no support (§11.13.8, §13.26.2)', () => {
    expect(check('X#NodeArchitecture=ExampleOS/v1234', 'X#NodeArchitecture=NotUnderstood')).toEqual([]);
  });
  it('mutual CHAP: each side sends CHAP_I/CHAP_C once, which is no renegotiation', () => {
    const ctx = { ...I, phase: 'security' as const, negotiated: new Set(['target:CHAP_I', 'target:CHAP_C', 'CHAP_A']) };
    expect(check('CHAP_N=a CHAP_R=0x01 CHAP_I=1 CHAP_C=0x0102', 'CHAP_N=t CHAP_R=0x02', ctx)).toEqual([]);
    expect(check('', 'CHAP_I=3', ctx)).toContain('text/renegotiation');
  });
});

describe('respond', () => {
  it('blames an integrity break on the answer only when our own offers did not already cause it', () => {
    expect(check('MaxBurstLength=4096', 'MaxBurstLength=4096')).toEqual([]);
  });
  it('answers by result function and keeps FirstBurstLength <= MaxBurstLength', () => {
    const r = answer('MaxBurstLength=4096 FirstBurstLength=16384 DefaultTime2Wait=0 InitialR2T=No ImmediateData=Yes');
    expect(r.answers).toEqual(kv('MaxBurstLength=4096 FirstBurstLength=4096 DefaultTime2Wait=2 InitialR2T=Yes ImmediateData=Yes'));
    expect(r.params.firstBurstLength).toBe(4096);
  });
  it('answers NotUnderstood to unknown keys, Reject to bad values, obsoleted keys and wrong phase', () => {
    expect(answer('X-com.example.a=1 MaxBurstLength=511 IFMarker=No OFMarkInt=1~65535 CHAP_A=5').answers)
      .toEqual(kv('X-com.example.a=NotUnderstood MaxBurstLength=Reject IFMarker=Reject OFMarkInt=Reject CHAP_A=Reject'));
  });
  it('answers Irrelevant in Discovery where the RFC says so, and ErrorRecoveryLevel 0', () => {
    const r = answer('MaxBurstLength=4096 ErrorRecoveryLevel=2 DefaultTime2Wait=3', { sessionType: 'Discovery' });
    expect(r.answers).toEqual(kv('MaxBurstLength=Irrelevant ErrorRecoveryLevel=0 DefaultTime2Wait=3'));
  });
  it('answers FirstBurstLength=Irrelevant when its own answers make it irrelevant (§6.2 example)', () => {
    const policy = { ...defaultPolicy(), ImmediateData: 'No' };
    expect(answer('InitialR2T=No ImmediateData=Yes FirstBurstLength=4192', {}, policy).answers)
      .toEqual(kv('InitialR2T=Yes ImmediateData=No FirstBurstLength=Irrelevant'));
  });
  it('picks the first offered list value it supports, else Reject', () => {
    expect(answer('HeaderDigest=CRC32C,None DataDigest=Y-x TaskReporting=FastAbort,RFC3720').answers)
      .toEqual(kv('HeaderDigest=CRC32C DataDigest=Reject TaskReporting=RFC3720'));
  });
  it('records declarations without answering, and flags a renegotiation without answering twice', () => {
    const r = answer('InitiatorName=iqn.a MaxRecvDataSegmentLength=65536 MaxBurstLength=512', { negotiated: new Set(['MaxBurstLength']) });
    expect(r.answers).toEqual([]);
    expect(r.params.maxRecvDataSegmentLength.initiator).toBe(65536);
    expect(r.violations.map(v => v.rule)).toEqual(['text/renegotiation']);
  });
  it('clamps MaxOutstandingR2T to 1 with ERL > 0 and DataSequenceInOrder=Yes (§13.19)', () => {
    const policy = { ...defaultPolicy(), ErrorRecoveryLevel: '2', MaxOutstandingR2T: '8' };
    expect(answer('ErrorRecoveryLevel=2 MaxOutstandingR2T=4', {}, policy).answers).toEqual(kv('ErrorRecoveryLevel=2 MaxOutstandingR2T=1'));
  });
  it('starts from the RFC defaults', () => {
    expect(answer('').params).toEqual(defaultParams());
  });
});

describe('a reserved answer to our declaration', () => {
  it('is not their declaration: Reject then their own MaxRecvDataSegmentLength is no renegotiation (§6.2)', async () => {
    const { checkAnswers: check } = await import('./negotiate.js');
    const out = check([{ key: 'MaxRecvDataSegmentLength', value: '511' }],
      [{ key: 'MaxRecvDataSegmentLength', value: 'Reject' }, { key: 'MaxRecvDataSegmentLength', value: '262144' }],
      { us: 'initiator', phase: 'operational', sessionType: 'Normal', leading: true });
    expect(out.violations.map(v => v.rule)).not.toContain('text/renegotiation');
    expect(out.params.maxRecvDataSegmentLength.target).toBe(262144);
  });

  it('still flags a second declaration of the same key by them', async () => {
    const { checkAnswers: check } = await import('./negotiate.js');
    const out = check([], [{ key: 'MaxRecvDataSegmentLength', value: '8192' }, { key: 'MaxRecvDataSegmentLength', value: '4096' }],
      { us: 'initiator', phase: 'operational', sessionType: 'Normal', leading: true });
    expect(out.violations.map(v => v.rule)).toContain('text/renegotiation');
  });
});

describe('a refusal of our misplaced offer', () => {
  it('is no phase violation: MaxBurstLength=Reject answering an LO key sent in FFP (§6.2)', async () => {
    const { checkAnswers: check } = await import('./negotiate.js');
    const ctx = { us: 'initiator', phase: 'ffp', sessionType: 'Normal', leading: true } as const;
    expect(check([{ key: 'MaxBurstLength', value: '4096' }], [{ key: 'MaxBurstLength', value: 'Reject' }], ctx).violations).toEqual([]);
    expect(check([{ key: 'MaxBurstLength', value: '4096' }], [{ key: 'MaxBurstLength', value: '4096' }], ctx).violations.map(v => v.rule))
      .toContain('text/login-only-key-in-ffp');
  });
});
