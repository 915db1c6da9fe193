// results.json golden file over the fixture run; the schema version is part of the contract.
import { describe, expect, it } from 'vitest';
import { resultsDocument, SCHEMA_VERSION } from './json.js';
import { fixturePlan, fixtureResults, fixtureSummary } from './test-support/fixture-run.js';
import { matchGolden } from './test-support/golden.js';

describe('JSON reporter', () => {
  const doc = resultsDocument(fixturePlan, fixtureResults, fixtureSummary, '0.0.0-test');
  it('matches the golden file', () => matchGolden('results.json', JSON.stringify(doc, null, 2) + '\n'));
  it('keeps the error stack and a schema version', () => {
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.results.find(r => r.verdict === 'error')?.stack).toMatch(/Error: boom/);
  });
});
