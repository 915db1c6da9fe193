// Login tests against the in-process target: no auth, CHAP, mutual CHAP, failures with their status codes.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { RawClient } from '../test-support/raw-client.js';
import { startTestTarget, TEST_IQN } from '../test-support/start.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

async function setup(cfg = {}) {
  const t = await startTestTarget(cfg);
  open.push({ close: () => t.target.close(0) });
  const c = await RawClient.connect(t.port);
  open.push(c);
  return { ...t, c };
}

const status = (r: { rsp: { statusClass: number; statusDetail: number } }) => (r.rsp.statusClass << 8) | r.rsp.statusDetail;

describe('login', () => {
  it('logs in without authentication, with TSIH, TPGT and our MaxRecvDataSegmentLength', async () => {
    const { c } = await setup();
    const r = await c.login(TEST_IQN, [{ key: 'MaxRecvDataSegmentLength', value: '65536' }]);
    expect(status(r)).toBe(0);
    expect(r.rsp.transit).toBe(true);
    expect(r.rsp.nsg).toBe(3);
    expect(r.rsp.tsih).not.toBe(0);
    expect(r.keys.get('TargetPortalGroupTag')).toBe('1');
    expect(r.keys.get('MaxRecvDataSegmentLength')).toBe('262144');
  });

  it('refuses a bad version with 0x0205, a missing InitiatorName with 0x0207, an unknown target with 0x0203', async () => {
    const { c, port } = await setup();
    expect(status(await c.login(TEST_IQN, [], { versionMin: 1, versionMax: 2 }))).toBe(0x0205);
    expect(await c.waitClosed()).toBe(true);
    const c2 = await RawClient.connect(port); open.push(c2);
    const r2 = await c2.loginStep({ transit: true, csg: 1, nsg: 3 }, [{ key: 'TargetName', value: TEST_IQN }]);
    expect(status(r2)).toBe(0x0207);
    const c3 = await RawClient.connect(port); open.push(c3);
    expect(status(await c3.login('iqn.2026-11.test:nope'))).toBe(0x0203);
  });

  it('refuses an initiator not on the allow list with 0x0202, and an unknown TSIH with 0x020a', async () => {
    const { c, port } = await setup({ allow: ['iqn.2026-11.test:other'] });
    expect(status(await c.login(TEST_IQN))).toBe(0x0202);
    const t2 = await setup();
    expect(status(await t2.c.login(TEST_IQN, [], { tsih: 77 }))).toBe(0x020a);
    void port;
  });

  it('authenticates with CHAP and with mutual CHAP', async () => {
    const { c, port } = await setup({ chap: { user: 'alice', secret: 'alicesecret12' }, mutualChap: { user: 'tgt', secret: 'targetsecret12' } });
    const r = await c.chapLogin(TEST_IQN, 'alice', 'alicesecret12');
    expect(status(r)).toBe(0);
    expect(r.rsp.nsg).toBe(3);
    const c2 = await RawClient.connect(port); open.push(c2);
    const ch = Buffer.alloc(16, 7);
    const m = await c2.chapLogin(TEST_IQN, 'alice', 'alicesecret12', { mutual: { id: 9, challenge: ch } });
    expect(status(m)).toBe(0);
    const want = createHash('md5').update(Buffer.from([9])).update('targetsecret12').update(ch).digest('hex');
    expect(m.mutualAnswer?.get('CHAP_N')).toBe('tgt');
    expect(m.mutualAnswer?.get('CHAP_R')).toBe('0x' + want);
  });

  it('fails a wrong CHAP response, a reflected challenge and a skipped security stage with 0x0201', async () => {
    const cfg = { chap: { user: 'alice', secret: 'alicesecret12' }, mutualChap: { user: 'tgt', secret: 'targetsecret12' } };
    const { c, port } = await setup(cfg);
    expect(status(await c.chapLogin(TEST_IQN, 'alice', 'x', { badSecret: true }))).toBe(0x0201);
    const c2 = await RawClient.connect(port); open.push(c2);
    expect(status(await c2.login(TEST_IQN))).toBe(0x0201);
    const c3 = await RawClient.connect(port); open.push(c3);
    // Reflect the target's own challenge back as our CHAP_C.
    await c3.loginStep({ transit: true, csg: 0, nsg: 1 }, [{ key: 'InitiatorName', value: 'iqn.2026-11.test:init' },
      { key: 'TargetName', value: TEST_IQN }, { key: 'AuthMethod', value: 'CHAP' }]);
    const b = await c3.loginStep({ csg: 0, nsg: 1 }, [{ key: 'CHAP_A', value: '5' }]);
    const id = Number(b.keys.get('CHAP_I'));
    const chal = Buffer.from(b.keys.get('CHAP_C')!.slice(2), 'hex');
    const resp = createHash('md5').update(Buffer.from([id])).update('alicesecret12').update(chal).digest('hex');
    const d = await c3.loginStep({ transit: true, csg: 0, nsg: 1 }, [{ key: 'CHAP_N', value: 'alice' }, { key: 'CHAP_R', value: '0x' + resp },
      { key: 'CHAP_I', value: '1' }, { key: 'CHAP_C', value: b.keys.get('CHAP_C')! }]);
    expect(status(d)).toBe(0x0201);
  });

  it('never issues the same challenge twice', async () => {
    const { port } = await setup({ chap: { user: 'alice', secret: 'alicesecret12' } });
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const c = await RawClient.connect(port); open.push(c);
      await c.loginStep({ transit: true, csg: 0, nsg: 1 }, [{ key: 'InitiatorName', value: 'iqn.2026-11.test:init' },
        { key: 'TargetName', value: TEST_IQN }, { key: 'AuthMethod', value: 'CHAP' }]);
      const b = await c.loginStep({ csg: 0, nsg: 1 }, [{ key: 'CHAP_A', value: '7,5' }]);
      expect(b.keys.get('CHAP_A')).toBe('7');
      seen.add(b.keys.get('CHAP_C')!);
    }
    expect(seen.size).toBe(5);
  });

  it('answers a continued (C=1) login request with an empty response and then the answers', async () => {
    const { c } = await setup();
    const { encodeText } = await import('../../harness/text/codec.js');
    const { makePdu } = await import('../../harness/pdu/registry.js');
    const text = encodeText([{ key: 'InitiatorName', value: 'iqn.2026-11.test:init' }, { key: 'TargetName', value: TEST_IQN }]);
    c.send(makePdu('LoginRequest', { immediate: true, continue: true, csg: 1, nsg: 3, isid: 5, itt: 1, data: text.subarray(0, 10) }));
    const first = await c.expect('LoginResponse');
    expect(first.data.length).toBe(0);
    c.send(makePdu('LoginRequest', { immediate: true, transit: true, csg: 1, nsg: 3, isid: 5, itt: 1, data: text.subarray(10) }));
    const second = await c.expect('LoginResponse');
    expect(second.statusClass).toBe(0);
    expect(second.tsih).not.toBe(0);
  });

  it('reinstates: a new login with the same ISID and InitiatorName ends the old session', async () => {
    const { c, port, device } = await setup();
    expect(status(await c.login(TEST_IQN))).toBe(0);
    const c2 = await RawClient.connect(port); open.push(c2);
    expect(status(await c2.login(TEST_IQN))).toBe(0);
    expect(await c.waitClosed()).toBe(true);
    expect(device.log.lost.length).toBe(1);
  });
  it('takes CHAP_R in base64, a 1024-byte mutual CHAP_C, and refuses a 1025-byte one', async () => {
    const cfg = { chap: { user: 'alice', secret: 'alicesecret12' }, mutualChap: { user: 'tgt', secret: 'targetsecret12' } };
    const { port } = await setup(cfg);
    const attempt = async (size: number) => {
      const c = await RawClient.connect(port); open.push(c);
      await c.loginStep({ transit: true, csg: 0, nsg: 1 }, [{ key: 'InitiatorName', value: 'iqn.2026-11.test:init' },
        { key: 'TargetName', value: TEST_IQN }, { key: 'AuthMethod', value: 'CHAP' }]);
      const b = await c.loginStep({ csg: 0, nsg: 1 }, [{ key: 'CHAP_A', value: '5' }]);
      const id = Number(b.keys.get('CHAP_I'));
      const chal = Buffer.from(b.keys.get('CHAP_C')!.slice(2), 'hex');
      const resp = createHash('md5').update(Buffer.from([id])).update('alicesecret12').update(chal).digest('base64');
      return c.loginStep({ transit: true, csg: 0, nsg: 1 }, [{ key: 'CHAP_N', value: 'alice' }, { key: 'CHAP_R', value: '0b' + resp },
        { key: 'CHAP_I', value: '0x07' }, { key: 'CHAP_C', value: '0b' + Buffer.alloc(size, 0x42).toString('base64') }]);
    };
    const ok = await attempt(1024);
    expect(status(ok)).toBe(0);
    expect(ok.keys.get('CHAP_N')).toBe('tgt');
    expect(status(await attempt(1025))).toBe(0x0201);
  });
});
