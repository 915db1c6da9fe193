// The data sections against an in-process reference target: every case passes or is a listed expected failure.
import { describe, expect, it } from 'vitest';
import { runOnReference, unexpected } from '../../test-support/reference-run.js';
import { dataSections } from './index.js';

describe('rfc7143 data sections on the reference target', () => {
  it('pass or are listed expected failures', async () => {
    const results = await runOnReference(dataSections);
    expect(unexpected(results)).toEqual([]);
    // The reference target has every capability these cases need: a skip would hide a case that never ran.
    expect(results.filter(r => r.verdict === 'skip').map(r => `${r.id}: ${r.reason}`)).toEqual([]);
    expect(results.filter(r => r.verdict === 'pass').length).toBeGreaterThan(0);
  }, 15_000);
});
