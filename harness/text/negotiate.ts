// RFC 7143 §6.2 negotiation engine: answer the other side's offers, and check the other side's answers to ours.
import { violation, type Violation } from '../violation.js';
import type { TextPair } from './codec.js';
import { ALL_KEYS, allowedInPhase, classifyKey, keyByName, type KeyDef } from './keys.js';
import { applyResult, checkIntegrity, defaultParams, type NegotiatedParams } from './params.js';
import {
  answerOptional, checkAnswer, checkOffer, checkPlacement, isNegotiated, notUnderstoodAllowed, num, peer, select, sequenceKey,
  type NegotiationContext,
} from './rules.js';
import type { Role } from './keys.js';
import { isAnswerOnly, isSpecial } from './values.js';

export { recordConcluded, sequenceKey, type NegotiationContext, type Phase } from './rules.js';

/** Our own values per key: a limit for numbers, a wish for booleans, the supported values for lists. */
export type Policy = Readonly<Record<string, string | undefined>>;

/** What one side's message amounts to once processed. */
export interface NegotiationOutcome {
  /** Pairs we must send back (answers to their offers); empty for the checker. */
  answers: TextPair[];
  /** Keys concluded by this message with their final values (answers, declarations, Reject/Irrelevant). */
  results: TextPair[];
  /** Their new offers still waiting for our answer (checker only; feed them to `respond`). */
  theirOffers: TextPair[];
  /** Every RFC rule their message breaks. */
  violations: Violation[];
  /** ctx.current (or defaults) with the results applied. */
  params: NegotiatedParams;
}

/** Our values when nothing is configured: the RFC defaults, both digests supported (§13.1 makes both mandatory). */
export function defaultPolicy(): Policy {
  const p: Record<string, string | undefined> = {};
  for (const k of ALL_KEYS) p[k.name] = k.default;
  return { ...p, HeaderDigest: 'None,CRC32C', DataDigest: 'None,CRC32C', AuthMethod: 'None', CHAP_A: '5' };
}

const declarativeLike = (def: KeyDef): boolean => !isNegotiated(def);

/**
 * Answers the other side's offers and declarations. Unknown keys get NotUnderstood (§6.2); keys irrelevant in
 * Discovery get Irrelevant; out-of-range, wrong-type, wrong-sender or wrong-phase offers get Reject; obsoleted keys
 * get Reject (§13.25); ErrorRecoveryLevel in Discovery gets 0 (§7.4.1). FirstBurstLength is clamped to the resulting
 * MaxBurstLength (§13.14) and MaxOutstandingR2T to 1 when ERL > 0 with DataSequenceInOrder=Yes (§13.19).
 */
export function respond(theirs: readonly TextPair[], policy: Policy, ctx: NegotiationContext): NegotiationOutcome {
  const them = peer(ctx.us);
  const seen = new Set(ctx.negotiated ?? []);
  const violations: Violation[] = [];
  const answers: TextPair[] = [];
  const results: TextPair[] = [];
  for (const { key, value } of theirs) {
    const def = keyByName(key);
    const placement = checkPlacement(key, def, them, ctx, seen);
    const renegotiated = placement.some(v => v.rule === 'text/renegotiation');
    seen.add(sequenceKey(key, them));
    violations.push(...placement);
    if (renegotiated) continue; // the whole login is to be rejected (§6.3); answering twice would make it worse
    if (!def) {
      answers.push({ key, value: 'NotUnderstood' });
      continue;
    }
    if (placement.length) {
      answers.push({ key, value: 'Reject' });
      continue;
    }
    if (def.obsolete) {
      answers.push({ key, value: def.obsolete.answers[0]! });
      continue;
    }
    const bad = checkOffer(def, value);
    violations.push(...bad);
    if (declarativeLike(def)) {
      if (bad.length) answers.push({ key, value: 'Reject' });
      else results.push({ key, value });
      continue;
    }
    let answer: string;
    if (def.irrelevantInDiscovery && ctx.sessionType === 'Discovery') answer = 'Irrelevant';
    else if (bad.length) answer = 'Reject';
    else if (def.name === 'ErrorRecoveryLevel' && ctx.sessionType === 'Discovery') answer = '0';
    else {
      const ours = policy[key] ?? def.default;
      answer = ours === undefined ? 'Reject' : select(def, value, ours);
    }
    answers.push({ key, value: answer });
    results.push({ key, value: answer });
  }
  fixDependentAnswers(answers, results, ctx, theirs);
  const params = applyAll(ctx.current ?? defaultParams(), results, them, ctx.us, new Set(answers.map(a => a.key)));
  violations.push(...checkIntegrity(params));
  return { answers, results, theirOffers: [], violations, params };
}

/** Second pass over our answers for the rules that depend on other keys' results (§6.2 integrity rules). */
function fixDependentAnswers(answers: TextPair[], results: TextPair[], ctx: NegotiationContext, theirs: readonly TextPair[]): void {
  const params = applyAll(ctx.current ?? defaultParams(), results, peer(ctx.us), ctx.us, new Set(answers.map(a => a.key)));
  const set = (key: string, value: string) => {
    for (const list of [answers, results]) for (const p of list) if (p.key === key) p.value = value;
  };
  const fbl = answers.find(a => a.key === 'FirstBurstLength');
  if (fbl && !isSpecial(fbl.value)) {
    if (params.initialR2T && !params.immediateData) set('FirstBurstLength', 'Irrelevant');
    else if (num(fbl.value) > params.maxBurstLength) set('FirstBurstLength', String(params.maxBurstLength));
  }
  // MaxBurstLength alone must not drop below the FirstBurstLength in force: we cannot change FirstBurstLength unasked,
  // so we give up part of our own limit rather than create a session that breaks §13.14 (Minimum still holds).
  const mbl = answers.find(a => a.key === 'MaxBurstLength');
  const offeredMbl = theirs.find(p => p.key === 'MaxBurstLength')?.value;
  if (mbl && !isSpecial(mbl.value) && !fbl && offeredMbl && !(params.initialR2T && !params.immediateData)
    && params.maxBurstLength < params.firstBurstLength)
    set('MaxBurstLength', String(Math.min(num(offeredMbl), params.firstBurstLength)));
  const mor = answers.find(a => a.key === 'MaxOutstandingR2T');
  if (mor && !isSpecial(mor.value) && params.errorRecoveryLevel > 0 && params.dataSequenceInOrder) set('MaxOutstandingR2T', '1');
}

/** Applies results; a declarative value belongs to whoever stated it, a negotiated one to the session. */
function applyAll(base: NegotiatedParams, results: readonly TextPair[], them: Role, us: Role,
  oursAnswered: ReadonlySet<string>): NegotiatedParams {
  let p = base;
  for (const { key, value } of results) p = applyResult(p, key, value, oursAnswered.has(key) ? us : them);
  return p;
}

/**
 * Checks the other side's message against the offers we made in this exchange, and returns the negotiated values.
 * Reports every broken rule: result functions, ranges, list selection, reserved constants, answers to keys never
 * offered, renegotiation and duplicates, wrong sender/stage/phase, leading-only keys, obsoleted keys, missing
 * answers, new offers in a final response, and the integrity rules on the resulting values.
 */
export function checkAnswers(ours: readonly TextPair[], theirs: readonly TextPair[], ctx: NegotiationContext): NegotiationOutcome {
  const them = peer(ctx.us);
  const offered = new Map<string, string>();
  for (const p of ours) if (!offered.has(p.key)) offered.set(p.key, p.value);
  const seen = new Set(ctx.negotiated ?? []);
  const violations: Violation[] = [];
  const results: TextPair[] = [];
  const theirOffers: TextPair[] = [];
  const answered: { def: KeyDef; offer: string; answer: string }[] = [];
  const answeredKeys = new Set<string>();
  for (const { key, value } of theirs) {
    const def = keyByName(key);
    const isAnswer = offered.has(key) && !answeredKeys.has(key) && (!def || isNegotiated(def) || !!def.obsolete);
    if (!isAnswer && def && isAnswerOnly(value) && offered.has(key) && !answeredKeys.has(key)) {
      // A reserved answer to one of our declarations (e.g. MaxRecvDataSegmentLength=Reject for an inadmissible
      // value) is a reply, not their own declaration: their declaration of the same key may still follow (§6.2).
      answeredKeys.add(key);
      if (value === 'NotUnderstood' && !notUnderstoodAllowed(key))
        violations.push(violation('text/not-understood-rfc-key', 'rfc7143/6.2', `${key}: every RFC 7143 key must be understood`, key));
      continue;
    }
    // Refusing our misplaced offer (e.g. MaxBurstLength=Reject to an LO key sent in FFP) is the answer §6.2
    // allows, not their use of the key: only the renegotiation rule still applies to such an answer.
    const placement = checkPlacement(key, def, them, ctx, isAnswer ? withoutKey(seen, key) : seen)
      .filter(v => !(isAnswer && isAnswerOnly(value) && PLACEMENT_OF_USE.has(v.rule)));
    violations.push(...placement);
    seen.add(sequenceKey(key, them));
    if (isAnswer) {
      answeredKeys.add(key);
      // Our offer was out of place here, so a reserved answer needs no admissibility check (§6.2.2 Reject).
      if (def && !(isAnswerOnly(value) && !allowedInPhase(def, ctx.phase, ctx.us))) answered.push({ def, offer: offered.get(key)!, answer: value });
      results.push({ key, value });
      continue;
    }
    if (!def) {
      if (isAnswerOnly(value))
        violations.push(violation('text/answer-without-offer', 'rfc7143/6.2', `${key}=${value} answers a key we never offered`, key));
      else theirOffers.push({ key, value });
      continue;
    }
    if (isAnswerOnly(value) && offered.has(key)) {
      // A reserved answer to one of our declarations: only NotUnderstood is meaningful there, and not for RFC keys.
      if (value === 'NotUnderstood' && !notUnderstoodAllowed(key))
        violations.push(violation('text/not-understood-rfc-key', 'rfc7143/6.2', `${key}: every RFC 7143 key must be understood`, key));
      continue;
    }
    if (isAnswerOnly(value)) {
      violations.push(violation('text/answer-without-offer', 'rfc7143/6.2', `${key}=${value} answers a key we never offered`, key));
      continue;
    }
    if (!placement.length) violations.push(...checkOffer(def, value));
    if (declarativeLike(def)) results.push({ key, value });
    else {
      theirOffers.push({ key, value });
      if (ctx.final && them === 'target')
        violations.push(violation('text/offer-in-final-response', ctx.phase === 'ffp' ? 'rfc7143/6.4' : 'rfc7143/6.3',
          `${key} is a new offer in a final response, which would require another request`, key));
    }
  }
  for (const [key, offer] of offered) {
    const def = keyByName(key);
    if (answeredKeys.has(key) || !def || !(isNegotiated(def) || def.obsolete)) continue;
    if (answerOptional(def, offer) && !def.obsolete) results.push({ key, value: offer });
    else violations.push(violation('text/missing-answer', 'rfc7143/6.2', `${key}=${offer} was offered but not answered`, key));
  }
  // Our own declarations (e.g. our MaxRecvDataSegmentLength) take effect unless they were refused.
  const ourDeclarations = ours.filter(p => { const d = keyByName(p.key); return d && !isNegotiated(d) && !d.obsolete; });
  const base = applyAll(ctx.current ?? defaultParams(), ourDeclarations, ctx.us, ctx.us, new Set());
  const params = applyAll(base, results, them, ctx.us, new Set());
  for (const a of answered) violations.push(...checkAnswer(a.def, a.offer, a.answer, params, ctx));
  // An integrity break that our offers would cause even if accepted as offered is ours, not theirs.
  const ifAccepted = applyAll(base, ours.filter(p => offered.get(p.key) === p.value), ctx.us, ctx.us, new Set());
  const ownFault = new Set(checkIntegrity(ifAccepted).map(v => v.rule));
  violations.push(...checkIntegrity(params).filter(v => !ownFault.has(v.rule)));
  return { answers: [], results, theirOffers, violations, params };
}

/** Placement rules about using a key where it does not belong, which a refusal of our offer does not break. */
const PLACEMENT_OF_USE = new Set(['text/login-only-key-in-ffp', 'text/ffp-only-key-in-login', 'text/security-key-outside-security-stage',
  'text/operational-key-in-security-stage', 'text/leading-only-key']);

function withoutKey(s: ReadonlySet<string>, key: string): Set<string> {
  const c = new Set(s);
  c.delete(key);
  return c;
}

/** True for a key name that the engine will answer NotUnderstood (not an RFC key). */
export const isUnknownKey = (key: string): boolean => classifyKey(key) !== 'rfc';
