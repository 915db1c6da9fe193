// Text Request handler (RFC 7143 §11.10, §6.4): SendTargets, FFP renegotiation, and C/F continuation both ways.
import { makePdu, type PduNamed } from '../../harness/pdu/registry.js';
import { NO_TAG } from '../../harness/pdu/types/codes.js';
import { decodeText, encodeText, splitSegments, type TextPair } from '../../harness/text/codec.js';
import { respond } from '../../harness/text/negotiate.js';
import type { Connection } from '../connection.js';
import { targetPolicy } from '../login/policy.js';
import { formatError, Reason, reject } from './reject.js';
import { sendTargets } from './send-targets.js';

type TextRequest = PduNamed<'TextRequest'>;

/** One text exchange in progress on a connection. */
export interface TextExchange {
  itt: number;
  ttt: number;
  /** Request text received with C=1. */
  inText: Buffer[];
  inBytes: number;
  /** Answer segments not yet sent. */
  out: Buffer[];
}

const exchanges = new WeakMap<Connection, TextExchange>();

/** Handles a Text Request: more request text, a fetch of our continued answer, or a new exchange. */
export function handleTextRequest(conn: Connection, req: TextRequest, bhs: Buffer): void {
  // §11.10.2: C=1 requires F=0; both set are inconsistent fields, a format error that ends the session (§7.7).
  if (req.final && req.continue) return formatError(conn, 'Text Request with both F and C set (§11.10.2)');
  let ex = exchanges.get(conn);
  if (req.ttt !== NO_TAG) {
    if (!ex || ex.ttt !== req.ttt || ex.itt !== req.itt)
      return reject(conn, bhs, Reason.invalidPduField, `Text Request TTT 0x${req.ttt.toString(16)} continues no exchange (§11.10.4)`);
  } else if (ex && (ex.out.length || ex.inText.length)) {
    exchanges.delete(conn); // TTT 0xffffffff starts anew and resets the pending exchange (§11.10.4)
    ex = undefined;
  }
  ex ??= { itt: req.itt, ttt: NO_TAG, inText: [], inBytes: 0, out: [] };
  exchanges.set(conn, ex);
  if (ex.out.length) {
    if (req.data.length) return reject(conn, bhs, Reason.invalidPduField, 'new text while our answer is being continued (§11.10.2)');
    return sendSegment(conn, req, ex);
  }
  ex.inBytes += req.data.length;
  if (ex.inBytes > conn.ctx.config.limits.maxTextBytes) {
    exchanges.delete(conn);
    return reject(conn, bhs, Reason.protocolError, `text request over ${conn.ctx.config.limits.maxTextBytes} bytes`);
  }
  ex.inText.push(req.data);
  if (req.continue) {
    ex.ttt = conn.session!.newTtt();
    return sendText(conn, req, Buffer.alloc(0), false, ex.ttt);
  }
  const text = Buffer.concat(ex.inText);
  ex.inText = [];
  ex.inBytes = 0;
  const { pairs } = decodeText(text);
  // §4.3: a Discovery session accepts only Text Requests carrying SendTargets.
  if (conn.session!.type === 'Discovery' && !pairs.some(p => p.key === 'SendTargets'))
    return reject(conn, bhs, Reason.protocolError, 'a Text Request without SendTargets in a Discovery session (§4.3)');
  const answers = answer(conn, pairs);
  const limit = Math.max(1, conn.ctx.faults.apply('textSegment', conn.sendLimit));
  ex.out = splitSegments(encodeText(answers), limit);
  sendSegment(conn, req, ex);
}

// §6.4: keys in FFP are answered by the same engine (FFPO/ALL keys only); SendTargets is answered per Appendix C.
function answer(conn: Connection, pairs: readonly TextPair[]): TextPair[] {
  const session = conn.session!;
  const out: TextPair[] = [];
  const rest = pairs.filter(p => p.key !== 'SendTargets');
  const st = pairs.find(p => p.key === 'SendTargets');
  if (st) out.push(...sendTargets(conn.ctx, st.value, session.type));
  if (rest.length) {
    const res = respond(rest, targetPolicy(conn.ctx.config), {
      us: 'target', phase: 'ffp', sessionType: session.type, leading: false, negotiated: new Set(), current: conn.params,
    });
    const outcome = conn.ctx.faults.apply('negotiation', res, rest);
    conn.params = outcome.params;
    out.push(...outcome.answers);
  }
  return out;
}

function sendSegment(conn: Connection, req: TextRequest, ex: TextExchange): void {
  const seg = ex.out.shift() ?? Buffer.alloc(0);
  const more = ex.out.length > 0;
  if (more) ex.ttt = conn.session!.newTtt();
  else exchanges.delete(conn);
  sendText(conn, req, seg, !more, more ? ex.ttt : NO_TAG, more);
}

/** One Text Response; F=0 carries a TTT for the initiator to continue with (§11.11.4). */
function sendText(conn: Connection, req: TextRequest, data: Buffer, final: boolean, ttt: number, more = false): void {
  conn.send(makePdu('TextResponse', {
    final, continue: more, lun: req.lun, itt: req.itt, ttt, statSN: 0, expCmdSN: 0, maxCmdSN: 0,
    ahs: [], data,
  }), true);
}
