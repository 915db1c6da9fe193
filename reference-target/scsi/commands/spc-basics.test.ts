// TEST UNIT READY, INQUIRY, REQUEST SENSE, REPORT LUNS and the generic checks (opcode, LUN, CDB fields).
import { describe, expect, it } from 'vitest';
import { lunFromNumber } from '../../../harness/scsi/lun.js';
import { be16, be32, device, I1, run, sense } from '../scsi.test-helpers.js';

describe('INQUIRY', () => {
  it('standard data claims SPC-4, response data format 2 and the SPC-4/SBC-3 version descriptors', async () => {
    const r = await run(await device(), [0x12, 0, 0, ...be16(255), 0]);
    const d = r.dataIn!;
    expect(r.status).toBe(0);
    expect(d[0]).toBe(0x00);
    expect(d[2]).toBe(0x06);
    expect(d[3] & 0x0f).toBe(2);
    expect(d[4]).toBe(d.length - 5);
    const descs = [0, 1, 2, 3].map(i => d.readUInt16BE(58 + 2 * i));
    expect(descs).toContain(0x0460);
    expect(descs).toContain(0x04c0);
    expect(r.transferLength).toBe(255);
  });

  it('honours the allocation length, including 0 and 511 vs 512 giving the same bytes', async () => {
    const dev = await device();
    expect((await run(dev, [0x12, 0, 0, 0, 10, 0])).dataIn!.length).toBe(10);
    const zero = await run(dev, [0x12, 0, 0, 0, 0, 0]);
    expect(zero.status).toBe(0);
    expect(zero.dataIn?.length ?? 0).toBe(0);
    const a = await run(dev, [0x12, 1, 0x83, ...be16(511), 0]);
    const b = await run(dev, [0x12, 1, 0x83, ...be16(512), 0]);
    expect(a.dataIn!.equals(b.dataIn!)).toBe(true);
  });

  it('EVPD=0 with a page code is INVALID FIELD IN CDB pointing at byte 2', async () => {
    const s = sense(await run(await device(), [0x12, 0, 0x83, 0, 96, 0]));
    expect(s).toMatchObject({ key: 5, asc: 0x24, ascq: 0, sks: { cd: true, byte: 2 } });
  });

  it('lists the VPD pages in order and serves each; an unknown page is INVALID FIELD IN CDB', async () => {
    const dev = await device();
    const p0 = (await run(dev, [0x12, 1, 0x00, 0, 255, 0])).dataIn!;
    const pages = [...p0.subarray(4, 4 + p0.readUInt16BE(2))];
    expect(pages).toEqual([0x00, 0x80, 0x83, 0xb0, 0xb1, 0xb2]);
    for (const p of pages) {
      const r = await run(dev, [0x12, 1, p, 0, 255, 0]);
      expect(r.status).toBe(0);
      expect(r.dataIn![1]).toBe(p);
      expect(r.dataIn!.readUInt16BE(2)).toBe(r.dataIn!.length - 4);
    }
    expect(sense(await run(dev, [0x12, 1, 0xc7, 0, 255, 0]))).toMatchObject({ key: 5, asc: 0x24, sks: { byte: 2 } });
  });

  it('device identification has an NAA, a T10 vendor id, a relative target port and a target port group designator', async () => {
    const d = (await run(await device(), [0x12, 1, 0x83, 0, 255, 0])).dataIn!;
    const types: Array<[number, number]> = [];
    for (let at = 4; at < d.length; at += 4 + d[at + 3]) types.push([(d[at + 1] >> 4) & 3, d[at + 1] & 0xf]);
    expect(types).toEqual(expect.arrayContaining([[0, 3], [0, 1], [1, 4], [1, 5], [2, 8]]));
  });

  it('block limits and provisioning pages advertise the limits and LBPU/LBPWS/LBPWS10/LBPRZ', async () => {
    const dev = await device();
    const bl = (await run(dev, [0x12, 1, 0xb0, 0, 255, 0])).dataIn!;
    expect(bl.readUInt16BE(2)).toBe(0x3c);
    expect(bl[5]).toBe(64);
    const lbp = (await run(dev, [0x12, 1, 0xb2, 0, 255, 0])).dataIn!;
    expect(lbp[5] & 0xe4).toBe(0xe4);
    expect(lbp[6] & 7).toBe(2);
  });

  it('a LUN that does not exist gets peripheral qualifier 3 / type 0x1F', async () => {
    const r = await run(await device(), [0x12, 0, 0, 0, 96, 0], { lun: 5 });
    expect(r.status).toBe(0);
    expect(r.dataIn![0]).toBe(0x7f);
  });
});

describe('LUN and opcode checks', () => {
  it('other commands to a missing LUN get LOGICAL UNIT NOT SUPPORTED; REQUEST SENSE reports it with GOOD', async () => {
    const dev = await device();
    expect(sense(await run(dev, [0x00, 0, 0, 0, 0, 0], { lun: 3 }))).toMatchObject({ key: 5, asc: 0x25, ascq: 0 });
    const rs = await run(dev, [0x03, 0, 0, 0, 18, 0], { lun: 3 });
    expect(rs.status).toBe(0);
    expect(rs.dataIn![2] & 0xf).toBe(5);
    expect(rs.dataIn![12]).toBe(0x25);
    expect(sense(await run(dev, [0x00, 0, 0, 0, 0, 0], { lun: 0xc000000000000000n }))).toMatchObject({ asc: 0x25 });
  });

  it('an unknown opcode is INVALID COMMAND OPERATION CODE; an unknown service action is INVALID FIELD IN CDB byte 1', async () => {
    const dev = await device();
    expect(sense(await run(dev, [0xc5, 0, 0, 0, 0, 0]))).toMatchObject({ key: 5, asc: 0x20, ascq: 0 });
    expect(sense(await run(dev, [0x9e, 0x1f, ...Array(14).fill(0)]))).toMatchObject({ key: 5, asc: 0x24, sks: { byte: 1, bit: 4 } });
  });

  it('a reserved bit set is INVALID FIELD IN CDB with byte and bit pointer; NACA=1 too', async () => {
    const dev = await device();
    expect(sense(await run(dev, [0x00, 0, 0, 0x10, 0, 0]))).toMatchObject({ key: 5, asc: 0x24, sks: { cd: true, byte: 3, bit: 4 } });
    expect(sense(await run(dev, [0x00, 0, 0, 0, 0, 0x04]))).toMatchObject({ asc: 0x24, sks: { byte: 5, bit: 2 } });
  });

  it('TEST UNIT READY is GOOD once the power-on unit attention is reported', async () => {
    const dev = await device(undefined, [], false);
    expect(sense(await run(dev, [0, 0, 0, 0, 0, 0]))).toMatchObject({ key: 6, asc: 0x29, ascq: 0 });
    expect((await run(dev, [0, 0, 0, 0, 0, 0])).status).toBe(0);
  });
});

describe('REPORT LUNS', () => {
  const luns = [0, 1, 300].map(lun => ({ lun, backing: 'ram' as const, size: 1024 * 1024, blockSize: 512 as const }));
  it('lists every LUN, peripheral below 256 and flat above', async () => {
    const d = (await run(await device(luns), [0xa0, 0, 0, 0, 0, 0, ...be32(4096), 0, 0])).dataIn!;
    expect(d.readUInt32BE(0)).toBe(24);
    expect([8, 16, 24].map(at => d.readBigUInt64BE(at))).toEqual([lunFromNumber(0), lunFromNumber(1), lunFromNumber(300)]);
    expect(d[24]).toBe(0x41);
  });
  it('SELECT REPORT 1 (well-known only) is empty; 3 is INVALID FIELD IN CDB; allocation length 15 is INVALID FIELD IN CDB', async () => {
    const dev = await device(luns);
    expect((await run(dev, [0xa0, 0, 1, 0, 0, 0, ...be32(4096), 0, 0])).dataIn!.readUInt32BE(0)).toBe(0);
    expect(sense(await run(dev, [0xa0, 0, 3, 0, 0, 0, ...be32(4096), 0, 0]))).toMatchObject({ asc: 0x24, sks: { byte: 2 } });
    expect(sense(await run(dev, [0xa0, 0, 0, 0, 0, 0, ...be32(15), 0, 0]))).toMatchObject({ asc: 0x24, sks: { byte: 6 } });
  });
  it('runs on a LUN that does not exist and despite a pending unit attention', async () => {
    const dev = await device(luns, [], false);
    expect((await run(dev, [0xa0, 0, 0, 0, 0, 0, ...be32(4096), 0, 0], { lun: 77, nexus: I1 })).status).toBe(0);
    expect((await run(dev, [0xa0, 0, 0, 0, 0, 0, ...be32(4096), 0, 0], { lun: 0 })).status).toBe(0);
    expect(sense(await run(dev, [0, 0, 0, 0, 0, 0]))).toMatchObject({ key: 6 });
  });
});

describe('REQUEST SENSE', () => {
  it('returns and clears a pending unit attention, in descriptor format when DESC=1', async () => {
    const dev = await device(undefined, [], false);
    const r = await run(dev, [0x03, 1, 0, 0, 252, 0]);
    expect(r.status).toBe(0);
    expect(r.dataIn![0]).toBe(0x72);
    expect([r.dataIn![1], r.dataIn![2]]).toEqual([6, 0x29]);
    const again = await run(dev, [0x03, 0, 0, 0, 252, 0]);
    expect([again.dataIn![0], again.dataIn![2], again.dataIn![12]]).toEqual([0x70, 0, 0]);
    expect((await run(dev, [0, 0, 0, 0, 0, 0])).status).toBe(0);
  });
});
