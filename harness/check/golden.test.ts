// Golden: the passive checker over every real libiscsi <-> tgtd capture finds exactly golden-expectations.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectCapture } from '../inspect/inspect.js';
import { captureNames, capturesDir } from '../test-support/captures.js';
import { checkInspected } from './capture.js';

interface Expectation { pdus: number; findings: Array<{ index: number; conn: number; rule: string; why: string }> }
const expected = JSON.parse(readFileSync(new URL('./golden-expectations.json', import.meta.url), 'utf8')) as Record<string, Expectation>;
const manifest = readFileSync(`${capturesDir}MANIFEST.txt`, 'utf8').split('\n');
const portOf = (name: string): number =>
  Number(manifest.find(l => l.startsWith(`${name}.pcap\t`))?.match(/127\.0\.0\.1:(\d+)/)?.[1] ?? 3260);

describe('checker on golden captures', () => {
  const names = captureNames();

  it('has an expectation for every capture and a capture for every expectation', () => {
    expect(Object.keys(expected).filter(k => !k.startsWith('_')).sort()).toEqual(names);
  });

  it.each(names)('%s: finds exactly the expected violations', name => {
    const r = inspectCapture(readFileSync(`${capturesDir}${name}.pcap`), { ports: [portOf(name)] });
    expect(r.pdus.length).toBe(expected[name]!.pdus);
    const found = checkInspected(r.pdus).checks.flatMap((vs, index) => vs.map(v => ({ index, conn: r.pdus[index]!.conn, rule: v.rule })));
    expect(found).toEqual(expected[name]!.findings.map(({ index, conn, rule }) => ({ index, conn, rule })));
    for (const f of expected[name]!.findings) expect(f.why.length).toBeGreaterThan(20);
  });
});

describe('checker is live on capture data', () => {
  it('a tampered tgtd answer is caught: StatSN skipped, DataSN wrong, residual count off', () => {
    const r = inspectCapture(readFileSync(`${capturesDir}cmdsn.pcap`), { ports: [3290] });
    const pdus = r.pdus.map(p => ({ ...p, pdu: { ...p.pdu } })) as typeof r.pdus;
    const set = (i: number, v: Record<string, unknown>) => Object.assign(pdus[i]!.pdu, v);
    set(5, { statSN: 3 }); // ScsiResponse: 2 expected; the true 3 at index 7 is then a repeat
    set(9, { dataSN: 1 }); // the only Data-In of its command
    set(11, { residualCount: 63 }); // EDTL 96 - 32 transferred = 64
    const found = checkInspected(pdus, { skipFormat: true }).checks
      .flatMap((vs, i) => vs.map(v => `${i} ${v.rule}`)).filter(s => !s.includes('cmdsn-in-window'));
    expect(found).toEqual(['5 check/statsn-increment', '7 check/statsn-increment', '9 check/data-in-datasn', '11 check/residual']);
  });
});
