// The security sections against in-process reference targets: one without authentication, one with mutual CHAP.
import { describe, expect, it } from 'vitest';
import { runAgainstReference } from '../../run-sections.test-helpers.js';
import { chapSections } from './index.js';

describe('security sections against the reference target', () => {
  it('pass or are known failures with mutual CHAP configured', async () => {
    const { results, bad } = await runAgainstReference(chapSections, {
      chap: { user: 'conformance-user', secret: 'initiator-secret-16b' }, mutualChap: { user: 'conformance-target', secret: 'target-secret-16by' },
    });
    expect(bad).toEqual([]);
    expect(results.filter(r => r.verdict === 'pass').length).toBeGreaterThanOrEqual(25);
  }, 15_000);

  it('pass or skip without authentication', async () => {
    const { bad, results } = await runAgainstReference(chapSections);
    expect(bad).toEqual([]);
    expect(results.filter(r => r.verdict === 'pass').length).toBeGreaterThanOrEqual(4);
  }, 15_000);
});
