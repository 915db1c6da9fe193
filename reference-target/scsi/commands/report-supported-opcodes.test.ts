// REPORT SUPPORTED OPERATION CODES: all commands, one command (with and without SA), usage data, RCTD.
import { describe, expect, it } from 'vitest';
import { be16, be32, device, run, sense } from '../scsi.test-helpers.js';

const rsoc = (opts: number, op = 0, sa = 0, rctd = false) => [0xa3, 0x0c, (rctd ? 0x80 : 0) | opts, op, ...be16(sa), ...be32(8192), 0, 0];

describe('REPORT SUPPORTED OPERATION CODES', () => {
  it('lists every served command, READ(10) and SERVICE ACTION IN / READ CAPACITY(16) among them', async () => {
    const d = (await run(await device(), rsoc(0))).dataIn!;
    const n = d.readUInt32BE(0) / 8;
    const cmds = Array.from({ length: n }, (_, i) => d.subarray(4 + 8 * i, 12 + 8 * i));
    expect(cmds.some(c => c[0] === 0x28 && c.readUInt16BE(6) === 10 && (c[5] & 1) === 0)).toBe(true);
    expect(cmds.some(c => c[0] === 0x9e && c.readUInt16BE(2) === 0x10 && (c[5] & 1) === 1)).toBe(true);
    expect(cmds.filter(c => c[0] === 0x5f).length).toBe(7);
  });
  it('one command: usage data from the declaration; SA mismatch is INVALID FIELD IN CDB; unknown is "not supported"', async () => {
    const dev = await device();
    const r = (await run(dev, rsoc(1, 0x28))).dataIn!;
    expect(r[1] & 7).toBe(3);
    expect(r.readUInt16BE(2)).toBe(10);
    expect([...r.subarray(4, 14)]).toEqual([0x28, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x1f, 0xff, 0xff, 0x00]);
    expect((await run(dev, rsoc(2, 0x9e, 0x10))).dataIn![5] & 0x1f).toBe(0x10);
    expect(sense(await run(dev, rsoc(1, 0x9e)))).toMatchObject({ asc: 0x24, sks: { byte: 2 } });
    expect(sense(await run(dev, rsoc(2, 0x28, 1)))).toMatchObject({ asc: 0x24 });
    expect((await run(dev, rsoc(1, 0xc5))).dataIn![1] & 7).toBe(1);
    const t = (await run(dev, rsoc(1, 0x28, 0, true))).dataIn!;
    expect([t[1] & 0x80, t.length]).toEqual([0x80, 4 + 10 + 12]);
  });
});
