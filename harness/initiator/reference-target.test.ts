// Integration against our own reference target, in-process on port 0 (with its test RAM device): plain, CHAP, digests, discovery.
import { afterEach, describe, expect, it } from 'vitest';
import { startTarget, type RunningTarget, type TargetConfigInput } from '../../reference-target/index.js';
import { fakeDevice } from '../../reference-target/test-support/fake-device.js';
import type { LoginOptions } from './login.js';
import { Session } from './session.js';

const open: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => { for (const x of open.splice(0).reverse()) await x.close(); });

async function run(config: Partial<TargetConfigInput>, login: Partial<LoginOptions> = {}) {
  const t: RunningTarget = await startTarget({ port: 0, ...config }, { device: fakeDevice(2048) });
  open.push(t);
  const s = await Session.connect({ host: t.host, port: t.port, timeouts: { loginMs: 3000, commandMs: 3000 } });
  open.push(s);
  const r = await s.login({ initiatorName: 'iqn.2026-11.test:harness', targetName: t.config.iqn, ...login });
  return { t, s, r };
}

describe('reference target', () => {
  it('login, INQUIRY, WRITE/READ compare across R2Ts, NOP and logout', async () => {
    const { s, r } = await run({ limits: { maxBurstLength: 16384, firstBurstLength: 8192, maxRecvDataSegmentLength: 4096 } });
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    if (r.ok) expect(r.violations).toEqual([]);
    await s.testUnitReady();
    expect((await s.inquiry(0, { allocationLength: 36 })).status).toBe(0);
    const data = Buffer.alloc(512 * 100);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
    const w = await s.write10(0, 3, data);
    expect(w.status).toBe(0);
    expect(w.pdus.filter(p => p.type === 'R2t').length).toBeGreaterThan(1);
    const rd = await s.read10(0, 3, 100);
    expect(rd.status).toBe(0);
    expect(rd.dataIn.equals(data)).toBe(true);
    expect((await s.nop(Buffer.from('hi'))).echoed).toBe(true);
    expect((await s.logout()).response).toBe(0);
  });

  it('mutual CHAP and required digests', async () => {
    const { s, r } = await run(
      { chap: { user: 'alice', secret: 'alicesecret12' }, mutualChap: { user: 'tgt1', secret: 'targetsecret12' }, digests: 'required' },
      { chap: { user: 'alice', secret: 'alicesecret12', targetUser: 'tgt1', targetSecret: 'targetsecret12' }, digests: { header: 'None,CRC32C', data: 'None,CRC32C' } });
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    expect(s.link.digestsInForce).toEqual({ header: true, data: true });
    expect((await s.nop(Buffer.from('digests'))).echoed).toBe(true);
  });

  it('discovery session with SendTargets', async () => {
    const { s, r, t } = await run({}, { sessionType: 'Discovery' });
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    const st = await s.sendTargets();
    expect(st.pairs).toContainEqual({ key: 'TargetName', value: t.config.iqn });
    expect((await s.logout()).response).toBe(0);
  });
});
