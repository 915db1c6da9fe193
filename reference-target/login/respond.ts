// Login Responses (RFC 7143 §11.13): success steps with C-bit continuation of long text, and failures that close.
import { makePdu, type PduNamed } from '../../harness/pdu/registry.js';
import { encodeText, splitSegments, type TextPair } from '../../harness/text/codec.js';
import type { Connection } from '../connection.js';
import type { LoginFailure } from './status.js';

/** During login the initiator receives at most the default 8192 bytes per PDU (§13.12 default). */
export const LOGIN_SEGMENT = 8192;

type LoginRequest = PduNamed<'LoginRequest'>;

/** The fields every Login Response copies from the request. */
function base(req: LoginRequest, tsih: number): Partial<PduNamed<'LoginResponse'>> {
  return { csg: req.csg, versionMax: 0, versionActive: 0, isid: req.isid, tsih, itt: req.itt };
}

/** Sends one Login Response step; text longer than one PDU goes out with C=1 and the rest waits in `pending`. */
export function sendLoginStep(conn: Connection, req: LoginRequest, opts: {
  pairs?: readonly TextPair[]; text?: Buffer; transit: boolean; nsg: number; tsih: number; pending: Buffer[];
}): void {
  let data = opts.text ?? encodeText(opts.pairs ?? []);
  let more = false;
  if (data.length > LOGIN_SEGMENT) {
    const [first, ...rest] = splitSegments(data, LOGIN_SEGMENT);
    data = first!;
    opts.pending.push(...rest);
    more = true;
  }
  conn.send(makePdu('LoginResponse', {
    ...base(req, opts.tsih), transit: more ? false : opts.transit, continue: more, nsg: more ? 0 : opts.nsg,
    statusClass: 0, statusDetail: 0, data,
  }), true);
}

/**
 * Ends the login with a failure status and closes the connection after it is written (§6.3, §11.13.5). In a Login
 * reject T, CSG and NSG are reserved (§6.3), and reserved fields are sent as 0 (§11), whatever the request said.
 */
export function failLogin(conn: Connection, req: LoginRequest, f: LoginFailure): void {
  conn.ctx.log.warn(`c${conn.id} ${conn.peer} login failed 0x${f.status.toString(16).padStart(4, '0')}: ${f.reason}`);
  conn.send(makePdu('LoginResponse', {
    ...base(req, req.tsih), transit: false, continue: false, csg: 0, nsg: 0,
    statusClass: f.status >> 8, statusDetail: f.status & 0xff, data: Buffer.alloc(0),
  }), true);
  conn.closeAfterFlush(`login failed: ${f.reason}`);
}
