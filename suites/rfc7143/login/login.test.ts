// The login and key sections against an in-process reference target: every case passes or is a listed expected failure.
import { describe, expect, it } from 'vitest';
import { runAgainstReference } from '../../run-sections.test-helpers.js';
import { keysSections } from '../keys/index.js';
import { loginSections } from './index.js';

describe('login and key sections against the reference target', () => {
  it('pass or are known failures', async () => {
    const { results, bad } = await runAgainstReference([...loginSections, ...keysSections]);
    expect(bad).toEqual([]);
    expect(results.filter(r => r.verdict === 'pass').length).toBeGreaterThan(60);
  }, 15_000);
});
