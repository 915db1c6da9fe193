// check/digest and check/initiator-digest name the digest that is wrong, using the framed bytes.
import { describe, expect, it } from 'vitest';
import { digestBytes } from '../pdu/crc32c.js';
import type { FramedPdu } from '../pdu/framer.js';
import { encodePdu, makePdu } from '../pdu/registry.js';
import { createChecker } from './checker.js';
import { Script } from './check.test-helpers.js';

function framed(p: ReturnType<typeof makePdu>, bad: 'header' | 'data' | 'none'): FramedPdu {
  const e = encodePdu(p);
  const pad = Buffer.alloc((4 - (e.data.length & 3)) & 3);
  const hd = digestBytes(e.bhs, e.ahs), dd = digestBytes(e.data, pad);
  if (bad === 'header') hd[0]! ^= 1;
  if (bad === 'data') dd[0]! ^= 1;
  return { bhs: e.bhs, ahs: e.ahs, headerDigest: hd, data: e.data, pad, dataDigest: dd, offset: 0, index: 0, digestOk: bad === 'none' ? true : false };
}

describe('digest rules', () => {
  const setup = () => {
    const c = createChecker({ mode: 'passive' });
    const s = new Script().login().read(4);
    for (const st of s.steps) st.from === 'i' ? c.onInitiatorPdu(st.pdu) : c.onTargetPdu(st.pdu);
    return { c, s };
  };
  it.each(['header', 'data'] as const)('a bad %s digest on a target PDU is check/digest naming it', which => {
    const { c, s } = setup();
    const p = makePdu('DataIn', { final: true, statusPresent: true, itt: s.last, ttt: 0xffffffff, ...s.sn(), dataSN: 0, bufferOffset: 0, data: Buffer.from('abcd') });
    expect(c.onTargetPdu(p, framed(p, which)).map(v => [v.rule, v.field])).toEqual([['check/digest', `${which}Digest`]]);
  });
  it('a bad digest on an initiator PDU is check/initiator-digest; good digests are silent', () => {
    const { c, s } = setup();
    const p = makePdu('NopOut', { final: true, immediate: true, itt: 0x99, ttt: 0xffffffff, cmdSN: s.cmdSN, data: Buffer.from('xy') });
    expect(c.onInitiatorPdu(p, framed(p, 'data')).map(v => v.rule)).toEqual(['check/initiator-digest']);
    const q = makePdu('NopIn', { final: true, itt: 0x99, ttt: 0xffffffff, ...s.sn(), data: Buffer.from('xy') });
    expect(c.onTargetPdu(q, framed(q, 'none'))).toEqual([]);
  });
});
