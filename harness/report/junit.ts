// JUnit XML derived from our TAP, valid against the Jenkins JUnit schema (schema/junit-10.xsd).
// Written here rather than by tap-junit 5: that tool puts every case in one testsuite with no
// classname and no time, writes <skipped/> without the reason, adds an `id` attribute the schema
// does not allow and calls process.exit(1) on a failing run; junit.test.ts still feeds the same TAP
// through tap-junit to show the stream is standard TAP.
import type { RunSummary } from '../runner/result.js';
import { parseTap, type TapPoint } from './tap-parse.js';

const xml = (s: string): string => s
  // eslint-disable-next-line no-control-regex
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const secs = (ms: number): string => (ms / 1000).toFixed(3);
const str = (v: unknown): string => (v === undefined ? '' : String(v));

function testcase(p: TapPoint): { body: string; kind: 'pass' | 'failure' | 'error' | 'skipped'; ms: number } {
  const d = p.diag;
  const verdict = str(d.verdict);
  const ms = Number(d.duration_ms ?? 0);
  const open = `    <testcase classname="${xml(str(d.area) || 'iscsi')}" name="${xml(p.description)}" time="${secs(ms)}"`;
  const trace = Array.isArray(d.trace) ? d.trace : [];
  const notes = Array.isArray(d.notes) ? d.notes : [];
  const details = [
    d.expected !== undefined ? `expected: ${str(d.expected)}` : '', d.actual !== undefined ? `actual:   ${str(d.actual)}` : '',
    `section:  ${str(d.ref)}`, d.rule !== undefined ? `rule:     ${str(d.rule)}` : '', d.reason !== undefined ? `reason:   ${str(d.reason)}` : '',
    `level:    ${str(d.level)}`, `requirement: ${str(d.requirement)}`, d.pcap !== undefined ? `pcap:     ${str(d.pcap)}` : '',
    ...(trace.length ? ['trace:', ...trace.map(t => `  ${t}`)] : []),
  ].filter(Boolean).join('\n');
  const out = notes.length ? `\n      <system-out>${xml(notes.join('\n'))}</system-out>` : '';
  if (verdict === 'skip') return { kind: 'skipped', ms, body: `${open}>\n      <skipped message="${xml(p.directive?.reason ?? str(d.reason))}"/>${out}\n    </testcase>` };
  if (verdict === 'fail' || verdict === 'xpass') {
    const msg = verdict === 'xpass' ? `unexpected pass: ${str(d.reason)}` : `expected ${str(d.expected)}; got ${str(d.actual)} (${str(d.ref)})`;
    return { kind: 'failure', ms, body: `${open}>\n      <failure message="${xml(msg)}" type="${verdict}">${xml(details)}</failure>${out}\n    </testcase>` };
  }
  if (verdict === 'error' || verdict === 'timeout') {
    return { kind: 'error', ms, body: `${open}>\n      <error message="${xml(`${verdict}: ${str(d.reason)}`)}" type="${verdict}">${xml(details)}</error>${out}\n    </testcase>` };
  }
  // pass and xfail: Jenkins has no expected-failure element; an xfail keeps its reason in system-out.
  const xf = verdict === 'xfail' ? [`xfail: ${str(d.reason)}`, details] : [];
  const so = [...xf, ...notes].join('\n');
  return { kind: 'pass', ms, body: `${open}${so ? `>\n      <system-out>${xml(so)}</system-out>\n    </testcase>` : '/>'}` };
}

/** Builds the JUnit document from TAP text; one testsuite per area, in first-seen order. */
export function junitFromTap(tap: string, summary?: RunSummary): string {
  const suites = new Map<string, ReturnType<typeof testcase>[]>();
  for (const p of parseTap(tap)) {
    const area = str(p.diag.area) || 'iscsi';
    if (!suites.has(area)) suites.set(area, []);
    suites.get(area)!.push(testcase(p));
  }
  let tests = 0, failures = 0, errors = 0, totalMs = 0;
  const body = [...suites].map(([area, cs]) => {
    const f = cs.filter(c => c.kind === 'failure').length, e = cs.filter(c => c.kind === 'error').length, s = cs.filter(c => c.kind === 'skipped').length;
    const ms = cs.reduce((a, c) => a + c.ms, 0);
    tests += cs.length; failures += f; errors += e; totalMs += ms;
    return `  <testsuite name="${xml(area)}" tests="${cs.length}" failures="${f}" errors="${e}" skipped="${s}" time="${secs(ms)}">\n${cs.map(c => c.body).join('\n')}\n  </testsuite>`;
  });
  const time = summary ? secs(summary.durationMs) : secs(totalMs);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="iscsi-conformance" tests="${tests}" failures="${failures}" errors="${errors}" time="${time}">\n${body.join('\n')}${body.length ? '\n' : ''}</testsuites>\n`;
}
