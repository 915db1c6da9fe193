// Text Request handler (RFC 7143 §11.10, Appendix C): F/C format error, and SendTargets=All in a Normal session.
import { afterEach, describe, expect, it } from 'vitest';
import { makePdu } from '../../harness/pdu/registry.js';
import { decodeText, encodeText } from '../../harness/text/codec.js';
import { RawClient } from '../test-support/raw-client.js';
import { startTestTarget, TEST_IQN } from '../test-support/start.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

async function loggedIn() {
  const t = await startTestTarget();
  open.push({ close: () => t.target.close(0) });
  const c = await RawClient.connect(t.port); open.push(c);
  const r = await c.login(TEST_IQN);
  expect(r.rsp.statusClass).toBe(0);
  c.cmdSN = r.rsp.expCmdSN;
  return { ...t, c };
}

const text = (key: string, value: string) => encodeText([{ key, value }]);

describe('text request', () => {
  it('ends the session on a Text Request with F=1 and C=1 (§11.10.2 inconsistent fields, §7.7 format error)', async () => {
    const { c, port } = await loggedIn();
    c.send(makePdu('TextRequest', { immediate: true, final: true, continue: true, itt: 9, ttt: 0xffffffff, cmdSN: c.cmdSN, data: text('SendTargets', '') }));
    expect(await c.next(1000)).toBeNull();
    expect(c.closed).toBe(true);
    const again = await RawClient.connect(port); open.push(again);
    expect((await again.login(TEST_IQN)).rsp.statusClass).toBe(0);
  });

  it('answers SendTargets=All in a Normal session with no records and never the SendTargets key (§13.3, Appendix C)', async () => {
    const { c } = await loggedIn();
    c.send(makePdu('TextRequest', { immediate: true, final: true, itt: 10, ttt: 0xffffffff, cmdSN: c.cmdSN, data: text('SendTargets', 'All') }));
    const r = await c.expect('TextResponse');
    expect(r.itt).toBe(10);
    expect(r.final).toBe(true);
    expect(decodeText(r.data).pairs).toEqual([]);
  });

  it('still answers SendTargets with an empty value in a Normal session with this target', async () => {
    const { c } = await loggedIn();
    c.send(makePdu('TextRequest', { immediate: true, final: true, itt: 11, ttt: 0xffffffff, cmdSN: c.cmdSN, data: text('SendTargets', '') }));
    const pairs = decodeText((await c.expect('TextResponse')).data).pairs;
    expect(pairs[0]).toEqual({ key: 'TargetName', value: TEST_IQN });
  });
});
