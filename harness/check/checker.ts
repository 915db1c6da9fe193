// The passive checker: runs every registered rule on each PDU of a connection, then updates the connection state.
import type { FramedPdu } from '../pdu/framer.js';
import { encodePdu, type Pdu } from '../pdu/registry.js';
import { deriveTarget, type Derived } from './derive.js';
import type { CheckViolation, Rule, RuleContext } from './define-rule.js';
import { allRules } from './rules/index.js';
import { snLt } from './serial.js';
import { createState, type CheckState } from './state.js';
import { statSNUse } from './statsn.js';
import { trackInitiator } from './track-initiator.js';
import { trackTarget } from './track-target.js';

/** 'initiator': our own initiator sends (maybe odd) PDUs on purpose, only the target is judged. 'passive': both. */
export type CheckMode = 'initiator' | 'passive';

/** Options of createChecker. */
export interface CheckerOptions {
  mode: CheckMode;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /** Leave out check/pdu-format and check/initiator-pdu-format (inspect already runs validatePdu). */
  skipFormat?: boolean;
}

/** Counts by rule and level, for reports. */
export interface CheckSummary {
  pdus: number;
  violations: number;
  must: number;
  should: number;
  byRule: Record<string, number>;
}

/** A checker for one connection. */
export interface Checker {
  /** Judges a PDU the initiator sent (only in passive mode) and records it. */
  onInitiatorPdu(pdu: Pdu, framed?: FramedPdu): CheckViolation[];
  /** Judges a PDU the target sent and records it. */
  onTargetPdu(pdu: Pdu, framed?: FramedPdu): CheckViolation[];
  /** The connection ended; returns the violations that only the end reveals (none so far). */
  onClose(reason?: string): CheckViolation[];
  readonly summary: CheckSummary;
  /** The state as of now (read-only use: tests and reports). */
  readonly state: Readonly<CheckState>;
}

const FORMAT_RULES = new Set(['check/pdu-format', 'check/initiator-pdu-format']);

/** Creates a checker for one connection. */
export function createChecker(opts: CheckerOptions): Checker {
  const rules = (opts.rules ?? allRules).filter(r => !(opts.skipFormat && FORMAT_RULES.has(r.id)));
  const forSide = (side: 'target' | 'initiator') => rules.filter(r => r.side === side);
  const targetRules = forSide('target');
  const initiatorRules = opts.mode === 'passive' ? forSide('initiator') : [];
  const state = createState();
  const summary: CheckSummary = { pdus: 0, violations: 0, must: 0, should: 0, byRule: {} };

  const judge = (list: readonly Rule[], pdu: Pdu, framed: FramedPdu | undefined, derived: Derived): CheckViolation[] => {
    const ctx: RuleContext = { state, task: taskOf(state, pdu), framed, derived };
    const out = list.filter(r => r.appliesTo === '*' || (r.appliesTo as readonly string[]).includes(pdu.type))
      .flatMap(r => r.run(pdu, ctx));
    summary.pdus++;
    for (const v of out) {
      summary.violations++;
      if (v.level === 'SHOULD') summary.should++; else summary.must++;
      summary.byRule[v.rule] = (summary.byRule[v.rule] ?? 0) + 1;
    }
    return out;
  };

  return {
    onInitiatorPdu(pdu, framed) {
      const out = judge(initiatorRules, pdu, framed, {});
      trackInitiator(state, pdu, framed?.bhs ?? encodePdu(pdu).bhs);
      return out;
    },
    onTargetPdu(pdu, framed) {
      // A replica the initiator asked for is not a new PDU: numbering and task rules would misjudge it, and it must
      // not move the state either. The case that sent the SNACK judges the replica itself.
      if (isSnackReplica(state, pdu)) { summary.pdus++; return []; }
      // A Login Response answers the request with its ITT, which need not be the last one sent.
      const req = pdu.type === 'LoginResponse' ? state.login.requests?.get(pdu.itt) : undefined;
      if (req) Object.assign(state.login, req);
      const derived = deriveTarget(state, pdu);
      const out = judge(targetRules, pdu, framed, derived);
      trackTarget(state, pdu, derived);
      return out;
    },
    onClose() {
      state.phase = state.phase === 'failed' ? 'failed' : 'logged-out';
      return [];
    },
    summary,
    state,
  };
}

/** A resent numbered response (StatSN below the next one) or Data-In/R2T of an ITT named by a SNACK (§11.16). */
function isSnackReplica(s: CheckState, pdu: Pdu): boolean {
  if (!s.snacked || pdu.type === 'Raw') return false;
  if (statSNUse(pdu) === 'advance' && 'statSN' in pdu && s.statSN !== undefined && snLt(pdu.statSN, s.statSN)) return true;
  return (pdu.type === 'DataIn' || pdu.type === 'R2t') && s.snacked.itts.has(pdu.itt);
}

function taskOf(s: CheckState, pdu: Pdu) {
  return pdu.type !== 'Raw' && 'itt' in pdu ? s.tasks.get(pdu.itt) : undefined;
}
