// READ/WRITE/VERIFY/WRITE AND VERIFY/COMPARE AND WRITE: integrity over RAM and file at 512 and 4096, range, protection, EDTL.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { be16, be32, be64, device, read10, read16, run, sense, write10, write16 } from '../scsi.test-helpers.js';

let dir = '';
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'scsi-rw-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const pattern = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff));

describe.each([['ram', 512], ['ram', 4096], ['file', 512], ['file', 4096]] as const)('%s LUN, %i-byte blocks', (backing, bs) => {
  const spec = () => [{ lun: 0, backing, blockSize: bs, size: 2 * 1024 * 1024, path: join(dir, `${backing}-${bs}-${Math.random()}.img`) }];
  it('data written by every WRITE form reads back through every READ form', async () => {
    const dev = await device(spec());
    const writes = [
      [0x0a, 0, 0, 3, 2, 0], write10(10, 2), [0xaa, 0, ...be32(20), ...be32(2), 0, 0], write16(30, 2), [0x2e, 0, ...be32(40), 0, ...be16(2), 0],
    ];
    const reads = [[0x08, 0, 0, 3, 2, 0], read10(10, 2), [0xa8, 0, ...be32(20), ...be32(2), 0, 0], read16(30, 2), read10(40, 2)];
    for (let i = 0; i < writes.length; i++) {
      const data = pattern(2 * bs, i);
      expect((await run(dev, writes[i], { data })).status).toBe(0);
      const r = await run(dev, reads[i]);
      expect(r.status).toBe(0);
      expect(r.dataIn!.equals(data)).toBe(true);
      expect(r.transferLength).toBe(2 * bs);
    }
    await dev.close();
  });

  it('the last block is usable, one past it is LBA OUT OF RANGE, also for 0 blocks and wrapping LBAs', async () => {
    const dev = await device(spec());
    const last = 2 * 1024 * 1024 / bs - 1;
    expect((await run(dev, write16(last, 1), { data: pattern(bs, 9) })).status).toBe(0);
    expect((await run(dev, read16(last, 1))).dataIn!.equals(pattern(bs, 9))).toBe(true);
    for (const cdb of [read16(last, 2), read16(last + 1, 0), read16(0xffffffffffffffffn, 1), read10(last + 2, 0), write16(last + 1, 1)]) {
      expect(sense(await run(dev, cdb, { data: Buffer.alloc(bs) }))).toMatchObject({ key: 5, asc: 0x21, ascq: 0 });
    }
    expect((await run(dev, read10(0, 0))).status).toBe(0);
    await dev.close();
  });
});

describe('READ / WRITE details', () => {
  it('READ(6) with length 0 moves 256 blocks', async () => {
    const r = await run(await device(), [0x08, 0, 0, 0, 0, 0]);
    expect(r.dataIn!.length).toBe(256 * 512);
  });
  it('non-zero RDPROTECT / WRPROTECT is INVALID FIELD IN CDB byte 1 bit 7; DPO and FUA are accepted', async () => {
    const dev = await device();
    expect(sense(await run(dev, read10(0, 1, 0x20)))).toMatchObject({ key: 5, asc: 0x24, sks: { byte: 1, bit: 7 } });
    expect(sense(await run(dev, write16(0, 1, 0xe0), { data: Buffer.alloc(512) }))).toMatchObject({ asc: 0x24, sks: { byte: 1, bit: 7 } });
    expect((await run(dev, read10(0, 1, 0x18))).status).toBe(0);
    expect((await run(dev, write10(0, 1, 0x18), { data: Buffer.alloc(512) })).status).toBe(0);
  });
  it('with EDTL below the transfer length only the bytes sent are written (libiscsi residual tests)', async () => {
    const dev = await device();
    await run(dev, write10(0, 2), { data: Buffer.alloc(1024, 0x61) });
    const r = await run(dev, write10(0, 2), { data: Buffer.alloc(200, 0x62), edtl: 200 });
    expect(r.status).toBe(0);
    expect(r.transferLength).toBe(1024);
    const back = (await run(dev, read10(0, 2))).dataIn!;
    expect(back.subarray(0, 200).every(x => x === 0x62)).toBe(true);
    expect(back.subarray(200).every(x => x === 0x61)).toBe(true);
  });
  it('a transfer above MAXIMUM TRANSFER LENGTH is INVALID FIELD IN CDB at the length field', async () => {
    expect(sense(await run(await device([{ lun: 0, backing: 'ram', size: 64 * 1024 * 1024, blockSize: 512 }]), read16(0, 16385))))
      .toMatchObject({ asc: 0x24, sks: { byte: 10 } });
  });
});

describe('VERIFY and COMPARE AND WRITE', () => {
  const verify16 = (lba: number, n: number, bytchk: number) => [0x8f, bytchk << 1, ...be64(BigInt(lba)), ...be32(n), 0, 0];
  const caw = (lba: number, n: number) => [0x89, 0, ...be64(BigInt(lba)), 0, 0, 0, n, 0, 0];
  it('VERIFY BYTCHK=1 is GOOD on equal data and MISCOMPARE 1D/00 with the offset otherwise; BYTCHK=0 needs no data', async () => {
    const dev = await device();
    const data = pattern(1024, 3);
    await run(dev, write10(4, 2), { data });
    expect((await run(dev, verify16(4, 2, 1), { data })).status).toBe(0);
    const bad = Buffer.from(data); bad[700] ^= 1;
    expect(sense(await run(dev, verify16(4, 2, 1), { data: bad }))).toMatchObject({ key: 0xe, asc: 0x1d, ascq: 0, info: 700n });
    expect((await run(dev, verify16(4, 2, 0))).status).toBe(0);
    expect(sense(await run(dev, verify16(2047, 2, 0)))).toMatchObject({ asc: 0x21 });
    expect(sense(await run(dev, [0x2f, 0x20, 0, 0, 0, 0, 0, 0, 1, 0]))).toMatchObject({ asc: 0x24, sks: { byte: 1, bit: 7 } });
  });
  it('COMPARE AND WRITE writes on a match, and on a mismatch writes nothing and reports the offset', async () => {
    const dev = await device();
    const old = pattern(512, 1), neu = pattern(512, 2);
    await run(dev, write10(8, 1), { data: old });
    expect((await run(dev, caw(8, 1), { data: Buffer.concat([old, neu]) })).status).toBe(0);
    expect((await run(dev, read10(8, 1))).dataIn!.equals(neu)).toBe(true);
    const wrong = Buffer.from(neu); wrong[17] ^= 0xff;
    expect(sense(await run(dev, caw(8, 1), { data: Buffer.concat([wrong, old]) }))).toMatchObject({ key: 0xe, asc: 0x1d, info: 17n });
    expect((await run(dev, read10(8, 1))).dataIn!.equals(neu)).toBe(true);
  });
  it('COMPARE AND WRITE above the maximum length is INVALID FIELD IN CDB byte 13; a wrong EDTL is ILLEGAL REQUEST', async () => {
    const dev = await device();
    expect(sense(await run(dev, caw(0, 65), { data: Buffer.alloc(65 * 1024) }))).toMatchObject({ key: 5, asc: 0x24, sks: { byte: 13 } });
    expect(sense(await run(dev, caw(0, 1), { data: Buffer.alloc(2048) }))).toMatchObject({ key: 5, asc: 0x0e, ascq: 3 });
  });
});
