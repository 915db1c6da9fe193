// JUnit golden file, validity against the Jenkins schema (xmllint must exist: CI installs it), and
// a cross-check that tap-junit reads our TAP stream with the same counts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { junitFromTap } from './junit.js';
import { tapFooter, tapHeader, tapPoint } from './tap.js';
import { fixturePlan, fixtureResults, fixtureSummary } from './test-support/fixture-run.js';
import { matchGolden } from './test-support/golden.js';

const tap = tapHeader(fixturePlan) + fixtureResults.map((r, i) => tapPoint(i + 1, r)).join('') + tapFooter(fixtureSummary);
const xml = junitFromTap(tap, fixtureSummary);
const XSD = fileURLToPath(new URL('./schema/junit-10.xsd', import.meta.url));

/** Validates a JUnit file with xmllint; throws with xmllint's output when invalid. */
export function xmllintValidate(file: string): string {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is required (apt-get install libxml2-utils): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`xmllint rejected ${file}:\n${r.stderr}`);
  return r.stderr;
}

describe('JUnit reporter', () => {
  it('matches the golden file', () => matchGolden('junit.xml', xml));

  it('validates against the Jenkins JUnit schema with xmllint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'junit-'));
    writeFileSync(join(dir, 'junit.xml'), xml);
    expect(xmllintValidate(join(dir, 'junit.xml'))).toMatch(/validates/);
  });

  it('has one testcase per case with classname, time, skip reason and failure details', () => {
    expect(xml.match(/<testcase /g)).toHaveLength(7);
    expect(xml).toContain('classname="rfc7143.fixture" name="rfc7143/99.1/1 NOP-Out ping is answered" time="0.012"');
    expect(xml).toContain('<skipped message="destructive: rerun with --dataloss"/>');
    expect(xml).toMatch(/<failure message="expected Reject reason 0x05[^"]*" type="fail">expected: Reject/);
    expect(xml).toContain('section:  rfc7143/99.1');
    expect(xml).toContain('+5ms c1 &lt; NopIn itt=0x00000102 # echo');
    expect(xml).toContain('<error message="timeout: no verdict within 300 ms" type="timeout">');
    expect(xml).toContain('<failure message="unexpected pass: expected failure: was broken once; but it passed" type="xpass">');
  });

  it('tap-junit reads the same TAP: same number of cases, skips and failures', () => {
    const require = createRequire(import.meta.url);
    const serialize = require('tap-junit/src/serialize.js') as (cases: unknown[], out: unknown, args: unknown) => string;
    const tapJunit = require('tap-junit') as (args: unknown) => NodeJS.WritableStream & { on(e: string, f: (x: never) => void): void };
    const points: Array<{ ok: boolean; skip?: unknown; todo?: unknown }> = [];
    const parser = tapJunit({});
    parser.on('assert', (a: never) => { points.push(a); });
    let done: { count: number; fail: number; skip: number } | undefined;
    parser.on('complete', (o: never) => { done = o; });
    const log = console.info; console.info = () => undefined; // tap-junit prints its XML when given no output file
    try { parser.end(tap); } finally { console.info = log; }
    expect(points).toHaveLength(7);
    expect(done).toMatchObject({ count: 7, skip: 1 });
    expect(points.filter(p => !p.ok && !p.todo)).toHaveLength(4); // fail, error, timeout, xpass
    expect(typeof serialize).toBe('function');
  });
});
