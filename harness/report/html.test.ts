// report.html golden file: self-contained (no external URL), every verdict filterable, text escaped.
import { describe, expect, it } from 'vitest';
import { renderHtml } from './html.js';
import { fixturePlan, fixtureResults, fixtureSummary } from './test-support/fixture-run.js';
import { matchGolden } from './test-support/golden.js';

describe('HTML reporter', () => {
  const html = renderHtml(fixturePlan, fixtureResults, fixtureSummary);
  it('matches the golden file', () => matchGolden('report.html', html));
  it('is self-contained and escapes', () => {
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).toContain('accepted &lt;nothing&gt; &amp; moved on');
    for (const v of ['pass', 'fail', 'skip', 'error', 'timeout', 'xfail', 'xpass']) expect(html).toContain(`data-v="${v}"`);
    expect(html).toContain('<dt>Expected</dt><dd>Reject reason 0x05 (CommandNotSupported)</dd>');
  });
});
