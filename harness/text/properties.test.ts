// fast-check properties over the whole key table (seed fixed by harness/test-support/setup.ts in CI).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors.js';
import { arbitraryPairs, arbitraryTextBytes, arbitraryValue } from './arbitraries.js';
import { decodeText, encodeText } from './codec.js';
import { ALL_KEYS, checkValue, type KeyDef } from './keys.js';
import { checkAnswers, respond, type NegotiationContext, type Phase, type Policy } from './negotiate.js';
import { select } from './rules.js';

const symmetric = ALL_KEYS.filter(k => ['min', 'max', 'and', 'or'].includes(k.result) && !k.obsolete);
const negotiable = ALL_KEYS.filter(k => ['min', 'max', 'and', 'or', 'list'].includes(k.result) && !k.obsolete);

/** A target policy: a valid own value for every negotiable key. */
const arbitraryPolicy: fc.Arbitrary<Policy> = fc.tuple(...negotiable.map(k => arbitraryValue(k)))
  .map(vals => Object.fromEntries(negotiable.map((k, i) => [k.name, vals[i]])));

describe('codec properties', () => {
  it('decode(encode(pairs)) = pairs for valid and boundary key sets, with no violation', () => {
    fc.assert(fc.property(fc.oneof(arbitraryPairs('valid'), arbitraryPairs('edge'), arbitraryPairs('valid', 'target', 'ffp')), pairs => {
      const d = decodeText(encodeText(pairs));
      expect(d.pairs).toEqual(pairs);
      expect(d.violations).toEqual([]);
    }));
  });
  it('encode(decode(bytes)) = bytes whenever decode found nothing wrong', () => {
    fc.assert(fc.property(arbitraryTextBytes(), bytes => {
      const d = decodeText(bytes);
      if (d.violations.length === 0) expect(encodeText(d.pairs).equals(Buffer.from(bytes))).toBe(true);
    }));
  });
  it('decode of arbitrary bytes never throws (and would only ever throw DecodeError)', () => {
    fc.assert(fc.property(arbitraryTextBytes(), bytes => {
      try {
        decodeText(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(DecodeError);
        throw e;
      }
    }));
  });
  it('near-valid key sets always yield at least one violation from codec or engine', () => {
    fc.assert(fc.property(arbitraryPairs('any'), pairs => {
      const d = decodeText(encodeText(pairs));
      const r = respond(d.pairs, {}, { us: 'target', phase: 'operational', sessionType: 'Normal', leading: true });
      expect(d.violations.length + r.violations.length).toBeGreaterThan(0);
    }));
  });
});

describe('negotiation properties', () => {
  const pairOf = (k: KeyDef) => fc.tuple(arbitraryValue(k), arbitraryValue(k));

  it('Min/Max/AND/OR results are symmetric: result(a, b) = result(b, a)', () => {
    fc.assert(fc.property(fc.constantFrom(...symmetric).chain(k => pairOf(k).map(v => [k, ...v] as const)), ([k, a, b]) => {
      expect(select(k, a, b)).toBe(select(k, b, a));
    }));
  });
  it('results stay in range (and list results are offered values or Reject)', () => {
    fc.assert(fc.property(fc.constantFrom(...negotiable).chain(k => pairOf(k).map(v => [k, ...v] as const)), ([k, offer, ours]) => {
      const r = select(k, offer, ours);
      if (k.result === 'list') expect(r === 'Reject' || offer.split(',').includes(r)).toBe(true);
      else expect(checkValue(k, r)).toBeUndefined();
    }));
  });

  const ctxArb = fc.record({
    phase: fc.constantFrom<Phase>('security', 'operational'),
    sessionType: fc.constantFrom<'Normal' | 'Discovery'>('Normal', 'Discovery'),
  });
  it('an engine answer, fed to the answer checker, yields zero violations', () => {
    fc.assert(fc.property(ctxArb.chain(c => fc.tuple(fc.constant(c), arbitraryPairs('valid', 'initiator', c.phase), arbitraryPolicy)),
      ([c, offers, policy]) => {
        const base = { ...c, leading: true };
        const target: NegotiationContext = { ...base, us: 'target' };
        const answered = respond(offers, policy, target);
        expect(answered.violations).toEqual([]);
        const checked = checkAnswers(offers, answered.answers, { ...base, us: 'initiator', final: true });
        expect(checked.violations).toEqual([]);
        expect(checked.params).toEqual(answered.params);
      }));
  });
  it('the engine answers boundary offers conformingly too', () => {
    fc.assert(fc.property(arbitraryPairs('edge'), arbitraryPolicy, (offers, policy) => {
      const ctx = { phase: 'operational' as const, sessionType: 'Normal' as const, leading: true };
      const answered = respond(offers, policy, { ...ctx, us: 'target' });
      expect(checkAnswers(offers, answered.answers, { ...ctx, us: 'initiator' }).violations).toEqual([]);
    }));
  });
});
