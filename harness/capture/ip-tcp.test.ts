// Link layers -> IP -> TCP: every supported link type, IPv6 text form, non-TCP and malformed input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipOffset, parseIpTcp, type TcpSegment } from './ip-tcp.js';
import { ipPacket, linkFrame } from './synth.js';

const seg = { src: '10.0.0.1', dst: '10.0.0.2', srcPort: 40000, dstPort: 3260, seq: 0xfffffff0, flags: 0x18, payload: Buffer.from('iscsi') };
const parse = (linkType: number, frame: Buffer): TcpSegment => parseIpTcp(frame, ipOffset(linkType, frame)) as TcpSegment;

describe('ipOffset + parseIpTcp', () => {
  it.each([1, 0, 101, 113, 228, 276])('reads TCP over link type %i', (lt) => {
    const s = parse(lt, linkFrame(lt, ipPacket(seg)));
    expect(s).toMatchObject({ src: '10.0.0.1', dst: '10.0.0.2', srcPort: 40000, dstPort: 3260, seq: 0xfffffff0, flags: 0x18, missing: 0 });
    expect(s.payload.toString()).toBe('iscsi');
  });

  it.each([1, 0, 229, 113, 276])('reads TCP over IPv6 on link type %i, with RFC 5952 addresses (first longest zero run shortened)', (lt) => {
    const s = parse(lt, linkFrame(lt, ipPacket({ ...seg, src: 'fe80::1', dst: '2001:db8:0:0:1::2' })));
    expect([s.src, s.dst]).toEqual(['fe80::1', '2001:db8::1:0:0:2']);
    expect(s.payload.toString()).toBe('iscsi');
  });

  it('ignores Ethernet padding and reports bytes cut by the snap length', () => {
    const frame = linkFrame(1, ipPacket(seg));
    expect(parse(1, Buffer.concat([frame, Buffer.alloc(6)])).payload.toString()).toBe('iscsi');
    expect(parse(1, frame.subarray(0, frame.length - 2))).toMatchObject({ missing: 2 });
  });

  it('returns null for UDP and ARP, and a reason for fragments', () => {
    const udp = ipPacket(seg);
    udp[9] = 17;
    expect(parseIpTcp(udp, 0)).toBeNull();
    const arp = linkFrame(1, ipPacket(seg));
    arp.writeUInt16BE(0x0806, 12);
    expect(ipOffset(1, arp)).toBe(-1);
    const frag = ipPacket(seg);
    frag.writeUInt16BE(0x2000, 6);
    expect(parseIpTcp(frag, 0)).toMatch(/fragment/);
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.constantFrom(0, 1, 101, 113, 276), fc.uint8Array({ maxLength: 120 }), (lt, bytes) => {
      const b = Buffer.from(bytes);
      const off = ipOffset(lt, b);
      if (off >= 0) parseIpTcp(b, off);
    }));
  });
});
