// Unit attention lifecycle through the device: power-on per nexus, resets, nexus loss, exempt commands.
import { describe, expect, it } from 'vitest';
import { device, I1, I2, nexus, run, sense } from './scsi.test-helpers.js';

const tur = [0, 0, 0, 0, 0, 0];

describe('unit attentions', () => {
  it('every nexus gets POWER ON, RESET OCCURRED (29/00) once, on its first non-exempt command', async () => {
    const dev = await device(undefined, [], false);
    expect((await run(dev, [0x12, 0, 0, 0, 36, 0])).status).toBe(0); // INQUIRY does not consume it
    expect(sense(await run(dev, tur))).toMatchObject({ key: 6, asc: 0x29, ascq: 0 });
    expect((await run(dev, tur)).status).toBe(0);
    expect(sense(await run(dev, tur, { nexus: I2 }))).toMatchObject({ key: 6, asc: 0x29 });
    expect(sense(await run(dev, tur, { nexus: nexus('iqn.test:late') }))).toMatchObject({ key: 6, asc: 0x29 });
  });
  it('a LUN reset or target reset raises it again for every nexus; ABORT TASK SET does not', async () => {
    const dev = await device();
    dev.reset('abort-task-set', I1, 0n);
    expect((await run(dev, tur)).status).toBe(0);
    dev.reset('lun-reset', I1, 0n);
    expect(sense(await run(dev, tur))).toMatchObject({ asc: 0x29 });
    expect(sense(await run(dev, tur, { nexus: I2 }))).toMatchObject({ asc: 0x29 });
    dev.reset('target-warm-reset', I2);
    expect(sense(await run(dev, tur, { nexus: I2 }))).toMatchObject({ asc: 0x29 });
  });
  it('a lost nexus that comes back starts with the unit attention again', async () => {
    const dev = await device();
    dev.nexusLost(I2);
    expect((await run(dev, tur)).status).toBe(0);
    expect(sense(await run(dev, tur, { nexus: I2 }))).toMatchObject({ asc: 0x29 });
  });
});
