// Text Request/Response in Full Feature Phase (RFC 7143 §11.10, §11.11): C-bit continuation both ways, SendTargets.
import { TransportError } from '../errors.js';
import { makePdu, type Pdu } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';
import { decodeText, encodeText, splitSegments, type TextPair } from '../text/codec.js';
import { checkAnswers } from '../text/negotiate.js';
import { sendLimit, type NegotiatedParams } from '../text/params.js';
import type { Violation } from '../violation.js';
import type { Link } from './link.js';
import type { Numbering } from './numbering.js';

/** What a text exchange returns: the target's pairs (all PDUs joined), every PDU, and rules broken. */
export interface TextResult {
  pairs: TextPair[];
  pdus: Pdu[];
  violations: Violation[];
  params: NegotiatedParams;
}

/** What a text exchange needs from the session. */
export interface TextHost {
  link: Link;
  numbering: Numbering;
  params: NegotiatedParams;
  timeoutMs: number;
}

const MAX_PDUS = 1024;

/**
 * Sends `pairs` (split over C=1 PDUs when longer than the target's MaxRecvDataSegmentLength) and collects the whole
 * response, asking for more with empty requests carrying the target's TTT while it answers with F=0 (§11.10.4).
 */
export async function runText(h: TextHost, pairs: readonly TextPair[], o: { immediate?: boolean; timeoutMs?: number } = {}): Promise<TextResult> {
  const itt = h.numbering.nextItt();
  const deadline = Date.now() + (o.timeoutMs ?? h.timeoutMs);
  const pdus: Pdu[] = [];
  const left = (): number => {
    const ms = deadline - Date.now();
    if (ms <= 0) throw new TransportError(`text exchange ITT 0x${itt.toString(16)} not finished in time`, 'ERR_TIMEOUT');
    return ms;
  };
  const request = async (data: Buffer, last: boolean, ttt: number): Promise<void> => {
    const immediate = o.immediate ?? false;
    const req = makePdu('TextRequest', {
      immediate, final: last, continue: !last, lun: 0n, itt, ttt, cmdSN: h.numbering.takeCmdSN(immediate),
      expStatSN: h.numbering.expStatSN, data,
    });
    pdus.push(req);
    await h.link.send(req);
  };
  const response = async () => {
    const r = await h.link.receive({ timeoutMs: left(), match: p => p.type === 'TextResponse' && p.itt === itt });
    pdus.push(r.pdu);
    return r.pdu as Extract<Pdu, { type: 'TextResponse' }>;
  };
  const segments = splitSegments(encodeText(pairs), sendLimit(h.params, 'initiator'));
  let ttt = NO_TAG;
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    await request(segments[i]!, last, ttt);
    if (!last) ttt = (await response()).ttt; // the target acknowledges each C=1 part with an empty response
  }
  const parts: Buffer[] = [];
  for (let n = 0; n < MAX_PDUS; n++) {
    const resp = await response();
    parts.push(resp.data);
    if (resp.final) return finish(h, pairs, Buffer.concat(parts), pdus);
    await request(Buffer.alloc(0), true, resp.ttt);
  }
  throw new TransportError(`text response continued over ${MAX_PDUS} PDUs`, 'ERR_TEXT_CONTINUATION');
}

function finish(h: TextHost, ours: readonly TextPair[], data: Buffer, pdus: Pdu[]): TextResult {
  const sendTargets = ours.some(p => p.key === 'SendTargets');
  const text = decodeText(data, { sendTargetsResponse: sendTargets });
  if (sendTargets) return { pairs: text.pairs, pdus, violations: text.violations, params: h.params };
  const checked = checkAnswers(ours, text.pairs, {
    us: 'initiator', phase: 'ffp', sessionType: h.params.sessionType, leading: false, current: h.params, final: true,
  });
  return { pairs: text.pairs, pdus, violations: [...text.violations, ...checked.violations], params: checked.params };
}
