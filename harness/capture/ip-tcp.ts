// Link layer (Ethernet, Linux SLL/SLL2, raw IP, BSD loopback) -> IPv4/IPv6 -> TCP segment.

/** One TCP segment with its addresses; the payload is a view of the captured frame. */
export interface TcpSegment {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  flags: number;
  payload: Buffer;
  /** Payload bytes on the wire that the capture did not keep (snap length). */
  missing: number;
}

/** TCP flag bits (RFC 9293 §3.1). */
export const TCP = { FIN: 0x01, SYN: 0x02, RST: 0x04, ACK: 0x10 } as const;

/** Link types this reader understands (LINKTYPE_* numbers). */
export const LINK_TYPES: ReadonlySet<number> = new Set([0, 1, 12, 101, 108, 113, 228, 229, 276]);

const ETH_IPV4 = 0x0800;
const ETH_IPV6 = 0x86dd;

/** Offset of the IP header inside a frame of this link type, or -1 when the frame carries no IP. */
export function ipOffset(linkType: number, d: Buffer): number {
  switch (linkType) {
    case 1: { // Ethernet, possibly VLAN-tagged
      let off = 12;
      if (d.length < 14) return -1;
      let type = d.readUInt16BE(off);
      while ((type === 0x8100 || type === 0x88a8) && d.length >= off + 6) { off += 4; type = d.readUInt16BE(off); }
      return type === ETH_IPV4 || type === ETH_IPV6 ? off + 2 : -1;
    }
    case 0: case 108: { // BSD loopback: address family, host order (0) or network order (108)
      if (d.length < 4) return -1;
      const af = linkType === 108 || d.readUInt32LE(0) > 0xffff ? d.readUInt32BE(0) : d.readUInt32LE(0);
      return [2, 10, 24, 28, 30].includes(af) ? 4 : -1; // AF_INET, and AF_INET6 of Linux/NetBSD/FreeBSD/macOS
    }
    case 12: case 101: case 228: case 229: return 0; // raw IP
    case 113: return d.length >= 16 && isIp(d.readUInt16BE(14)) ? 16 : -1; // Linux cooked (SLL)
    case 276: return d.length >= 20 && isIp(d.readUInt16BE(0)) ? 20 : -1; // Linux cooked v2 (SLL2)
    default: return -1;
  }
}
const isIp = (t: number): boolean => t === ETH_IPV4 || t === ETH_IPV6;

/**
 * Parses IP + TCP at `off`. Returns the segment, null for IP that is not TCP, or a string saying
 * why a TCP-looking packet was skipped (fragment, malformed header).
 */
export function parseIpTcp(d: Buffer, off: number): TcpSegment | string | null {
  if (off >= d.length) return 'frame ends before the IP header';
  const version = d[off]! >> 4;
  let src: string, dst: string, proto: number, l4: number, ipEnd: number;
  if (version === 4) {
    const ihl = (d[off]! & 0x0f) * 4;
    if (ihl < 20 || off + ihl > d.length) return `IPv4 header length ${ihl} does not fit the frame`;
    const total = d.readUInt16BE(off + 2);
    if (total !== 0 && total < ihl) return `IPv4 total length ${total} below header length ${ihl}`;
    proto = d[off + 9]!;
    if (proto !== 6) return null;
    if ((d.readUInt16BE(off + 6) & 0x3fff) !== 0) return 'IPv4 fragment (not reassembled)';
    src = d.subarray(off + 12, off + 16).join('.');
    dst = d.subarray(off + 16, off + 20).join('.');
    l4 = off + ihl;
    // Frames may carry Ethernet padding after the packet; 0 is what segmentation offload leaves.
    ipEnd = total === 0 ? d.length : off + total;
  } else if (version === 6) {
    if (off + 40 > d.length) return 'IPv6 header cut';
    ipEnd = off + 40 + d.readUInt16BE(off + 4);
    src = ipv6(d.subarray(off + 8, off + 24));
    dst = ipv6(d.subarray(off + 24, off + 40));
    proto = d[off + 6]!;
    l4 = off + 40;
    while (proto === 0 || proto === 43 || proto === 60) { // hop-by-hop, routing, destination options
      if (l4 + 8 > d.length) return 'IPv6 extension header cut';
      proto = d[l4]!;
      l4 += (d[l4 + 1]! + 1) * 8;
    }
    if (proto === 44) return 'IPv6 fragment (not reassembled)';
    if (proto !== 6) return null;
  } else {
    return `IP version ${version}`;
  }
  if (l4 + 20 > d.length) return 'TCP header cut';
  const doff = (d[l4 + 12]! >> 4) * 4;
  if (doff < 20 || l4 + doff > d.length || l4 + doff > ipEnd) return `TCP data offset ${doff} does not fit the packet`;
  const end = Math.min(d.length, ipEnd);
  return {
    src, dst, srcPort: d.readUInt16BE(l4), dstPort: d.readUInt16BE(l4 + 2), seq: d.readUInt32BE(l4 + 4),
    flags: d[l4 + 13]!, payload: d.subarray(l4 + doff, end), missing: Math.max(0, ipEnd - d.length),
  };
}

// RFC 5952 text form: lower case, longest run of zero groups (two or more) shortened to "::".
function ipv6(b: Buffer): string {
  const g = Array.from({ length: 8 }, (_, i) => b.readUInt16BE(i * 2));
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8;) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
