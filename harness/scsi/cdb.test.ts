// Generic properties over every registered CDB declaration: round trip, validity, near-valid,
// full bit coverage, garbage input; plus a few hand-checked encodings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uncoveredBits } from '../codec/struct.js';
import { DecodeError } from '../errors.js';
import { registeredCdbs } from './cdb.js';
import { Inquiry, Read6, Read10, ReadCapacity16, Verify10 as VerifyLike } from './commands/index.js';
import { decodeCdb } from './decode-cdb.js';

const all = registeredCdbs();

describe.each(all.map(c => [c.name, c] as const))('%s', (_name, cdb) => {
  it('covers every bit of the CDB with a field', () => {
    expect(uncoveredBits(cdb.struct.fields, cdb.size)).toEqual([]);
  });
  it('round-trips valid and edge values', () => {
    for (const mode of ['valid', 'edge'] as const) {
      fc.assert(fc.property(cdb.arbitrary(mode), v => { expect(cdb.decode(cdb.encode(v))).toEqual(v); }));
    }
  });
  it('finds no violation in valid values', () => {
    fc.assert(fc.property(cdb.arbitrary('valid'), v => { expect(cdb.validate(v)).toEqual([]); }));
  });
  it('names the broken field of a near-valid value', () => {
    fc.assert(fc.property(cdb.nearValid(), ({ value, broken }) => {
      const back = cdb.decode(cdb.encode(value));
      expect(cdb.validate(back).map(v => v.field)).toContain(broken);
    }));
  });
  it('is found by decodeCdb from its own encoding', () => {
    fc.assert(fc.property(cdb.arbitrary('any'), v => {
      const d = decodeCdb(cdb.encode(v));
      expect(d.known && d.cdb).toBe(cdb);
    }));
  });
});

describe('decodeCdb', () => {
  it('throws nothing but DecodeError on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 32 }), b => {
      try { decodeCdb(b); } catch (e) { expect(e).toBeInstanceOf(DecodeError); }
    }));
  });
  it('returns unknown opcodes and service actions as raw values', () => {
    expect(decodeCdb(Buffer.from('c000000000000000', 'hex'))).toMatchObject({ known: false, reason: 'unknown-opcode', opcode: 0xc0 });
    expect(decodeCdb(Buffer.from('9e1f0000000000000000000000000000', 'hex'))).toMatchObject({ known: false, reason: 'unknown-service-action', opcode: 0x9e, serviceAction: 0x1f });
  });
  it('throws DecodeError with a code for an empty or short CDB', () => {
    expect(() => decodeCdb(Buffer.alloc(0))).toThrow(expect.objectContaining({ code: 'ERR_SHORT_CDB' }));
    expect(() => decodeCdb(Buffer.from('2800', 'hex'))).toThrow(expect.objectContaining({ code: 'ERR_SHORT_STRUCT' }));
  });
});

describe('transfer lengths and accessors', () => {
  it('READ(6) transfer length 0 means 256 blocks', () => {
    const v = Read6.make({ lbaHigh: 0x1f, lbaLow: 0xffff, transferLength: 0 });
    expect(Read6.transferLength(v, 512)).toBe(256 * 512);
    expect(Read6.lba!(v)).toBe(0x1fffffn);
    expect(Read6.encode(v).toString('hex')).toBe('081fffff0000');
  });
  it('READ(10) moves blocks x block size', () => {
    const v = Read10.make({ lba: 0x64, transferLength: 2 });
    expect(Read10.encode(v).toString('hex')).toBe('28000000006400000200');
    expect(Read10.transferLength(v, 4096)).toBe(8192);
  });
  it('VERIFY moves data only when BYTCHK asks for it', () => {
    expect(VerifyLike.transferLength(VerifyLike.make({ bytchk: 0, verificationLength: 8 }), 512)).toBe(0);
    expect(VerifyLike.transferLength(VerifyLike.make({ bytchk: 1, verificationLength: 8 }), 512)).toBe(4096);
  });
  it('INQUIRY reports a page code without EVPD and a set CMDDT', () => {
    const rules = Inquiry.validate(Inquiry.decode(Buffer.from('120280002400', 'hex'))).map(v => v.rule);
    expect(rules).toEqual(expect.arrayContaining(['scsi/cdb/cmdDt', 'scsi/inquiry-page-code-without-evpd']));
  });
  it('reports CONTROL byte LINK and reserved bits', () => {
    const rules = ReadCapacity16.validate(ReadCapacity16.decode(Buffer.from('9e100000000000000000000000200009', 'hex'))).map(v => v.field);
    expect(rules).toEqual(['rsv15', 'link']);
  });
  it('prints one line with the command name', () => {
    expect(Read10.print(Read10.make({ lba: 7, transferLength: 1 }))).toMatch(/^READ\(10\) .*lba=7.*transferLength=1/);
  });
});
