// The observer adapter: PDUs sent and received through the Session observer reach the checker in order.
import { describe, expect, it } from 'vitest';
import { encodePduBytes, type Pdu } from '../pdu/registry.js';
import type { FramedPdu } from '../pdu/framer.js';
import { createChecker } from './checker.js';
import { Script } from './check.test-helpers.js';
import { checkerObserver } from './observer.js';

const framedOf = (p: Pdu): FramedPdu => {
  const b = encodePduBytes(p);
  return { bhs: b.subarray(0, 48), ahs: Buffer.alloc(0), headerDigest: null, data: p.data, pad: Buffer.alloc(0), dataDigest: null, offset: 0, index: 0, digestOk: null };
};

describe('checkerObserver', () => {
  it('reports target findings with their PDU, and tracks what we sent (initiator mode)', () => {
    const s = new Script().login().read(0);
    s.statSN += 3;
    s.resp();
    const found: string[] = [];
    const obs = checkerObserver(createChecker({ mode: 'initiator' }), (v, pdu, dir) => found.push(`${dir} ${pdu?.type} ${v.rule}`));
    for (const st of s.steps) st.from === 'i' ? obs.sent!(st.pdu, encodePduBytes(st.pdu)) : obs.received!(st.pdu, framedOf(st.pdu));
    obs.closed!('done');
    expect(found).toEqual(['received ScsiResponse check/statsn-increment']);
  });
});
