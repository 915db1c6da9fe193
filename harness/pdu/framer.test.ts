// Framer: split-invariance (property), digests, hostile lengths, digest errors, digest switching.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FrameError, Framer, type FramedPdu } from './framer.js';
import { toWire } from './wire.js';

interface Spec { opcode: number; itt: number; ahs: Uint8Array; data: Uint8Array }

const bhsFor = (s: Spec): Buffer => {
  const b = Buffer.alloc(48);
  b[0] = s.opcode;
  b[4] = s.ahs.length / 4;
  b.writeUIntBE(s.data.length, 5, 3);
  b.writeUInt32BE(s.itt, 16);
  return b;
};
const wire = (s: Spec, d: { h: boolean; d: boolean }): Buffer =>
  toWire({ bhs: bhsFor(s), ahs: s.ahs, data: s.data }, { headerDigest: d.h, dataDigest: d.d });

const specArb: fc.Arbitrary<Spec> = fc.record({
  opcode: fc.integer({ min: 0, max: 0x3f }),
  itt: fc.integer({ min: 0, max: 0xffffffff }),
  ahs: fc.integer({ min: 0, max: 3 }).chain((w) => fc.uint8Array({ minLength: w * 4, maxLength: w * 4 })),
  data: fc.uint8Array({ maxLength: 300 }),
});

// Plain values so that two framings compare field by field, memory sharing aside.
const plain = (p: FramedPdu) => ({
  ...p,
  bhs: p.bhs.toString('hex'), ahs: p.ahs.toString('hex'), data: p.data.toString('hex'),
  pad: p.pad.toString('hex'), headerDigest: p.headerDigest?.toString('hex') ?? null,
  dataDigest: p.dataDigest?.toString('hex') ?? null,
});

const splitAt = (buf: Buffer, cuts: number[]): Buffer[] => {
  const pts = [...new Set(cuts.map((c) => c % (buf.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of [...pts, buf.length]) { out.push(buf.subarray(prev, p)); prev = p; }
  return out;
};

const tooLong = (dsl: number): Buffer => { const b = Buffer.alloc(48); b[0] = 0x25; b.writeUIntBE(dsl, 5, 3); b.writeUInt32BE(7, 16); return b; };

describe('Framer', () => {
  it('gives the same PDUs however the bytes are split (digests on and off)', () => {
    fc.assert(fc.property(
      fc.array(specArb, { maxLength: 8 }), fc.boolean(), fc.boolean(), fc.array(fc.nat(), { maxLength: 20 }),
      (specs, h, d, cuts) => {
        const stream = Buffer.concat(specs.map((s) => wire(s, { h, d })));
        const one = new Framer({ headerDigest: h, dataDigest: d }).push(stream);
        const framer = new Framer({ headerDigest: h, dataDigest: d });
        const split = splitAt(stream, cuts).flatMap((c) => framer.push(c));
        framer.end();
        expect(split.map(plain)).toEqual(one.map(plain));
        expect(one.length).toBe(specs.length);
        let offset = 0;
        one.forEach((p, i) => {
          expect(p.bhs).toEqual(bhsFor(specs[i]!));
          expect(Buffer.from(p.ahs)).toEqual(Buffer.from(specs[i]!.ahs));
          expect(Buffer.from(p.data)).toEqual(Buffer.from(specs[i]!.data));
          expect(p.offset).toBe(offset);
          expect(p.index).toBe(i);
          expect(p.digestOk).toBe(h || (d && specs[i]!.data.length > 0) ? true : null);
          offset += wire(specs[i]!, { h, d }).length;
        });
        expect(framer.buffered).toBe(0);
      },
    ));
  });

  it('returns views of the chunk when a PDU lies within it', () => {
    const chunk = wire({ opcode: 0x25, itt: 1, ahs: new Uint8Array(0), data: Buffer.alloc(100, 1) }, { h: true, d: true });
    const [p] = new Framer({ headerDigest: true, dataDigest: true }).push(chunk);
    expect(p!.data.buffer).toBe(chunk.buffer);
    expect(p!.pad).toHaveLength(0);
    expect(p!.dataDigest).toHaveLength(4);
  });

  it('applies setDigests from the next PDU not yet returned', () => {
    const login: Spec = { opcode: 0x23, itt: 1, ahs: new Uint8Array(0), data: Buffer.from('HeaderDigest=CRC32C\0') };
    const cmd: Spec = { opcode: 0x25, itt: 2, ahs: new Uint8Array(0), data: Buffer.from('xyz') };
    const f = new Framer();
    f.write(Buffer.concat([wire(login, { h: false, d: false }), wire(cmd, { h: true, d: true })]));
    expect(f.next()!.digestOk).toBeNull();
    f.setDigests({ header: true, data: true });
    const p = f.next()!;
    expect(p.digestOk).toBe(true);
    expect(p.data.toString()).toBe('xyz');
    expect(f.next()).toBeNull();
  });

  it.each([
    ['DataSegmentLength', tooLong(8193), { maxDataSegmentLength: 8192 }, 'ERR_DATA_SEGMENT_TOO_LONG'],
    ['TotalAHSLength', (() => { const b = tooLong(0); b[4] = 255; return b; })(), { maxAhsLength: 64 }, 'ERR_AHS_TOO_LONG'],
  ] as const)('refuses a hostile %s as soon as the BHS is in, buffering nothing more', (_f, bhs, opts, code) => {
    const f = new Framer(opts);
    expect(f.push(bhs.subarray(0, 20))).toEqual([]);
    const err = (() => { try { f.push(bhs.subarray(20)); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(FrameError);
    expect(err).toMatchObject({ code, offset: 0, detail: { pduIndex: 0, opcode: 0x25, itt: 7 } });
    expect(f.buffered).toBe(48);
    expect(() => f.push(Buffer.alloc(4096))).toThrow(expect.objectContaining({ code }));
  });

  it('throws digest mismatches with index, offset, opcode, ITT, expected and actual', () => {
    const good: Spec = { opcode: 0x01, itt: 0x11, ahs: new Uint8Array(0), data: Buffer.from('ok') };
    const bad = wire({ opcode: 0x25, itt: 0xabcd, ahs: new Uint8Array(0), data: Buffer.from('data!') }, { h: true, d: true });
    const first = wire(good, { h: true, d: true });
    bad[49] ^= 0xff; // header digest
    const f = new Framer({ headerDigest: true, dataDigest: true });
    const err = (() => { try { f.push(Buffer.concat([first, bad])); } catch (e) { return e as FrameError; } })()!;
    expect(err.code).toBe('ERR_HEADER_DIGEST');
    expect(err.field).toBe('HeaderDigest');
    expect(err.detail).toMatchObject({ pduIndex: 1, pduOffset: first.length, opcode: 0x25, itt: 0xabcd });
    expect(err.detail.actual).toBe(bad.readUInt32LE(48));
    expect(err.detail.expected).toBe((bad.readUInt32LE(48) ^ 0xff00) >>> 0);
    expect(err.framed).toHaveLength(1);
    expect(err.message).toMatch(/PDU #1 .*offset 60 .*0x25.*0x0000abcd/);
  });

  it('reports a data digest mismatch as ERR_DATA_DIGEST, or marks it in inspect mode', () => {
    const w = wire({ opcode: 0x25, itt: 3, ahs: new Uint8Array(0), data: Buffer.from('abc') }, { h: false, d: true });
    w[w.length - 1] ^= 1;
    expect(() => new Framer({ dataDigest: true }).push(w)).toThrow(expect.objectContaining({ code: 'ERR_DATA_DIGEST' }));
    const marked = new Framer({ dataDigest: true, onDigestError: 'mark' }).push(Buffer.concat([w, w]));
    expect(marked.map((p) => p.digestOk)).toEqual([false, false]);
    expect(new Framer({ dataDigest: true, verifyDigests: false }).push(w)[0]!.digestOk).toBeNull();
  });

  it('end() throws when the stream stops inside a PDU', () => {
    const f = new Framer();
    f.push(wire({ opcode: 1, itt: 1, ahs: new Uint8Array(0), data: Buffer.alloc(10) }, { h: false, d: false }).subarray(0, 50));
    expect(() => f.end()).toThrow(expect.objectContaining({ code: 'ERR_PDU_TRUNCATED' }));
  });
});
