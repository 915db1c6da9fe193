// One passive-checker rule as data (STYLE.md "Checker rules and faults"): id, section, level, side, PDU types, check.
import type { FramedPdu } from '../pdu/framer.js';
import type { Pdu } from '../pdu/registry.js';
import type { Violation } from '../violation.js';
import type { CheckState, Task } from './state.js';
import type { Derived } from './derive.js';

/** Whose behaviour a rule judges: the target's PDUs or the initiator's. */
export type Side = 'target' | 'initiator';

/** A violation found by the checker: says whose fault it is. */
export interface CheckViolation extends Violation { side: Side }

/** What a rule sees: the state before this PDU, the task its ITT names, and facts derived from the PDU. */
export interface RuleContext {
  state: Readonly<CheckState>;
  /** The outstanding task this PDU's ITT names (undefined when none or when the PDU has no ITT). */
  task: Task | undefined;
  framed: FramedPdu | undefined;
  derived: Derived;
}

/** What check returns: nothing, one message, or full violations (to carry their own rule id, ref or field). */
export type RuleResult = string | undefined | Violation[];

/** A rule declaration. */
export interface RuleDef<T extends Pdu['type'] = Pdu['type']> {
  id: `check/${string}`;
  ref: `rfc7143/${string}`;
  level: 'MUST' | 'SHOULD';
  side: Side;
  /** PDU type names the rule runs on; all types of its side when '*'. */
  appliesTo: readonly T[] | '*';
  /** Why the rule exists, in our words (printed by `list` and docs). */
  text: string;
  check(pdu: Extract<Pdu, { type: T }>, ctx: RuleContext): RuleResult;
}

/** A registered rule: the declaration plus a runner that turns its result into CheckViolations. */
export interface Rule extends RuleDef {
  run(pdu: Pdu, ctx: RuleContext): CheckViolation[];
}

/** Declares a rule; keeps the check's argument typed by appliesTo. */
export function defineRule<const T extends Pdu['type']>(d: RuleDef<T>): Rule {
  const def = d as unknown as RuleDef;
  return {
    ...def,
    run(pdu, ctx) {
      const r = def.check(pdu as never, ctx);
      if (r === undefined) return [];
      const level = def.level === 'SHOULD' ? { level: 'SHOULD' as const } : {};
      if (typeof r === 'string') return [{ rule: def.id, ref: def.ref, message: r, ...level, side: def.side }];
      return r.map(v => ({ ...level, ...v, side: def.side }));
    },
  };
}
