// One fixed run holding every verdict, for the reporters' golden-file tests (no clocks, no sockets).
import { collectCases } from '../../runner/case.js';
import { countVerdicts, freezeResult, type CaseResult, type RunPlan, type RunSummary } from '../../runner/result.js';
import { fixtureSections } from '../../runner/test-support/fixture-cases.js';

const cases = collectCases(fixtureSections);
const base = (n: number): Omit<CaseResult, 'verdict' | 'notes' | 'trace' | 'durationMs'> => {
  const c = cases[n - 1]!;
  return { id: c.id, title: c.title, level: c.level, area: c.area, section: c.section, ref: c.ref, requirement: c.requirement, tags: c.tags };
};
const loginTrace = [
  { t: 0, conn: 1, dir: 'out' as const, text: 'LoginRequest T csg=Security nsg=Operational isid=0x800000000001 itt=0x00000101' },
  { t: 2, conn: 1, dir: 'in' as const, text: 'LoginResponse T csg=Security nsg=Operational status=Success itt=0x00000101' },
];

/** The plan of the fixture run. */
export const fixturePlan: RunPlan = { target: 'iscsi://127.0.0.1:3260/iqn.2026-11.test.fake:t0/0', cases, startedAt: '2026-11-26T07:00:00.000Z', options: { jobs: 1, strict: false } };

/** One result per verdict, with a `<`, `&` and `#` in places that need escaping. */
export const fixtureResults: CaseResult[] = [
  { ...base(1), verdict: 'pass', notes: [], trace: loginTrace, durationMs: 12 },
  { ...base(2), verdict: 'fail', notes: ['accepted <nothing> & moved on'], trace: [...loginTrace, { t: 4, conn: 1, dir: 'out', text: 'NopOut I itt=0x00000102' }, { t: 5, conn: 1, dir: 'in', text: 'NopIn itt=0x00000102 # echo' }],
    failure: { expected: 'Reject reason 0x05 (CommandNotSupported)', actual: 'NopIn itt=0x00000102 ttt=0xffffffff', ref: 'rfc7143/99.1' }, durationMs: 8, pcap: 'pcaps/rfc7143_99.1_2.pcap' },
  { ...base(3), verdict: 'skip', reason: 'destructive: rerun with --dataloss', notes: [], trace: [], durationMs: 0 },
  { ...base(4), verdict: 'error', reason: 'harness fault: boom', stack: 'Error: boom\n    at run (fixture-cases.ts:14:25)', notes: [], trace: [], durationMs: 1 },
  { ...base(5), verdict: 'timeout', reason: 'no verdict within 300 ms', notes: [], trace: loginTrace, durationMs: 301 },
  { ...base(6), verdict: 'xfail', reason: 'expected failure: fake target lacks it (rfc7143/99.1)', notes: ['fail as expected by the profile'],
    failure: { expected: 'something the target does not do', actual: 'what it did', ref: 'rfc7143/99.1' }, trace: [], durationMs: 0 },
  { ...base(7), verdict: 'xpass', reason: 'expected failure: was broken once; but it passed', notes: [], trace: loginTrace, durationMs: 6 },
].map(r => freezeResult(r as CaseResult));

/** The summary of the fixture run. */
export const fixtureSummary: RunSummary = { counts: countVerdicts(fixtureResults), total: fixtureResults.length, durationMs: 400, targetAlive: true, exitCode: 1 };
