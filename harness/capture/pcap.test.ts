// Classic pcap: four magic variants, timestamps, cut and corrupt records.
import { describe, expect, it } from 'vitest';
import { readPcap } from './pcap.js';
import { pcapFile } from './synth.js';
import { CaptureError } from './types.js';

const frames = [
  { time: 1_700_000_000.25, data: Buffer.from('first frame') },
  { time: 1_700_000_001.000123, data: Buffer.from('second') },
];

describe('readPcap', () => {
  it.each([
    ['little-endian µs', { le: true, nano: false }],
    ['big-endian µs', { le: false, nano: false }],
    ['little-endian ns', { le: true, nano: true }],
    ['big-endian ns', { le: false, nano: true }],
  ])('reads %s', (_n, o) => {
    const got = [...readPcap(pcapFile(frames, { linkType: 113, ...o }))];
    expect(got.map((p) => p.data.toString())).toEqual(['first frame', 'second']);
    expect(got.map((p) => p.linkType)).toEqual([113, 113]);
    expect(got[1]!.time).toBeCloseTo(1_700_000_001.000123, 6);
    expect(got.map((p) => [p.record, p.fileOffset])).toEqual([[0, 24], [1, 24 + 16 + 11]]);
  });

  it('masks the FCS bits out of the link type', () => {
    const f = pcapFile(frames, { linkType: 1 });
    f.writeUInt32LE(0x10000001, 20);
    expect([...readPcap(f)][0]!.linkType).toBe(1);
  });

  it.each([
    ['inside a record header', 24 + 5, 'ERR_CAPTURE_TRUNCATED'],
    ['inside record data', 24 + 16 + 3, 'ERR_CAPTURE_TRUNCATED'],
    ['inside the global header', 10, 'ERR_CAPTURE_TRUNCATED'],
  ])('throws when cut %s', (_n, at, code) => {
    const f = pcapFile(frames, { linkType: 1 }).subarray(0, at);
    expect(() => [...readPcap(f)]).toThrow(expect.objectContaining({ code }));
  });

  it('calls an impossible fraction a format error', () => {
    const f = pcapFile(frames, { linkType: 1 });
    f.writeUInt32LE(2_000_000, 24 + 4);
    expect(() => [...readPcap(f)]).toThrow(CaptureError);
  });
});
