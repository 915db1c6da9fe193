// Login reject fields (RFC 7143 §6.3, §11): T, CSG and NSG are reserved in a reject, so they go out as 0.
import { afterEach, describe, expect, it } from 'vitest';
import { RawClient } from '../test-support/raw-client.js';
import { startTestTarget, TEST_IQN } from '../test-support/start.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

describe('login reject', () => {
  it('sends T=0, CSG=0 and NSG=0 whatever stage the refused request named', async () => {
    const t = await startTestTarget();
    open.push({ close: () => t.target.close(0) });
    for (const [csg, nsg] of [[3, 3], [2, 3], [1, 1]] as const) {
      const c = await RawClient.connect(t.port); open.push(c);
      const r = await c.login(TEST_IQN, [], { csg, nsg, itt: 0x55 });
      expect(r.rsp.statusClass).toBe(2);
      expect([r.rsp.transit, r.rsp.csg, r.rsp.nsg, r.rsp.itt]).toEqual([false, 0, 0, 0x55]);
    }
  });
});
