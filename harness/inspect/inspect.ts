// inspect: a capture file -> the iSCSI PDUs in it, decoded, with login/text keys and violations.
import { frameConnection, type CapturedPdu, type DigestMode } from '../capture/frame-connection.js';
import { ISCSI_PORT, readCapture } from '../capture/read-capture.js';
import type { FramedPdu } from '../pdu/framer.js';
import { decodePdu, validatePdu, type Pdu } from '../pdu/registry.js';
import { decodeText, redact, type TextPair } from '../text/codec.js';
import type { Violation } from '../violation.js';

/** One PDU as inspect reports it. */
export interface InspectedPdu {
  /** Seconds since the capture's first packet. */
  time: number;
  conn: number;
  dir: 'i2t' | 't2i';
  pdu: Pdu;
  /** Login/Text keys, decoded once the text is complete (C=0), secrets redacted. */
  keys?: TextPair[];
  /** True on a PDU whose text continues in the next one (C=1). */
  continued?: boolean;
  digestOk: boolean | null;
  violations: Violation[];
  /** The framed PDU (digests, padding) for the passive checker; not printed. */
  framed?: FramedPdu;
}

/** Everything inspect found in one capture. */
export interface InspectResult {
  pdus: InspectedPdu[];
  connections: Array<{ id: number; initiator: string; target: string; digests: { header: boolean; data: boolean } }>;
  /** Lost or cut bytes and skipped packets: the capture could not be read whole when non-empty. */
  warnings: string[];
  /** TCP connections left out because neither port is an iSCSI port we were told of. */
  otherConnections: Array<{ initiator: string; target: string }>;
}

/** Options of `inspect`. */
export interface InspectOptions { ports?: number[]; headerDigest?: DigestMode; dataDigest?: DigestMode }

const TEXT_TYPES = new Set(['LoginRequest', 'LoginResponse', 'TextRequest', 'TextResponse']);

/** Reads a pcap/pcapng buffer; throws CaptureError when the file itself is cut or not a capture. */
export function inspectCapture(buf: Buffer, opts: InspectOptions = {}): InspectResult {
  const cap = readCapture(buf, opts.ports ? { ports: opts.ports } : {});
  const iscsiPorts = new Set([ISCSI_PORT, ...(opts.ports ?? [])]);
  const warnings = [...cap.warnings];
  const pdus: InspectedPdu[] = [];
  const connections: InspectResult['connections'] = [];
  const otherConnections: InspectResult['otherConnections'] = [];
  for (const conn of cap.connections) {
    if (!iscsiPorts.has(Number(conn.target.slice(conn.target.lastIndexOf(':') + 1)))) {
      otherConnections.push({ initiator: conn.initiator, target: conn.target });
      continue;
    }
    const framed = frameConnection(conn, { headerDigest: opts.headerDigest ?? 'auto', dataDigest: opts.dataDigest ?? 'auto' });
    warnings.push(...framed.warnings);
    connections.push({ id: conn.id, initiator: conn.initiator, target: conn.target, digests: framed.digests });
    const pendingText = { i2t: [] as Buffer[], t2i: [] as Buffer[] };
    for (const f of framed.pdus) pdus.push(inspectOne(f, cap.start, pendingText));
  }
  pdus.sort((a, b) => a.time - b.time || a.conn - b.conn);
  return { pdus, connections, warnings, otherConnections };
}

function inspectOne(f: CapturedPdu, start: number, pendingText: Record<'i2t' | 't2i', Buffer[]>): InspectedPdu {
  const pdu = decodePdu(f.bhs, f.ahs, f.data);
  const out: InspectedPdu = { time: f.time - start, conn: f.conn, dir: f.dir, pdu, digestOk: f.digestOk, violations: validatePdu(pdu), framed: f };
  if (TEXT_TYPES.has(pdu.type)) {
    pendingText[f.dir].push(f.data);
    if ('continue' in pdu && pdu.continue) out.continued = true;
    else {
      const text = Buffer.concat(pendingText[f.dir]);
      pendingText[f.dir] = [];
      const decoded = decodeText(text, { sendTargetsResponse: pdu.type === 'TextResponse' });
      out.keys = redact(decoded.pairs);
      out.violations.push(...decoded.violations);
    }
  }
  return out;
}
