// The bundled target `run` starts without a URL offers ERL 1, and says so, so the erl>=1 cases run against it.
import { describe, expect, it } from 'vitest';
import { RawClient } from '../../reference-target/test-support/raw-client.js';
import { parseTargetUrl } from './target-url.js';
import { startBundledTarget } from './bundled-target.js';

describe('startBundledTarget', () => {
  it('starts a target that answers ErrorRecoveryLevel=1 and reports erl 1', async () => {
    const b = await startBundledTarget();
    try {
      expect(b.erl).toBe(1);
      const t = parseTargetUrl(b.url);
      const c = await RawClient.connect(t.port);
      const r = await c.login(t.iqn, [{ key: 'ErrorRecoveryLevel', value: '2' }]);
      expect(r.keys.get('ErrorRecoveryLevel')).toBe('1');
      c.close();
    } finally {
      await b.stop();
    }
  }, 20_000);
});
