// Golden vectors: every PDU of the real libiscsi <-> tgtd captures decodes and re-encodes to the
// identical bytes, and the PDU validator finds exactly what golden-expectations.json lists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureNames, capturedPdus, hex } from '../test-support/captures.js';
import { decodePdu, encodePdu, validatePdu } from './registry.js';

interface Expectation { pdus: number; findings: Array<{ index: number; rule: string; why: string }> }
const expected = JSON.parse(readFileSync(new URL('./golden-expectations.json', import.meta.url), 'utf8')) as Record<string, Expectation>;

describe('golden captures', () => {
  const names = captureNames();

  it('has an expectation for every capture and a capture for every expectation', () => {
    expect(names.length).toBeGreaterThanOrEqual(13);
    expect(Object.keys(expected).filter(k => !k.startsWith('_')).sort()).toEqual(names);
  });

  it.each(names)('%s: every PDU re-encodes to its exact bytes', name => {
    const pdus = capturedPdus(name);
    expect(pdus.length).toBe(expected[name]!.pdus);
    pdus.forEach((c, i) => {
      const p = decodePdu(hex(c.bhs), hex(c.ahs), hex(c.data));
      expect(p.type, `PDU ${i}`).not.toBe('Raw');
      const e = encodePdu(p);
      expect(Buffer.concat([e.bhs, e.ahs, e.data]).toString('hex'), `PDU ${i}`).toBe(c.bhs + c.ahs + c.data);
    });
  });

  it.each(names)('%s: the validator finds exactly the expected violations', name => {
    const found = capturedPdus(name).flatMap((c, index) =>
      validatePdu(decodePdu(hex(c.bhs), hex(c.ahs), hex(c.data))).map(v => ({ index, rule: v.rule })));
    expect(found).toEqual(expected[name]!.findings.map(({ index, rule }) => ({ index, rule })));
  });
});
