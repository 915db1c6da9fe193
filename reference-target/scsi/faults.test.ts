// Each SCSI fault changes exactly the behaviour its catalogue entry names (and the clean device does not).
import { describe, expect, it } from 'vitest';
import { be32, device, I2, read10, run, sense, write10 } from './scsi.test-helpers.js';
import { SCSI_FAULTS } from './faults.js';

const lun = [{ lun: 0, backing: 'ram' as const, size: 1024 * 1024, blockSize: 512 as const }];
const withFault = (id: string, drain = true) => device(lun, [id], drain);

describe('SCSI faults', () => {
  it('the catalogue has unique fault/ ids with a ref and description', () => {
    expect(SCSI_FAULTS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(SCSI_FAULTS.map(f => f.id)).size).toBe(SCSI_FAULTS.length);
    for (const f of SCSI_FAULTS) expect(f.id.startsWith('fault/') && f.ref.length > 0 && f.description.length > 0).toBe(true);
  });
  it('sense-unknown-opcode-wrong gives 24/00 for an unknown opcode', async () => {
    expect(sense(await run(await withFault('fault/sense-unknown-opcode-wrong'), [0xc5, 0, 0, 0, 0, 0]))).toMatchObject({ asc: 0x24 });
  });
  it('read-beyond-end-ok reads past the end with GOOD', async () => {
    expect((await run(await withFault('fault/read-beyond-end-ok'), read10(5000, 1))).status).toBe(0);
  });
  it('write-lost drops LBA 0 of a write', async () => {
    const dev = await withFault('fault/write-lost');
    expect((await run(dev, write10(0, 2), { data: Buffer.alloc(1024, 9) })).status).toBe(0);
    const back = (await run(dev, read10(0, 2))).dataIn!;
    expect(back.subarray(0, 512).every(x => x === 0)).toBe(true);
    expect(back.subarray(512).every(x => x === 9)).toBe(true);
  });
  it('inquiry-alloc-overrun returns more than the allocation length', async () => {
    expect((await run(await withFault('fault/inquiry-alloc-overrun'), [0x12, 0, 0, 0, 8, 0])).dataIn!.length).toBeGreaterThan(8);
  });
  it('ua-never skips the power-on unit attention', async () => {
    expect((await run(await withFault('fault/ua-never', false), [0, 0, 0, 0, 0, 0])).status).toBe(0);
  });
  it('compare-and-write-no-miscompare writes despite a mismatch', async () => {
    const dev = await withFault('fault/compare-and-write-no-miscompare');
    const data = Buffer.concat([Buffer.alloc(512, 1), Buffer.alloc(512, 2)]);
    expect((await run(dev, [0x89, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0], { data })).status).toBe(0);
  });
  it('reserve-ignored lets another nexus through a RESERVE(6)', async () => {
    const dev = await withFault('fault/reserve-ignored');
    await run(dev, [0x16, 0, 0, 0, 0, 0]);
    expect((await run(dev, [0x1a, 0, 0x3f, 0, 255, 0], { nexus: I2 })).status).toBe(0);
  });
  it('crash-on-cdb-reserved-bit throws for READ CAPACITY(10) byte 1 bit 5 only', async () => {
    const dev = await withFault('fault/crash-on-cdb-reserved-bit');
    await expect(run(dev, [0x25, 0x20, 0, 0, 0, 0, 0, 0, 0, 0])).rejects.toThrow();
    expect((await run(dev, [0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0])).status).toBe(0);
    const clean = await device(lun);
    expect(sense(await run(clean, [0x25, 0x20, 0, 0, 0, 0, 0, 0, 0, 0]))).toMatchObject({ asc: 0x24, sks: { byte: 1, bit: 5 } });
    expect((await run(clean, [0xa0, 0, 0, 0, 0, 0, ...be32(64), 0, 0])).status).toBe(0);
  });
});
