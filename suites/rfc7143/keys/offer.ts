// Key-offer case families (RFC 7143 §6.2, §13): one row = one offered value and the answer its result function allows.
import type { CaseDef, Level } from '../../../harness/runner/case.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import type { LoginResult } from '../../../harness/runner/login.js';
import { closed, loginStatus, nonStrict, pass, type Outcome } from '../../../harness/runner/outcomes.js';
import { keyAnswer, keyRejected, loggedIn, notNotUnderstood, parseNumber, valuesOf } from '../../support-login.js';
import { notUnderstoodAllowed } from '../../../harness/text/rules.js';

/** How the answer to one offer is judged. */
export type Expect =
  /** Minimum (§13): a required answer, a number in range and not above the offer. */
  | { fn: 'min'; range: [number, number] }
  /** Maximum (§13): a required answer, a number in range and not below the offer. */
  | { fn: 'max'; range: [number, number] }
  /** AND with No offered / OR with Yes offered (§6.2.2): the answer is optional and can only repeat the offer. */
  | { fn: 'fixed' }
  /** AND with Yes / OR with No (§6.2.2): a required Yes or No answer. */
  | { fn: 'bool' }
  /** List (§6.2.1): the first supported value of the offer, so one of the offered values. */
  | { fn: 'list' }
  /** Declarative (§13): no answer needed; the login goes on and the value is not refused. */
  | { fn: 'declare' }
  /** Not admissible (§6.2.2): Reject, a login reject (§7.12), or an admissible value in `range`. */
  | { fn: 'refuse'; range?: [number, number]; values?: readonly string[] };

/** One row of a key table. */
export interface OfferRow {
  n: number;
  key: string;
  value: string;
  expect: Expect;
  title: string;
  requirement: string;
  level?: Level;
  ref?: string;
  /** Other keys offered in the same request (dependent keys, §6.2 integrity rules). */
  with?: Record<string, string | undefined>;
  tags?: readonly string[];
}

const inRange = (v: string, [lo, hi]: [number, number]): boolean => { const x = parseNumber(v); return x !== undefined && x >= lo && x <= hi; };

/** The graded outcomes for a row, judged on the whole login's answers. */
export function outcomesFor(r: LoginResult, row: Pick<OfferRow, 'key' | 'value' | 'expect'>): Outcome[] {
  const { key, value, expect: x } = row;
  const offered = parseNumber(value);
  const answered = valuesOf(r, key);
  switch (x.fn) {
    case 'min': case 'max': {
      const ok = (v: string): boolean => inRange(v, x.range) && (x.fn === 'min' ? parseNumber(v)! <= offered! : parseNumber(v)! >= offered!);
      return [pass({ ...keyAnswer(r, key, ok, `${x.fn === 'min' ? '<=' : '>='} ${value} within ${x.range[0]}..${x.range[1]}`), test: () => r.ok && answered.length > 0 && answered.every(ok) })];
    }
    case 'fixed':
      return [pass({ describe: `login succeeds with ${key} unanswered or answered ${value}`, test: () => r.ok && answered.every(v => v === value) })];
    case 'bool':
      return [pass({ describe: `login succeeds with ${key} answered Yes or No`, test: () => r.ok && answered.length > 0 && answered.every(v => v === 'Yes' || v === 'No') })];
    case 'list': {
      const offers = value.split(',');
      return [pass({ describe: `login succeeds with ${key} answered one of ${value}`, test: () => r.ok && answered.length > 0 && answered.every(v => offers.includes(v)) })];
    }
    case 'declare':
      // NotUnderstood is a refusal, except for X extension keys, whose sender must expect it (§11.13.8, §13.26.2).
      return [pass({ describe: `login succeeds and ${key}=${value} is not refused`, test: () => r.ok && !answered.some(v => v === 'Reject' || (v === 'NotUnderstood' && !notUnderstoodAllowed(key))) })];
    case 'refuse': {
      const admissible = (v: string): boolean => (x.range ? inRange(v, x.range) : false) || (x.values?.includes(v) ?? false);
      const alts: Outcome[] = [pass(keyRejected(r, key)), pass(loginStatus(0x02)), nonStrict(closed())];
      if (x.range || x.values) alts.splice(1, 0, pass({ ...keyAnswer(r, key, admissible, 'with an admissible value'), test: () => r.ok && answered.length > 0 && answered.every(admissible) }));
      return alts;
    }
  }
}

/** Turns a row into a case: log in with the offer in the operational stage and judge the answer. */
export function offerCase(row: OfferRow): CaseDef {
  return {
    n: row.n, title: row.title, level: row.level ?? 'MUST', requirement: row.requirement,
    ...(row.ref ? { ref: row.ref } : {}),
    tags: row.tags ?? ['login', 'keys', row.expect.fn === 'refuse' ? 'boundary' : 'result-function'],
    async run(t: CaseApi) {
      const c = await t.connect();
      const r = await t.tryLogin(c, { keys: { ...row.with, [row.key]: row.value } });
      notNotUnderstood(t, r, row.key);
      await t.expect(r.event, ...outcomesFor(r, row));
    },
  };
}

/** Numeric range rows: below, above and the edges of a key's range, each with its own n. */
export function rangeRows(key: string, fn: 'min' | 'max', range: [number, number], rows: readonly [number, string][], ref?: string): OfferRow[] {
  return rows.map(([n, value]): OfferRow => {
    const x = parseNumber(value);
    const legal = x !== undefined && x >= range[0] && x <= range[1];
    const common = { n, key, value, ...(ref ? { ref } : {}) };
    return legal
      ? { ...common, expect: { fn, range }, title: `${key}=${value} is answered by the ${fn === 'min' ? 'Minimum' : 'Maximum'} function`,
        requirement: `${key} is a number from ${range[0]} to ${range[1]} negotiated with ${fn === 'min' ? 'Minimum' : 'Maximum'}: the answer is required and ${fn === 'min' ? 'does not exceed' : 'is not below'} ${value}.` }
      : { ...common, expect: { fn: 'refuse', range }, title: `${key}=${value} (not admissible) is not taken as negotiated`,
        requirement: `${key} allows ${range[0]}..${range[1]}; ${value} is not admissible, so the target answers Reject, fails the login, or selects an admissible value.` };
  });
}
