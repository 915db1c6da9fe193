// Generic properties over every declared PDU type (STYLE.md: three properties cover all types).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../errors.js';
import { uncoveredBits } from '../codec/struct.js';
import { arbitraryPdu, decodePdu, decodePduBytes, encodedLength, encodePdu, encodePduBytes, encodePduInto, makePdu, printPdu, pduTypes, validatePdu, type Pdu } from './registry.js';

const roundTrip = (p: Pdu) => { const e = encodePdu(p); return decodePdu(e.bhs, e.ahs, e.data); };

describe('every PDU type', () => {
  it('has 18 types with distinct opcodes matching their sender', () => {
    expect(pduTypes).toHaveLength(18);
    expect(new Set(pduTypes.map(t => t.opcode)).size).toBe(18);
    for (const t of pduTypes) expect((t.opcode & 0x20) !== 0).toBe(t.from === 'target');
  });

  it.each(pduTypes.map(t => [t.name, t] as const))('%s declares every BHS bit once (except opcode and lengths)', (_n, t) => {
    const gaps = uncoveredBits(t.header.fields, 48).filter(([byte]) => byte < 4 || byte > 7);
    expect(gaps).toEqual([[0, 0x3f]]);
  });

  it.each(pduTypes.map(t => [t.name, t] as const))('%s: decode(encode(x)) = x for valid, edge and any values', (_n, t) => {
    for (const mode of ['valid', 'edge', 'any'] as const) {
      fc.assert(fc.property(t.arbitrary(mode), v => { expect(roundTrip(v as Pdu)).toEqual(v); }), { numRuns: 100 });
    }
  });

  it.each(pduTypes.map(t => [t.name, t] as const))('%s: valid values have no violations', (_n, t) => {
    fc.assert(fc.property(t.arbitrary('valid'), v => { expect(validatePdu(v as Pdu)).toEqual([]); }), { numRuns: 200 });
  });

  it.each(pduTypes.map(t => [t.name, t] as const))('%s: near-valid values break at least one rule', (_n, t) => {
    fc.assert(fc.property(t.arbitrary('near-valid'), v => { expect(validatePdu(v as Pdu).length).toBeGreaterThan(0); }), { numRuns: 200 });
  });

  it('decoding arbitrary bytes throws nothing but DecodeError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 120 }), bytes => {
      try { const p = decodePduBytes(Buffer.from(bytes)); validatePdu(p); printPdu(p); } catch (e) { expect(e).toBeInstanceOf(DecodeError); }
    }), { numRuns: 2000 });
  });

  it('re-encodes decoded arbitrary full PDUs to the same bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 48, maxLength: 48 }), fc.uint8Array({ maxLength: 40 }), (bhs, tail) => {
      const b = Buffer.from(bhs); b[4] = 0; b[5] = 0; b[6] = 0; b[7] = tail.length;
      const p = decodePduBytes(Buffer.concat([b, Buffer.from(tail), Buffer.alloc((4 - (tail.length & 3)) & 3)]));
      expect(encodePduBytes(p).subarray(0, 48 + tail.length)).toEqual(Buffer.concat([b, Buffer.from(tail)]));
    }), { numRuns: 1000 });
  });
});

describe('specific PDUs', () => {
  it('a Login reject may carry any T, CSG and NSG: they are reserved there (§6.3.1)', () => {
    const echo = makePdu('LoginResponse', { transit: true, csg: 2, nsg: 0, statusClass: 2, statusDetail: 7, itt: 1 });
    expect(validatePdu(echo)).toEqual([]);
    expect(validatePdu({ ...echo, statusClass: 0, statusDetail: 0 }).map(v => v.rule)).toEqual(expect.arrayContaining(['pdu/login-stage', 'pdu/login-nsg-forward']));
  });

  it('encodes a Login Request as RFC 7143 §11.12 lays it out', () => {
    const p = makePdu('LoginRequest', { immediate: true, transit: true, csg: 1, nsg: 3, isid: 0x400001370000, tsih: 0, itt: 1, cid: 0, cmdSN: 7, expStatSN: 0, data: Buffer.from('a=b\0') });
    const { bhs } = encodePdu(p);
    expect(bhs.subarray(0, 8).toString('hex')).toBe('4387000000000004');
    expect(bhs.subarray(8, 14).toString('hex')).toBe('400001370000');
    expect(bhs.readUInt32BE(24)).toBe(7);
    expect(validatePdu(p)).toEqual([]);
    expect(printPdu(p)).toContain('LoginRequest I transit');
  });

  it('reports T and C both set, and an I bit missing, on a Login Request', () => {
    const p = makePdu('LoginRequest', { transit: true, continue: true, csg: 0, nsg: 1 });
    expect(validatePdu(p).map(v => v.rule).sort()).toEqual(['pdu/login-immediate', 'pdu/login-t-and-c']);
  });

  it('decodes an unknown opcode to a Raw PDU and flags it, but accepts vendor opcodes', () => {
    const b = Buffer.alloc(48); b[0] = 0x0b;
    const p = decodePdu(b);
    expect(p.type).toBe('Raw');
    expect(validatePdu(p).map(v => v.rule)).toEqual(['pdu/unknown-opcode']);
    b[0] = 0x3c;
    expect(validatePdu(decodePdu(b))).toEqual([]);
  });

  it('writes lying lengths when asked, so hostile PDUs can be sent', () => {
    const { bhs } = encodePdu(makePdu('NopOut', { immediate: true }), { dataSegmentLength: 0xffffff, totalAHSLength: 255 });
    expect(bhs.subarray(4, 8).toString('hex')).toBe('ffffffff');
  });

  it('keeps an AHS chain that does not parse as raw bytes and reports it', () => {
    const p = decodePdu(encodePdu(makePdu('ScsiCommand', { final: true })).bhs, Buffer.from('00ff0100', 'hex'));
    expect(p.ahs).toEqual([{ raw: Buffer.from('00ff0100', 'hex') }]);
    expect(validatePdu(p).map(v => v.rule)).toContain('pdu/ahs-length');
  });

  it('carries an extended CDB AHS with its length = CDB length - 15', () => {
    const ext = Buffer.alloc(16, 0xab);
    const p = makePdu('ScsiCommand', { final: true, ahs: [{ ahsType: 1, specific: 0, data: ext }] });
    const e = encodePdu(p);
    expect(e.bhs[4]).toBe(5);
    expect(e.ahs.readUInt16BE(0)).toBe(17);
    expect(decodePdu(e.bhs, e.ahs, e.data)).toEqual(p);
  });
});

describe('encodePduInto', () => {
  it('writes the bytes of encodePduBytes back to back, for any PDU in any mode, Raw included', () => {
    fc.assert(fc.property(fc.array(arbitraryPdu('any'), { maxLength: 4 }), pdus => {
      const out = Buffer.alloc(pdus.reduce((n, p) => n + encodedLength(p), 0));
      let at = 0;
      for (const p of pdus) at = encodePduInto(p, out, at);
      expect(at).toBe(out.length);
      expect(out).toEqual(Buffer.concat(pdus.map(p => encodePduBytes(p))));
    }), { numRuns: 100 });
  });
});
