// TAP 14 golden file over the fixture run, and the read-back the JUnit reporter depends on.
import { describe, expect, it } from 'vitest';
import { parseTap } from './tap-parse.js';
import { tapFooter, tapHeader, tapPoint } from './tap.js';
import { fixturePlan, fixtureResults, fixtureSummary } from './test-support/fixture-run.js';
import { matchGolden } from './test-support/golden.js';

const tap = tapHeader(fixturePlan) + fixtureResults.map((r, i) => tapPoint(i + 1, r)).join('') + tapFooter(fixtureSummary);

describe('TAP reporter', () => {
  it('matches the golden file', () => matchGolden('results.tap', tap));

  it('reads back every point with its verdict, area, reason and trace', () => {
    const pts = parseTap(tap);
    expect(pts.map(p => [p.ok, p.diag.verdict])).toEqual([[true, 'pass'], [false, 'fail'], [true, 'skip'], [false, 'error'], [false, 'timeout'], [false, 'xfail'], [false, 'xpass']]);
    expect(pts[2]!.directive).toEqual({ kind: 'SKIP', reason: 'destructive: rerun with --dataloss' });
    expect(pts[5]!.directive?.kind).toBe('TODO');
    expect(pts[1]!.diag.trace).toContain('+5ms c1 < NopIn itt=0x00000102 # echo');
    expect(pts[1]!.diag.area).toBe('rfc7143.fixture');
  });

  it('escapes # in descriptions', () => {
    const r = { ...fixtureResults[0]!, title: 'a # in a title' };
    const [p] = parseTap(tapPoint(1, r));
    expect(p!.description).toBe('rfc7143/99.1/1 a # in a title');
    expect(p!.directive).toBeUndefined();
  });
});
