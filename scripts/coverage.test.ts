// docs/coverage.md must match the case registry: adding a case without `npm run coverage` fails CI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectCases } from '../harness/runner/case.js';
import { sections } from '../suites/index.js';
import { coveragePath, renderCoverage } from './coverage.js';

describe('docs/coverage.md', () => {
  it('is up to date with the case registry (run `npm run coverage`)', () => {
    expect(readFileSync(coveragePath, 'utf8')).toBe(renderCoverage());
  });

  it('maps every iSCSI-level case to an RFC 7143 section of the index', () => {
    const text = renderCoverage();
    for (const c of collectCases(sections).filter(x => x.id.startsWith('rfc7143/'))) expect(text).toContain(c.id);
  });
});
