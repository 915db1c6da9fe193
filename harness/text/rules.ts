// The per-key negotiation rules of RFC 7143 §6.2, §6.3, §12, §13 shared by the answering engine and the answer checker.
import { violation, type Violation } from '../violation.js';
import { allowedInPhase, checkValue, classifyKey, keyByName, useFor, type KeyDef, type Role } from './keys.js';
import type { NegotiatedParams } from './params.js';
import { formatBoolean, isAnswerOnly, parseBoolean, parseList, parseNumerical } from './values.js';

/** Where a text exchange happens: a login stage, or a Text Request/Response in Full Feature Phase. */
export type Phase = 'security' | 'operational' | 'ffp';

/** Everything the rules need to know about the exchange. */
export interface NegotiationContext {
  /** Our role; the other side is the opposite. */
  us: Role;
  phase: Phase;
  sessionType: 'Normal' | 'Discovery';
  /** The leading connection's login (TSIH 0): only there may LO keys appear (§13, §6.3.3). */
  leading: boolean;
  /** Keys already concluded in this negotiation sequence (the whole Login Phase, or this Text exchange). */
  negotiated?: ReadonlySet<string>;
  /** Values in force before this exchange; defaults when absent. */
  current?: NegotiatedParams;
  /** Their message ends the exchange (Login Response T=1 / Text Response F=1): no new offers allowed (§6.3, §6.4). */
  final?: boolean;
  /** Their message answers SendTargets, where TargetName repeats and comes from the target (Appendix C). */
  sendTargetsResponse?: boolean;
}

/**
 * The name under which a key counts as concluded in a negotiation sequence. Authentication exchange keys
 * (CHAP_I, CHAP_C, CHAP_N, CHAP_R in mutual CHAP) are sent once by each side, so they count per sender.
 */
export function sequenceKey(key: string, sender: Role): string {
  return keyByName(key)?.result === 'exchange' ? `${sender}:${key}` : key;
}

/** Adds the keys of one message to a negotiation sequence's concluded set (see sequenceKey). */
export function recordConcluded(set: Set<string>, pairs: readonly { key: string }[], sender: Role): Set<string> {
  for (const p of pairs) set.add(sequenceKey(p.key, sender));
  return set;
}

/** The other side. */
export const peer = (r: Role): Role => (r === 'initiator' ? 'target' : 'initiator');

const isNegotiated = (def: KeyDef): boolean => ['min', 'max', 'and', 'or', 'list'].includes(def.result);
export { isNegotiated };

/**
 * Combines an offer with our own value by the key's result function. Min/Max/AND/OR are symmetric; for lists
 * `ours` is what we support and the first offered value we support wins (§6.2.1), else Reject.
 */
export function select(def: KeyDef, offered: string, ours: string): string {
  switch (def.result) {
    case 'min':
    case 'max': {
      const a = parseNumerical(offered)!;
      const b = parseNumerical(ours)!;
      return (def.result === 'min' ? (a < b ? a : b) : a > b ? a : b).toString();
    }
    case 'and':
    case 'or': {
      const a = parseBoolean(offered)!;
      const b = parseBoolean(ours)!;
      return formatBoolean(def.result === 'and' ? a && b : a || b);
    }
    case 'list': {
      const supported = new Set(parseList(ours));
      return parseList(offered).find(v => supported.has(v)) ?? 'Reject';
    }
    default:
      return offered;
  }
}

/** Whether "Irrelevant" is a legitimate answer to this key given the resulting values (§6.2, §13 "Irrelevant when"). */
export function irrelevantAllowed(def: KeyDef | undefined, after: NegotiatedParams, ctx: NegotiationContext): boolean {
  if (!def) return true; // extension keys carry their own rules; we cannot judge
  if (def.irrelevantInDiscovery && ctx.sessionType === 'Discovery') return true;
  return def.name === 'FirstBurstLength' && after.initialR2T && !after.immediateData;
}

/**
 * Checks that a key may be sent by `sender` here at all: sender, stage/phase, leading-only, vendor keys in
 * Discovery, renegotiation. Returns the violations; empty means the key is in place.
 */
export function checkPlacement(key: string, def: KeyDef | undefined, sender: Role, ctx: NegotiationContext,
  seen: ReadonlySet<string>): Violation[] {
  const out: Violation[] = [];
  if (seen.has(sequenceKey(key, sender)) && !def?.repeatable && !(ctx.sendTargetsResponse && key === 'TargetName'))
    out.push(violation('text/renegotiation', ctx.phase === 'ffp' ? 'rfc7143/6.2' : 'rfc7143/6.3',
      `${key} was already negotiated or declared in this negotiation sequence`, key));
  if (!def) {
    if (classifyKey(key) === 'private' && ctx.sessionType === 'Discovery')
      out.push(violation('text/vendor-key-in-discovery', 'rfc7143/13.22', `vendor key ${key} sent in a Discovery session`, key));
    return out;
  }
  if (useFor(def, sender) === undefined) {
    out.push(violation('text/wrong-sender', def.ref, `${key} may only be sent by the ${def.senders.join(' and ')}`, key));
    return out;
  }
  if (!allowedInPhase(def, ctx.phase, sender)) out.push(phaseViolation(def, sender, ctx));
  else if (def.name === 'TargetName' && sender === 'target' && !ctx.sendTargetsResponse)
    out.push(violation('text/target-name-outside-sendtargets', def.ref,
      'a target sends TargetName only in a SendTargets response', key));
  if (useFor(def, sender) === 'LO' && ctx.phase !== 'ffp' && !ctx.leading)
    out.push(violation('text/leading-only-key', 'rfc7143/13', `${key} is leading-only (LO) but sent on a non-leading login`, key));
  return out;
}

function phaseViolation(def: KeyDef, sender: Role, ctx: NegotiationContext): Violation {
  const key = def.name;
  if (def.stage === 'security')
    return violation('text/security-key-outside-security-stage', 'rfc7143/6.3',
      `${key} is a security key; it is only allowed in the SecurityNegotiation stage, not ${ctx.phase}`, key);
  if (ctx.phase === 'security')
    return violation('text/operational-key-in-security-stage', 'rfc7143/12',
      `${key} is not one of the keys allowed in the SecurityNegotiation stage`, key);
  if (ctx.phase === 'ffp')
    return violation('text/login-only-key-in-ffp', 'rfc7143/13', `${key} (use ${useFor(def, sender)}) is only allowed during login`, key);
  return violation('text/ffp-only-key-in-login', 'rfc7143/13', `${key} is only allowed in Full Feature Phase`, key);
}

/** Checks a proposed or declared value: reserved constants are not proposals (§6.2), then the key's syntax and range. */
export function checkOffer(def: KeyDef, value: string): Violation[] {
  if (isAnswerOnly(value) || (value === 'None' && def.type !== 'list'))
    return [violation('text/special-as-offer', 'rfc7143/6.2', `${def.name}=${value}: a reserved constant used as a proposal`, def.name)];
  if (def.obsolete) return [];
  const why = checkValue(def, value);
  return why ? [violation('text/bad-value', def.ref, `${def.name}: ${why}`, def.name)] : [];
}

/**
 * Keys that may be answered NotUnderstood: §11.12.10/§11.13.8 require every §13 key "except for the X extension
 * formats", and a node sending X#NodeArchitecture "MUST be prepared to handle the response of iSCSI nodes that do not
 * understand the key" (§13.26.2); X- keys are private.
 */
export const notUnderstoodAllowed = (key: string): boolean => key.startsWith('X#') || key.startsWith('X-');

/** True when an offered value is admissible for the key, i.e. an acceptor has no ground to Reject it (§6.2.2). */
const admissible = (def: KeyDef, offered: string): boolean => checkValue(def, offered) === undefined;

/**
 * Checks one answer against our offer: reserved constants, obsolete-key rules (§13.25), list selection (§6.2.1),
 * range and result function (§13 intro), ERL 0 in Discovery (§7.4.1). `after` holds the resulting values.
 */
export function checkAnswer(def: KeyDef, offered: string, answer: string, after: NegotiatedParams,
  ctx: NegotiationContext): Violation[] {
  const key = def.name;
  const v = (rule: string, ref: string, msg: string) => [violation(rule, ref, `${key}: ${msg}`, key)];
  if (def.obsolete)
    return def.obsolete.answers.includes(answer) ? []
      : v('text/obsolete-key-answer', def.ref, `an obsoleted key must be answered ${def.obsolete.answers.join(' or ')}, got "${answer}"`);
  if (answer === 'NotUnderstood') return notUnderstoodAllowed(key) ? [] : v('text/not-understood-rfc-key', 'rfc7143/6.2', 'every RFC 7143 key must be understood');
  if (answer === 'Irrelevant')
    return irrelevantAllowed(def, after, ctx) ? [] : v('text/irrelevant-misused', 'rfc7143/6.2', 'answered Irrelevant where the key is relevant');
  if (answer === 'Reject')
    return def.result === 'list' || !admissible(def, offered) ? []
      : v('text/reject-admissible', 'rfc7143/6.2.2', `offer "${offered}" is admissible, so a value must be selected, not Reject`);
  if (def.result === 'list') {
    const choices = parseList(offered);
    return choices.includes(answer) ? []
      : v('text/list-answer-not-offered', 'rfc7143/6.2.1', `answer "${answer}" is not one of the offered ${offered}`);
  }
  const why = checkValue(def, answer);
  if (why) return v('text/answer-out-of-range', def.ref, why);
  if (def.name === 'ErrorRecoveryLevel' && ctx.sessionType === 'Discovery' && answer !== '0')
    return v('text/discovery-erl', 'rfc7143/7.4.1', `a Discovery session must answer 0, got ${answer}`);
  if (!admissible(def, offered)) return [];
  if (def.type === 'numerical') {
    const a = parseNumerical(answer)!;
    const o = parseNumerical(offered)!;
    if (def.result === 'min' && a > o) return v('text/result-min', def.ref, `Minimum: answer ${a} exceeds offer ${o}`);
    if (def.result === 'max' && a < o) return v('text/result-max', def.ref, `Maximum: answer ${a} is below offer ${o}`);
  }
  if (def.result === 'and' && offered === 'No' && answer !== 'No') return v('text/result-and', def.ref, 'AND: offer No must give No');
  if (def.result === 'or' && offered === 'Yes' && answer !== 'Yes') return v('text/result-or', def.ref, 'OR: offer Yes must give Yes');
  return [];
}

/** §6.2.2: the two Boolean cases where an answer is optional (AND with No, OR with Yes); the outcome is the offer. */
export const answerOptional = (def: KeyDef, offered: string): boolean =>
  (def.result === 'and' && offered === 'No') || (def.result === 'or' && offered === 'Yes');

/** Numeric value of a key result, for clamping. */
export const num = (s: string): number => Number(parseNumerical(s) ?? NaN);
