// The final Login Response (T=1, NSG=FullFeature): create or join the session, then switch digests and limits.
import { makePdu, type PduNamed } from '../../harness/pdu/registry.js';
import { encodeText, type TextPair } from '../../harness/text/codec.js';
import type { Connection } from '../connection.js';
import { Session } from '../session.js';
import type { LoginState } from './login-state.js';
import { LOGIN_SEGMENT } from './respond.js';

type LoginRequest = PduNamed<'LoginRequest'>;

/**
 * Completes the login: reinstatement ends the old session of the same ISID + InitiatorName (§6.3.5), a connection
 * with a CID already in the session replaces it (§6.3.4); the response carries the TSIH (§11.13.4), and digests
 * start with the first PDU after it (§13.1).
 */
export function finishLogin(conn: Connection, st: LoginState, req: LoginRequest, answers: TextPair[], text?: Buffer): void {
  const { ctx } = conn;
  let session = st.existing;
  if (!session) {
    if (st.reinstates && !st.reinstates.closed && ctx.faults.apply('reinstate', true))
      st.reinstates.end('reinstated by a new login with the same ISID and InitiatorName (§6.3.5)');
    session = new Session(ctx, {
      tsih: ctx.allocTsih(), isid: st.isid, initiatorName: st.initiatorName!, type: st.sessionType,
      params: st.params, expCmdSN: req.cmdSN,
    });
    ctx.sessions.set(session.tsih, session);
  } else {
    session.connections.get(req.cid)?.close('connection reinstated by a login with the same CID (§6.3.4)');
  }
  conn.params = { ...session.params, headerDigest: st.params.headerDigest, dataDigest: st.params.dataDigest,
    maxRecvDataSegmentLength: st.params.maxRecvDataSegmentLength };
  conn.session = session;
  session.attach(conn);
  const data = text ?? encodeText(answers);
  conn.send(makePdu('LoginResponse', {
    transit: true, continue: false, csg: req.csg, nsg: 3, versionMax: 0, versionActive: 0,
    isid: req.isid, tsih: ctx.faults.apply('finalTsih', session.tsih), itt: req.itt, statSN: 0, expCmdSN: 0, maxCmdSN: 0,
    statusClass: 0, statusDetail: 0, ahs: [], data: data.subarray(0, LOGIN_SEGMENT),
  }), true);
  conn.setDigests(conn.params.headerDigest === 'CRC32C', conn.params.dataDigest === 'CRC32C');
  conn.login = undefined;
  conn.enterFullFeature();
  ctx.log.info(`c${conn.id} ${conn.peer} logged in: ${session.type} session tsih=${session.tsih} cid=${conn.cid} ` +
    `${session.initiatorName} digests=${conn.params.headerDigest}/${conn.params.dataDigest}`);
}
