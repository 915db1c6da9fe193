// The liveness probe waits as long as a case may: --timeout 10000 against a slow target must not
// turn a live target into "unreachable" after a fixed 3 s.
import { describe, expect, it } from 'vitest';
import { probeDeadline } from './run-conformance.js';

describe('probeDeadline', () => {
  it('is 3 s by default and follows a longer --timeout', () => {
    expect(probeDeadline()).toBe(3000);
    expect(probeDeadline(500)).toBe(3000);
    expect(probeDeadline(10_000)).toBe(10_000);
  });
});
