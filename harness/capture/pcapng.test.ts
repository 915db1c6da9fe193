// pcapng: per-interface link type and timestamp resolution, both byte orders, SPB, cut and corrupt blocks.
import { describe, expect, it } from 'vitest';
import { readPcapng } from './pcapng.js';
import { pcapngFile } from './synth.js';

const data = Buffer.from('frame bytes!');

describe('readPcapng', () => {
  it.each([true, false])('reads interfaces with their own link type and resolution (le=%s)', (le) => {
    const f = pcapngFile(
      [{ linkType: 1 }, { linkType: 276, tsresol: 9 }, { linkType: 101, tsresol: 0x80 | 10 }],
      [
        { iface: 0, ticks: 1_700_000_000_500_000n, data },
        { iface: 1, ticks: 1_700_000_000_123_456_789n, data },
        { iface: 2, ticks: 1024n * 5n + 512n, data },
        { iface: 0, ticks: 0n, data, simple: true },
      ],
      { le },
    );
    const got = [...readPcapng(f)];
    expect(got.map((p) => p.linkType)).toEqual([1, 276, 101, 1]);
    expect(got[0]!.time).toBeCloseTo(1_700_000_000.5, 6);
    expect(got[1]!.time).toBeCloseTo(1_700_000_000.123456789, 6);
    expect(got[2]!.time).toBe(5.5);
    expect(got[3]!.time).toBe(got[2]!.time); // an SPB has no timestamp of its own
    expect(got.every((p) => p.data.equals(data))).toBe(true);
  });

  it('throws ERR_CAPTURE_TRUNCATED for a cut block and ERR_CAPTURE_FORMAT for a bad trailer', () => {
    const f = pcapngFile([{ linkType: 1 }], [{ iface: 0, ticks: 1n, data }]);
    expect(() => [...readPcapng(f.subarray(0, f.length - 10))]).toThrow(expect.objectContaining({ code: 'ERR_CAPTURE_TRUNCATED' }));
    const bad = Buffer.from(f);
    bad.writeUInt32LE(1234, bad.length - 4);
    expect(() => [...readPcapng(bad)]).toThrow(expect.objectContaining({ code: 'ERR_CAPTURE_FORMAT' }));
  });

  it('refuses a packet on an undescribed interface', () => {
    const f = pcapngFile([{ linkType: 1 }], [{ iface: 3, ticks: 1n, data }]);
    expect(() => [...readPcapng(f)]).toThrow(expect.objectContaining({ code: 'ERR_CAPTURE_FORMAT' }));
  });
});
