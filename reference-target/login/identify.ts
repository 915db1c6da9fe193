// First Login Request checks (RFC 7143 §6.3.1, §6.3.5, §11.12): who logs in, to what, into which session.
import type { TextPair } from '../../harness/text/codec.js';
import type { Connection } from '../connection.js';
import type { LoginState } from './login-state.js';
import { fail, Status, type LoginFailure } from './status.js';

const value = (pairs: readonly TextPair[], key: string): string | undefined => pairs.find(p => p.key === key)?.value;

/**
 * Reads InitiatorName, SessionType and TargetName from the first request's keys and binds the login to a session:
 * a new one (TSIH 0, maybe reinstating the same ISID + name), or an existing one for a further connection.
 */
export function identify(conn: Connection, st: LoginState, pairs: readonly TextPair[], cid: number): LoginFailure | undefined {
  const { config } = conn.ctx;
  const initiatorName = value(pairs, 'InitiatorName');
  if (!initiatorName) return fail(Status.missingParameter, 'InitiatorName missing from the first Login Request (§13.5)');
  const type = value(pairs, 'SessionType') ?? 'Normal';
  if (type !== 'Normal' && type !== 'Discovery') return fail(Status.sessionTypeNotSupported, `SessionType=${type}`);
  st.initiatorName = initiatorName;
  st.sessionType = type;
  st.params = { ...st.params, sessionType: type, initiatorName };
  if (type === 'Normal') {
    const targetName = value(pairs, 'TargetName');
    if (!targetName) return fail(Status.missingParameter, 'TargetName missing from a Normal session login (§13.4)');
    if (targetName !== config.iqn) return fail(Status.notFound, `no target named ${targetName}`);
    if (config.allow.length && !config.allow.includes(initiatorName))
      return fail(Status.authorizationFailure, `${initiatorName} is not on the allow list`);
    st.targetName = targetName;
  }
  return st.tsih === 0 ? bindNew(conn, st) : bindExisting(conn, st, cid);
}

function bindNew(conn: Connection, st: LoginState): LoginFailure | undefined {
  const { ctx } = conn;
  if (ctx.sessions.size >= ctx.config.limits.maxSessions) return fail(Status.outOfResources, `${ctx.sessions.size} sessions already`);
  if (st.sessionType === 'Normal') st.reinstates = ctx.findSession(st.initiatorName!, st.isid, 'Normal');
  return undefined;
}

// §6.3: a login with a non-zero TSIH adds a connection to that session; the TSIH must name a live session of
// this initiator port (else 0x020a), and MaxConnections bounds how many it may have.
function bindExisting(conn: Connection, st: LoginState, cid: number): LoginFailure | undefined {
  const s = conn.ctx.sessions.get(st.tsih);
  if (!s || s.closed || s.isid !== st.isid || s.initiatorName !== st.initiatorName || s.type !== st.sessionType)
    return fail(Status.sessionDoesNotExist, `no session with TSIH ${st.tsih} for this ISID and InitiatorName`);
  if (!s.connections.has(cid) && s.connections.size >= s.params.maxConnections)
    return fail(Status.tooManyConnections, `session ${st.tsih} already has ${s.connections.size} of MaxConnections=${s.params.maxConnections}`);
  st.existing = s;
  conn.loginExpCmdSN = s.window.expCmdSN; // the session's window, not the login's CmdSN, is what the responses report
  st.params = { ...s.params, headerDigest: 'None', dataDigest: 'None', maxRecvDataSegmentLength: { initiator: 8192, target: 8192 } };
  return undefined;
}
