// Console golden file (no TTY: no colour, no live line) over the fixture run.
import { describe, expect, it } from 'vitest';
import { ConsoleReporter } from './console.js';
import { fixturePlan, fixtureResults, fixtureSummary } from './test-support/fixture-run.js';
import { matchGolden } from './test-support/golden.js';

describe('console reporter', () => {
  it('matches the golden file', () => {
    let text = '';
    const r = new ConsoleReporter({ write: s => { text += s; }, tty: false }, fixturePlan.target);
    r.onRunStart(fixturePlan);
    for (const x of fixtureResults) r.onCaseEnd(x);
    r.onRunEnd(fixtureSummary);
    text = text.replace(/\x1b\[[0-9;]*m/g, '');
    matchGolden('console.txt', text);
    expect(text).toContain('replay:   npx iscsi-conformance run iscsi://127.0.0.1:3260/iqn.2026-11.test.fake:t0/0 --only rfc7143/99.1/2');
    expect(text).toMatch(/rfc7143\.fixture.*1.*1.*1.*1.*1.*1.*1/);
  });
});
