// Sense data: round trips in both formats, field pointer, lenient decode, one-line description,
// the SCSI Response data segment wrapper, and the UNIT ATTENTION sense tgt sent in the captures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors.js';
import { describeSense } from './asc.js';
import { decodeScsiResponseData, encodeScsiResponseData } from './scsi-response-data.js';
import { decodeFieldPointer, decodeSense, encodeFieldPointer, encodeSense, makeSense, senseFieldPointer, senseInformation, type SenseSpec } from './sense.js';

const spec: fc.Arbitrary<SenseSpec> = fc.record({
  key: fc.integer({ min: 0, max: 0xe }).filter(k => k !== 0xc), asc: fc.integer({ min: 0, max: 0xff }), ascq: fc.integer({ min: 0, max: 0xff }),
  format: fc.constantFrom('fixed' as const, 'descriptor' as const), deferred: fc.boolean(),
  information: fc.option(fc.bigInt({ min: 0n, max: 0xffffffffn }), { nil: undefined }),
  fieldPointer: fc.option(fc.record({ cd: fc.boolean(), bpv: fc.boolean(), bitPointer: fc.integer({ min: 0, max: 7 }), fieldPointer: fc.integer({ min: 0, max: 0xffff }) }), { nil: undefined }),
}, { requiredKeys: ['key', 'asc', 'ascq', 'format', 'deferred'] });

describe('sense data', () => {
  it('round-trips both formats with no violations', () => {
    fc.assert(fc.property(spec, s => {
      const v = makeSense(s);
      const bytes = encodeSense(v);
      const d = decodeSense(bytes);
      expect(d.violations).toEqual([]);
      expect(d.truncated).toBe(false);
      expect(encodeSense(d.value)).toEqual(bytes);
      expect(senseInformation(d.value)).toBe(s.information);
      if (s.fieldPointer && s.key === 5) expect(senseFieldPointer(d.value)).toEqual({ ...s.fieldPointer, sksv: true });
    }));
  });
  it('packs the field pointer as SPC lays it out', () => {
    const x = encodeFieldPointer({ sksv: true, cd: true, bpv: true, bitPointer: 1, fieldPointer: 1 });
    expect(x.toString(16)).toBe('c90001');
    expect(decodeFieldPointer(x)).toEqual({ sksv: true, cd: true, bpv: true, bitPointer: 1, fieldPointer: 1 });
  });
  it('describes a sense in one line', () => {
    const v = makeSense({ key: 5, asc: 0x24, ascq: 0, fieldPointer: { cd: true, bpv: true, bitPointer: 1, fieldPointer: 1 } });
    expect(describeSense(v)).toBe('ILLEGAL REQUEST/INVALID FIELD IN CDB (24/00) field=byte 1 bit 1');
    expect(describeSense(makeSense({ key: 0xe, asc: 0x1d, ascq: 0, information: 17n, format: 'descriptor' }))).toBe('MISCOMPARE/MISCOMPARE DURING VERIFY OPERATION (1D/00) info=17');
  });
  it('decodes garbage leniently: violations, never an exception but DecodeError for no bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 64 }), b => {
      try { decodeSense(b); } catch (e) { expect(e).toBeInstanceOf(DecodeError); }
    }));
    const short = decodeSense(Buffer.from('7000050000', 'hex'));
    expect(short.violations.map(v => v.rule)).toContain('scsi/sense-short');
    const bad = decodeSense(Buffer.from('72000000000000040001ff', 'hex'));
    expect(bad.violations.map(v => v.rule)).toEqual(expect.arrayContaining(['scsi/sense-information-descriptor']));
    expect(decodeSense(Buffer.from('0f', 'hex')).violations.map(v => v.rule)).toContain('scsi/sense/responseCode');
  });
});

describe('SCSI Response data segment', () => {
  it('decodes the UNIT ATTENTION tgt sends after login (captures) and re-encodes it', () => {
    const seg = Buffer.from('0012700006000000000a00000000290000000000', 'hex');
    const d = decodeScsiResponseData(seg);
    expect(d.violations).toEqual([]);
    expect(describeSense(d.decoded!.value)).toBe('UNIT ATTENTION/POWER ON, RESET, OR BUS DEVICE RESET OCCURRED (29/00)');
    expect(encodeScsiResponseData({ sense: d.decoded!.value })).toEqual(seg);
  });
  it('reports a SenseLength longer than the segment', () => {
    const d = decodeScsiResponseData(Buffer.from('00207000', 'hex'));
    expect(d.violations.map(v => v.rule)).toContain('scsi/response-sense-length');
  });
  it('carries response data after the sense and an empty segment when there is nothing', () => {
    const seg = encodeScsiResponseData({ sense: Buffer.alloc(0), responseData: Buffer.from('abcd', 'hex') });
    expect(seg.toString('hex')).toBe('0000abcd');
    expect(decodeScsiResponseData(seg).value.responseData.toString('hex')).toBe('abcd');
    expect(encodeScsiResponseData({}).length).toBe(0);
  });
  it('never throws on garbage', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), b => { decodeScsiResponseData(b); }));
  });
});
