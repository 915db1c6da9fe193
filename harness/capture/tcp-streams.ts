// TCP connections from captured segments: which side is the target, and in-order bytes per direction.
import { TCP, type TcpSegment } from './ip-tcp.js';

/** Bytes of one direction that arrived in one packet, at stream offset `offset`. */
export interface Chunk {
  data: Buffer;
  /** Capture time of the packet (seconds since the epoch). */
  time: number;
  /** Offset of data[0] from the first byte of the direction (missing bytes count too). */
  offset: number;
}

/** Bytes of one direction that never appeared in the capture. */
export interface Gap {
  dir: 'i2t' | 't2i';
  offset: number;
  length: number;
  /** Time of the first packet after the hole. */
  time: number;
}

/** One TCP connection, oriented initiator -> target. */
export interface Connection {
  /** Numbered in the order of the connection's first packet. */
  id: number;
  initiator: string;
  target: string;
  i2t: Chunk[];
  t2i: Chunk[];
  gaps: Gap[];
  /** Time of its first packet. */
  start: number;
}

interface Pending { seq: number; data: Buffer; time: number }

// One direction of a connection: segments go in by sequence number, chunks come out in order.
class HalfStream {
  private base = -1; // sequence number of stream offset 0
  private next = -1; // sequence number of the next byte expected
  private pending: Pending[] = [];
  readonly chunks: Chunk[] = [];
  readonly gaps: Gap[] = [];
  retransmitted = 0;

  constructor(private readonly dir: 'i2t' | 't2i') {}

  add(seg: TcpSegment, time: number): void {
    let seq = seg.seq;
    if (seg.flags & TCP.SYN) seq = (seq + 1) >>> 0; // the SYN takes one sequence number
    if (this.base < 0) { this.base = seq; this.next = seq; } // no SYN seen: joined mid-stream
    if (seg.payload.length > 0) this.accept(seq, seg.payload, time);
    const after = (seq + seg.payload.length) >>> 0;
    if (seg.missing > 0 && after === this.next) { // cut by the snap length: those bytes are gone for good
      this.gaps.push({ dir: this.dir, offset: this.offset(), length: seg.missing, time });
      this.next = (this.next + seg.missing) >>> 0;
      this.drain();
    }
  }

  private offset(): number {
    return (this.next - this.base) >>> 0;
  }

  private accept(seq: number, data: Buffer, time: number): void {
    if (((seq - this.next) | 0) > 0) { this.pending.push({ seq, data, time }); return; }
    this.append(seq, data, time);
    this.drain();
  }

  // Appends what is new in a segment that starts at or before the next expected byte.
  private append(seq: number, data: Buffer, time: number): void {
    const skip = (this.next - seq) | 0;
    if (skip >= data.length) { this.retransmitted += data.length; return; }
    this.retransmitted += skip;
    const fresh = data.subarray(skip);
    this.chunks.push({ data: fresh, time, offset: this.offset() });
    this.next = (this.next + fresh.length) >>> 0;
  }

  // Moves buffered out-of-order segments that now fit; a loop, so long runs cannot overflow the stack.
  private drain(): void {
    for (let i = 0; i < this.pending.length;) {
      const p = this.pending[i]!;
      if (((p.seq - this.next) | 0) > 0) { i++; continue; }
      this.pending.splice(i, 1);
      this.append(p.seq, p.data, p.time);
      i = 0;
    }
  }

  /** Skips the holes that were never filled, recording each as a gap. */
  finish(): void {
    while (this.pending.length > 0) {
      const first = this.pending.reduce((a, b) => (((b.seq - a.seq) | 0) < 0 ? b : a));
      this.gaps.push({ dir: this.dir, offset: this.offset(), length: (first.seq - this.next) >>> 0, time: first.time });
      this.next = first.seq;
      this.drain();
    }
  }
}

interface Conn { c: Connection; i2t: HalfStream; t2i: HalfStream; initiatorIsn: number; initKey: string }

/** Groups segments into connections and reassembles each direction. */
export class TcpStreams {
  private readonly byTuple = new Map<string, Conn>();
  private readonly all: Conn[] = [];

  /** `targetPorts`: a side using one of these ports is the target; otherwise the SYN's destination is. */
  constructor(private readonly targetPorts: ReadonlySet<number>) {}

  add(seg: TcpSegment, time: number): void {
    const a = `${ep(seg.src, seg.srcPort)}`, b = `${ep(seg.dst, seg.dstPort)}`;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    const synOnly = (seg.flags & (TCP.SYN | TCP.ACK)) === TCP.SYN;
    let conn = this.byTuple.get(key);
    // A fresh SYN (new ISN) on a known 4-tuple is port reuse: a new connection.
    if (!conn || (synOnly && conn.initiatorIsn !== seg.seq && conn.initiatorIsn !== -1)) {
      conn = this.open(seg, time);
      this.byTuple.set(key, conn);
    } else if (synOnly && conn.initiatorIsn === -1) {
      conn.initiatorIsn = seg.seq;
    }
    (a === conn.initKey ? conn.i2t : conn.t2i).add(seg, time);
  }

  private open(seg: TcpSegment, time: number): Conn {
    const src = ep(seg.src, seg.srcPort), dst = ep(seg.dst, seg.dstPort);
    const srcT = this.targetPorts.has(seg.srcPort), dstT = this.targetPorts.has(seg.dstPort);
    const synOnly = (seg.flags & (TCP.SYN | TCP.ACK)) === TCP.SYN;
    const synAck = (seg.flags & (TCP.SYN | TCP.ACK)) === (TCP.SYN | TCP.ACK);
    // The listed port decides; otherwise the SYN goes to the target and the SYN-ACK comes from it;
    // otherwise (joined mid-stream) guess that the first packet seen went to the target.
    const srcIsTarget = srcT !== dstT ? srcT : synAck;
    const initiator = srcIsTarget ? dst : src;
    const target = srcIsTarget ? src : dst;
    const c: Connection = { id: this.all.length, initiator, target, i2t: [], t2i: [], gaps: [], start: time };
    const conn: Conn = { c, i2t: new HalfStream('i2t'), t2i: new HalfStream('t2i'), initiatorIsn: synOnly ? seg.seq : -1, initKey: initiator };
    this.all.push(conn);
    return conn;
  }

  /** Closes every direction and returns the connections with warnings about what was lost. */
  finish(): { connections: Connection[]; warnings: string[] } {
    const warnings: string[] = [];
    for (const { c, i2t, t2i } of this.all) {
      for (const h of [i2t, t2i]) h.finish();
      c.i2t = i2t.chunks;
      c.t2i = t2i.chunks;
      c.gaps = [...i2t.gaps, ...t2i.gaps];
      for (const g of c.gaps) warnings.push(`conn ${c.id} ${c.initiator}>${c.target} ${g.dir}: ${g.length} bytes missing at stream offset ${g.offset}`);
    }
    return { connections: this.all.map((x) => x.c), warnings };
  }
}

const ep = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
