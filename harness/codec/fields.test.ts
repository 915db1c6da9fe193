// Field kinds: generators respect their constraints, breakers break them, and a value set that
// covers the whole width offers no breaker (filtering for an illegal value would never end).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bits, flag, reserved, reservedBits, u8 } from './fields.js';

describe('field kinds', () => {
  it('offers no breaker when names cover every value of the width', () => {
    expect(bits('pc', 2, [7, 6], { names: { 0: 'a', 1: 'b', 2: 'c', 3: 'd' } }).breaker).toBeUndefined();
    expect(bits('x', 2, [7, 6], { names: { 0: 'a', 1: 'b' } }).breaker).toBeDefined();
  });

  it('breakers produce values the check rejects, generators values it accepts', () => {
    const fields = [u8('v', 0, { range: [1, 9] }), bits('s', 1, [3, 2], { names: { 0: 'x', 1: 'y' } }), reservedBits(1, 0x30), flag('f', 1, 7, { fixed: true }), ...reserved(2, 6)];
    for (const f of fields) {
      const check = f.check as (v: unknown) => string | undefined;
      fc.assert(fc.property(f.arbitrary('valid'), v => { expect(check(v)).toBeUndefined(); }), { numRuns: 50 });
      fc.assert(fc.property((f.breaker as () => fc.Arbitrary<unknown>)(), v => { expect(check(v)).toBeTypeOf('string'); }), { numRuns: 50 });
    }
  });
});
