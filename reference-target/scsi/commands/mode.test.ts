// MODE SENSE / MODE SELECT: pages, PC, DBD, block descriptors, D_SENSE and SWP effects, parameter list checks, 2A/01.
import { describe, expect, it } from 'vitest';
import { be16, device, I2, read16, run, sense, write10 } from '../scsi.test-helpers.js';

const ms6 = (page: number, pc = 0, dbd = false, sub = 0, alloc = 255) => [0x1a, dbd ? 8 : 0, (pc << 6) | page, sub, alloc, 0];
const ms10 = (page: number, llbaa = false) => [0x5a, llbaa ? 0x10 : 0, page, 0, 0, 0, 0, ...be16(1024), 0];
const select6 = (len: number, sp = false) => [0x15, 0x10 | (sp ? 1 : 0), 0, 0, len, 0];

async function controlPage(dev: Awaited<ReturnType<typeof device>>) {
  const d = (await run(dev, ms6(0x0a, 0, true))).dataIn!;
  return Buffer.from(d.subarray(4, 4 + 12));
}

describe('MODE SENSE', () => {
  it('all pages: header, 8-byte block descriptor, pages 0x01 0x08 0x0A 0x1C; DPOFUA set', async () => {
    const d = (await run(await device(), ms6(0x3f))).dataIn!;
    expect(d[0]).toBe(d.length - 1);
    expect(d[2] & 0x10).toBe(0x10);
    expect(d[3]).toBe(8);
    expect(d.readUInt32BE(4)).toBe(2048);
    expect(d.readUIntBE(9, 3)).toBe(512);
    const codes: number[] = [];
    for (let at = 12; at < d.length; at += 2 + d[at + 1]) codes.push(d[at] & 0x3f);
    expect(codes).toEqual([0x01, 0x08, 0x0a, 0x1c]);
  });
  it('DBD drops the descriptor; LLBAA gives a 16-byte one in MODE SENSE(10)', async () => {
    const dev = await device();
    expect((await run(dev, ms6(0x08, 0, true))).dataIn![3]).toBe(0);
    const d = (await run(dev, ms10(0x08, true))).dataIn!;
    expect([d[4] & 1, d.readUInt16BE(6)]).toEqual([1, 16]);
    expect(d.readBigUInt64BE(8)).toBe(2048n);
  });
  it('saved values are SAVING PARAMETERS NOT SUPPORTED; an unknown page or subpage is INVALID FIELD IN CDB', async () => {
    const dev = await device();
    expect(sense(await run(dev, ms6(0x0a, 3)))).toMatchObject({ key: 5, asc: 0x39, ascq: 0 });
    expect(sense(await run(dev, ms6(0x19)))).toMatchObject({ asc: 0x24, sks: { byte: 2, bit: 5 } });
    expect(sense(await run(dev, ms6(0x0a, 0, false, 1)))).toMatchObject({ asc: 0x24, sks: { byte: 3 } });
  });
  it('changeable values show D_SENSE and SWP as changeable', async () => {
    const d = (await run(await device(), ms6(0x0a, 1, true))).dataIn!;
    expect([d[6] & 0x04, d[8] & 0x08]).toEqual([0x04, 0x08]);
  });
});

describe('MODE SELECT', () => {
  it('D_SENSE=1 makes CHECK CONDITION sense descriptor format; other nexuses get MODE PARAMETERS CHANGED', async () => {
    const dev = await device();
    const page = await controlPage(dev);
    page[2] |= 0x04;
    const list = Buffer.concat([Buffer.alloc(4), page]);
    expect((await run(dev, select6(list.length), { data: list })).status).toBe(0);
    const r = await run(dev, read16(0xffffffffffffffffn, 1));
    expect(r.sense![0]).toBe(0x72);
    expect(sense(r)).toMatchObject({ key: 5, asc: 0x21 });
    expect(sense(await run(dev, [0, 0, 0, 0, 0, 0], { nexus: I2 }))).toMatchObject({ key: 6, asc: 0x2a, ascq: 0x01 });
  });
  it('SWP=1 makes writes DATA PROTECT while reads still work', async () => {
    const dev = await device();
    const page = await controlPage(dev);
    page[4] |= 0x08;
    const list = Buffer.concat([Buffer.alloc(4), page]);
    await run(dev, select6(list.length), { data: list });
    expect(sense(await run(dev, write10(0, 1), { data: Buffer.alloc(512) }))).toMatchObject({ key: 7, asc: 0x27 });
    expect((await run(dev, [0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0])).status).toBe(0);
    expect((await run(dev, ms6(0x3f))).dataIn![2] & 0x80).toBe(0x80);
  });
  it('rejects a non-changeable bit, an unknown page, a wrong page length, SP=1 and a short list', async () => {
    const dev = await device();
    const page = await controlPage(dev);
    const bad = Buffer.from(page); bad[3] ^= 0x80;
    expect(sense(await run(dev, select6(16), { data: Buffer.concat([Buffer.alloc(4), bad]) }))).toMatchObject({ asc: 0x26, sks: { cd: false, byte: 7, bit: 7 } });
    const unknown = Buffer.from([0, 0, 0, 0, 0x19, 2, 0, 0]);
    expect(sense(await run(dev, select6(8), { data: unknown }))).toMatchObject({ asc: 0x26, sks: { byte: 4 } });
    const wrongLen = Buffer.from(page); wrongLen[1] = 9;
    expect(sense(await run(dev, select6(15), { data: Buffer.concat([Buffer.alloc(4), wrongLen.subarray(0, 11)]) }))).toMatchObject({ asc: 0x26, sks: { byte: 5 } });
    expect(sense(await run(dev, select6(16, true), { data: Buffer.concat([Buffer.alloc(4), page]) }))).toMatchObject({ asc: 0x24, sks: { byte: 1, bit: 0 } });
    expect(sense(await run(dev, select6(16), { data: Buffer.concat([Buffer.alloc(4), page]).subarray(0, 10), edtl: 10 }))).toMatchObject({ asc: 0x1a });
    expect((await run(dev, select6(0))).status).toBe(0);
  });
});
