// TCP reassembly: order, retransmission, overlap, gaps, target side, port reuse (property + cases).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TCP, type TcpSegment } from './ip-tcp.js';
import { TcpStreams } from './tcp-streams.js';

const I = { ip: '192.0.2.1', port: 51000 };
const T = { ip: '192.0.2.9', port: 3290 };
const isn = { i: 0xffffff00, t: 1000 };

const seg = (from: 'i' | 't', seq: number, payload: Buffer, flags: number = TCP.ACK): TcpSegment => {
  const [a, b] = from === 'i' ? [I, T] : [T, I];
  return { src: a.ip, dst: b.ip, srcPort: a.port, dstPort: b.port, seq: seq >>> 0, flags, payload, missing: 0 };
};
const handshake = (s: TcpStreams): void => {
  s.add(seg('i', isn.i, Buffer.alloc(0), TCP.SYN), 0);
  s.add(seg('t', isn.t, Buffer.alloc(0), TCP.SYN | TCP.ACK), 0.001);
};
const bytesOf = (chunks: Array<{ data: Buffer }>): string => Buffer.concat(chunks.map((c) => c.data)).toString();

describe('TcpStreams', () => {
  it('reassembles shuffled, duplicated and overlapping segments into the original bytes', () => {
    const text = Buffer.from('The quick brown fox jumps over the lazy dog, across a sequence number wrap.');
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
      fc.infiniteStream(fc.nat()),
      (cuts, overlaps, order) => {
        const pts = [0, ...[...new Set(cuts)].sort((a, b) => a - b), text.length];
        const segs = pts.slice(1).map((end, k) => [pts[k]!, end] as const);
        for (const [a, b] of overlaps) { // extra segments that overlap others
          const x = a % text.length, y = x + 1 + (b % (text.length - x));
          segs.push([x, y]);
        }
        const it = order[Symbol.iterator]();
        const shuffled = segs.map((s) => ({ s, k: it.next().value as number })).sort((p, q) => p.k - q.k).map((p) => p.s);
        const s = new TcpStreams(new Set([3290]));
        handshake(s);
        shuffled.forEach(([a, b], n) => s.add(seg('i', isn.i + 1 + a, text.subarray(a, b)), 1 + n));
        const { connections, warnings } = s.finish();
        expect(warnings).toEqual([]);
        expect(bytesOf(connections[0]!.i2t)).toBe(text.toString());
        const offs = connections[0]!.i2t.map((c) => c.offset);
        expect(offs).toEqual([...offs].sort((a, b) => a - b));
      },
    ));
  });

  it('keeps each chunk\'s packet time and reports a hole as a gap', () => {
    const s = new TcpStreams(new Set());
    handshake(s);
    s.add(seg('t', isn.t + 1, Buffer.from('abc')), 1);
    s.add(seg('t', isn.t + 1 + 10, Buffer.from('xyz')), 2);
    const { connections, warnings } = s.finish();
    const c = connections[0]!;
    expect(c.t2i.map((x) => [x.data.toString(), x.time, x.offset])).toEqual([['abc', 1, 0], ['xyz', 2, 10]]);
    expect(c.gaps).toEqual([{ dir: 't2i', offset: 3, length: 7, time: 2 }]);
    expect(warnings[0]).toMatch(/7 bytes missing at stream offset 3/);
  });

  it.each([
    ['the SYN destination', new Set<number>(), I, T, TCP.SYN],
    ['a listed port, even seen first from the target', new Set([3290]), T, I, TCP.ACK],
    ['the SYN-ACK source when the SYN was missed', new Set<number>(), T, I, TCP.SYN | TCP.ACK],
  ])('takes the target from %s', (_n, ports, from, to, flags) => {
    const s = new TcpStreams(ports);
    s.add({ src: from.ip, dst: to.ip, srcPort: from.port, dstPort: to.port, seq: 1, flags, payload: Buffer.alloc(0), missing: 0 }, 0);
    expect(s.finish().connections[0]).toMatchObject({ initiator: '192.0.2.1:51000', target: '192.0.2.9:3290' });
  });

  it('starts a new connection when the 4-tuple is reused with a new SYN', () => {
    const s = new TcpStreams(new Set());
    handshake(s);
    s.add(seg('i', isn.i, Buffer.alloc(0), TCP.SYN), 0.5); // retransmitted SYN: same connection
    s.add(seg('i', isn.i + 1, Buffer.from('one')), 1);
    s.add(seg('i', 5000, Buffer.alloc(0), TCP.SYN), 2);
    s.add(seg('i', 5001, Buffer.from('two')), 3);
    const { connections } = s.finish();
    expect(connections.map((c) => [c.id, bytesOf(c.i2t), c.start])).toEqual([[0, 'one', 0], [1, 'two', 2]]);
  });
});
