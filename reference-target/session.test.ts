// Multi-connection sessions (RFC 7143 §6.3): adding a connection by TSIH within MaxConnections, and the limit.
import { afterEach, describe, expect, it } from 'vitest';
import { makePdu } from '../harness/pdu/registry.js';
import { RawClient } from './test-support/raw-client.js';
import { startTestTarget, TEST_IQN } from './test-support/start.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

describe('sessions', () => {
  it('adds a second connection with the TSIH under MaxConnections=2 and refuses a third with 0x0206', async () => {
    const t = await startTestTarget();
    open.push({ close: () => t.target.close(0) });
    const a = await RawClient.connect(t.port); open.push(a);
    const r = await a.login(TEST_IQN, [{ key: 'MaxConnections', value: '2' }]);
    expect(r.keys.get('MaxConnections')).toBe('2');
    const tsih = r.rsp.tsih;
    const b = await RawClient.connect(t.port); open.push(b);
    const rb = await b.login(TEST_IQN, [], { tsih, cid: 1, cmdSN: r.rsp.expCmdSN });
    expect(rb.rsp.statusClass).toBe(0);
    expect(rb.rsp.tsih).toBe(tsih);
    // The CmdSN window is the session's: a command on b advances what a sees.
    b.send(makePdu('ScsiCommand', { final: true, itt: 9, cmdSN: r.rsp.expCmdSN, cdb: Buffer.alloc(16) }));
    expect((await b.expect('ScsiResponse')).expCmdSN).toBe((r.rsp.expCmdSN + 1) >>> 0);
    const c = await RawClient.connect(t.port); open.push(c);
    const rc = await c.login(TEST_IQN, [], { tsih, cid: 2 });
    expect((rc.rsp.statusClass << 8) | rc.rsp.statusDetail).toBe(0x0206);
  });

  it('asks logged-in initiators to log out (Async Message, event 1) when the target stops', async () => {
    const t = await startTestTarget();
    const a = await RawClient.connect(t.port); open.push(a);
    await a.login(TEST_IQN);
    const closing = t.target.close(300);
    const msg = await a.expect('AsyncMessage');
    expect(msg.asyncEvent).toBe(1);
    await closing;
    expect(await a.waitClosed()).toBe(true);
  });
});
