// check/residual judges only what the wire shows: a successful read's data. A write's SPDTL and an
// error's presented length are not visible, so a U count there is not second-guessed (§11.4.5.2).
import { describe, expect, it } from 'vitest';
import { makePdu } from '../../pdu/registry.js';
import { createChecker } from '../checker.js';

function session() {
  const c = createChecker({ mode: 'initiator' });
  c.onInitiatorPdu(makePdu('LoginRequest', { immediate: true, transit: true, csg: 1, nsg: 3, cmdSN: 1, itt: 1 }));
  c.onTargetPdu(makePdu('LoginResponse', { transit: true, csg: 1, nsg: 3, tsih: 5, itt: 1, statSN: 0, expCmdSN: 1, maxCmdSN: 32 }));
  return c;
}
const rsp = (itt: number, status: number, residualCount: number) =>
  makePdu('ScsiResponse', { final: true, itt, status, underflow: residualCount > 0, residualCount, statSN: 1, expCmdSN: 2, maxCmdSN: 33 });

describe('check/residual', () => {
  it('accepts a write whose U count is EDTL minus what the CDB wanted, though all EDTL bytes went as immediate data', () => {
    const c = session();
    c.onInitiatorPdu(makePdu('ScsiCommand', { final: true, write: true, itt: 2, cmdSN: 1, expectedDataTransferLength: 1024, data: Buffer.alloc(1024) }));
    expect(c.onTargetPdu(rsp(2, 0, 512)).map(v => v.rule)).not.toContain('check/residual');
  });

  it('accepts a U count after an error status, when SPDTL was never transferred', () => {
    const c = session();
    c.onInitiatorPdu(makePdu('ScsiCommand', { final: true, read: true, itt: 2, cmdSN: 1, expectedDataTransferLength: 4096 }));
    expect(c.onTargetPdu(rsp(2, 0x18, 3584)).map(v => v.rule)).not.toContain('check/residual');
  });

  it('still flags a successful read whose U count does not match the data sent', () => {
    const c = session();
    c.onInitiatorPdu(makePdu('ScsiCommand', { final: true, read: true, itt: 2, cmdSN: 1, expectedDataTransferLength: 4096 }));
    c.onTargetPdu(makePdu('DataIn', { final: true, itt: 2, dataSN: 0, bufferOffset: 0, statSN: 1, expCmdSN: 2, maxCmdSN: 33, data: Buffer.alloc(512) }));
    expect(c.onTargetPdu(rsp(2, 0, 100)).map(v => v.rule)).toContain('check/residual');
  });
});
