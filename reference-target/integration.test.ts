// The iSCSI layer over the real SCSI layer (reference-target/scsi) in-process: write, read back, READ CAPACITY.
import { afterEach, describe, expect, it } from 'vitest';
import { makePdu } from '../harness/pdu/registry.js';
import { startTarget } from './index.js';
import { RawClient } from './test-support/raw-client.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

describe('with the real SCSI layer', () => {
  it('writes with R2Ts, reads back split Data-In, and reports capacity', async () => {
    const iqn = 'iqn.2026-11.test:real';
    const t = await startTarget({ iqn, host: '127.0.0.1', port: 0, luns: [{ lun: 0, backing: 'ram', size: 1 << 20, blockSize: 512 }] });
    open.push({ close: () => t.close(0) });
    const c = await RawClient.connect(t.port); open.push(c);
    const r = await c.login(iqn, [{ key: 'InitialR2T', value: 'Yes' }, { key: 'MaxRecvDataSegmentLength', value: '512' }]);
    let sn = r.rsp.expCmdSN;
    // Clear the power-on unit attention first.
    c.send(makePdu('ScsiCommand', { final: true, itt: 1, cmdSN: sn++, cdb: Buffer.alloc(16) }));
    await c.expect('ScsiResponse');
    const data = Buffer.alloc(1024);
    for (let i = 0; i < data.length; i++) data[i] = i & 0xff;
    const w = Buffer.alloc(16); w[0] = 0x2a; w.writeUInt32BE(10, 2); w.writeUInt16BE(2, 7);
    c.send(makePdu('ScsiCommand', { final: true, write: true, itt: 2, expectedDataTransferLength: 1024, cmdSN: sn++, cdb: w }));
    const r2t = await c.expect('R2t');
    c.send(makePdu('DataOut', { final: true, itt: 2, ttt: r2t.ttt, dataSN: 0, bufferOffset: 0, data }));
    expect((await c.expect('ScsiResponse')).status).toBe(0);
    const rd = Buffer.from(w); rd[0] = 0x28;
    c.send(makePdu('ScsiCommand', { final: true, read: true, itt: 3, expectedDataTransferLength: 1024, cmdSN: sn++, cdb: rd }));
    const a = await c.expect('DataIn'), b = await c.expect('DataIn');
    expect(Buffer.concat([a.data, b.data]).equals(data)).toBe(true);
    expect(b.statusPresent).toBe(true);
    const cap = Buffer.alloc(16); cap[0] = 0x25;
    c.send(makePdu('ScsiCommand', { final: true, read: true, itt: 4, expectedDataTransferLength: 8, cmdSN: sn++, cdb: cap }));
    const d = await c.expect('DataIn');
    expect(d.data.readUInt32BE(0)).toBe(2047);
    expect(d.data.readUInt32BE(4)).toBe(512);
  });
});
