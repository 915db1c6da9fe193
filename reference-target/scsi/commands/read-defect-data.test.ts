// READ DEFECT DATA (10, 12): an empty defect list header echoing the format and the lists asked for.
import { describe, expect, it } from 'vitest';
import { be16, be32, device, run, sense } from '../scsi.test-helpers.js';

const rdd10 = (req: number, alloc: number) => [0x37, 0, req, 0, 0, 0, 0, ...be16(alloc), 0];
const rdd12 = (req: number, alloc: number, index = 0) => [0xb7, req, ...be32(index), ...be32(alloc), 0, 0];
const PLIST = 0x10, GLIST = 0x08;

describe('READ DEFECT DATA', () => {
  it('(10) as libiscsi sends it (no lists, short block format, 32 bytes) returns the 4-byte header alone', async () => {
    const r = await run(await device(), rdd10(0, 32));
    expect(r.status).toBe(0);
    expect([...r.dataIn!]).toEqual([0, 0, 0, 0]);
  });
  it('(10) echoes PLIST, GLIST and the long block format (3) with DEFECT LIST LENGTH 0', async () => {
    expect([...(await run(await device(), rdd10(PLIST | GLIST | 3, 255))).dataIn!]).toEqual([0, 0x18 | 3, 0, 0]);
  });
  it('(12) returns the 8-byte header: GENERATION CODE 0 (unsupported), no descriptors, whatever the index', async () => {
    const r = await run(await device(), rdd12(GLIST | 5, 64, 7));
    expect(r.status).toBe(0);
    expect([...r.dataIn!]).toEqual([0, 0x08 | 5, 0, 0, 0, 0, 0, 0]);
  });
  it('is cut to the ALLOCATION LENGTH', async () => {
    expect((await run(await device(), rdd12(0, 3))).dataIn!.length).toBe(3);
  });
  it('the reserved DEFECT LIST FORMAT 7 is INVALID FIELD IN CDB', async () => {
    expect(sense(await run(await device(), rdd10(7, 32)))).toMatchObject({ key: 5, asc: 0x24, sks: { cd: true, byte: 2 } });
    expect(sense(await run(await device(), rdd12(7, 32)))).toMatchObject({ key: 5, asc: 0x24, sks: { cd: true, byte: 1 } });
  });
});
