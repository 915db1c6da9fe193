// Login Request handler (RFC 7143 §6.3, §11.12): header checks, text continuation, negotiation, CHAP, stage transit.
import type { PduNamed } from '../../harness/pdu/registry.js';
import { decodeText, encodeText, type TextPair } from '../../harness/text/codec.js';
import { recordConcluded, respond } from '../../harness/text/negotiate.js';
import { applyResult } from '../../harness/text/params.js';
import type { Connection } from '../connection.js';
import { ChapAuthenticator } from './chap.js';
import { finishLogin } from './finish.js';
import { identify } from './identify.js';
import { newLoginState, type LoginState } from './login-state.js';
import { targetPolicy } from './policy.js';
import { failLogin, LOGIN_SEGMENT, sendLoginStep } from './respond.js';
import { fail, Status, type LoginFailure } from './status.js';

type LoginRequest = PduNamed<'LoginRequest'>;

const CHAP_EXCHANGE = new Set(['CHAP_I', 'CHAP_C', 'CHAP_N', 'CHAP_R']);

/** Handles one Login Request: a short list of named steps, each of which may end the login. */
export function handleLoginRequest(conn: Connection, req: LoginRequest): void {
  const { ctx } = conn;
  const st = (conn.login ??= newLoginState(ctx.faults.apply('authRequired', ctx.config.chap !== undefined)));
  const failure = checkHeader(conn, st, req);
  if (failure) return failLogin(conn, req, failure);
  const text = gatherText(conn, st, req);
  if (text === 'wait') return;
  if (text instanceof Error) return failLogin(conn, req, fail(Status.initiatorError, text.message));
  if (sendPendingText(conn, st, req, text)) return;
  const { pairs } = decodeText(text);
  if (ctx.faults.apply('loginKeys', undefined, pairs) === 'hang') { conn.hung = true; return; }
  const first = !st.started;
  st.started = true;
  if (first) {
    const f = identify(conn, st, pairs, req.cid);
    if (f) return failLogin(conn, req, f);
  }
  const answers = negotiate(conn, st, req, pairs);
  if (!Array.isArray(answers)) return failLogin(conn, req, answers);
  declare(conn, st, req, first, answers);
  const next = transit(st, req);
  if ('status' in next) return failLogin(conn, req, next);
  if (next.transit && next.nsg === 3 && encodeText(answers).length <= LOGIN_SEGMENT) return finishLogin(conn, st, req, answers);
  if (next.transit) st.stage = next.nsg as 0 | 1;
  sendLoginStep(conn, req, { pairs: answers, transit: next.transit, nsg: next.nsg, tsih: st.tsih, pending: st.outText });
}

// Step 1 (§11.12): version, T/C bits, stages, and identifiers that must not change during the login.
function checkHeader(conn: Connection, st: LoginState, req: LoginRequest): LoginFailure | undefined {
  if (req.versionMin > 0 || req.versionMax < req.versionMin)
    return fail(Status.unsupportedVersion, `Version-max ${req.versionMax} / Version-min ${req.versionMin}; we speak version 0 (§11.12.4)`);
  if (req.transit && req.continue) return fail(Status.initiatorError, 'T and C both set (§11.12.2)');
  if (req.csg !== 0 && req.csg !== 1) return fail(Status.initiatorError, `CSG ${req.csg} is not a login stage (§11.12.3)`);
  if (req.transit && (req.nsg <= req.csg || req.nsg === 2)) return fail(Status.initiatorError, `T=1 with CSG ${req.csg} and NSG ${req.nsg} (§11.12.3)`);
  if (!st.started && st.inText.length === 0) {
    st.isid = req.isid; st.tsih = req.tsih; st.itt = req.itt; st.stage = req.csg as 0 | 1;
    conn.cid = req.cid;
    conn.loginExpCmdSN = req.cmdSN;
    conn.statSN = req.expStatSN;
    return undefined;
  }
  if (req.isid !== st.isid || req.tsih !== st.tsih || req.cid !== conn.cid)
    return fail(Status.initiatorError, 'ISID, TSIH or CID changed in the middle of a login (§6.3)');
  if (req.csg !== st.stage) return fail(Status.initiatorError, `CSG ${req.csg} but the login is in stage ${st.stage} (§6.3)`);
  return undefined;
}

// Step 2 (§6.1, §11.12.2): a request with C=1 is only part of the text; answer it empty and wait for the rest.
function gatherText(conn: Connection, st: LoginState, req: LoginRequest): Buffer | 'wait' | Error {
  st.inBytes += req.data.length;
  if (st.inBytes > conn.ctx.config.limits.maxTextBytes) return new Error(`login text over ${conn.ctx.config.limits.maxTextBytes} bytes`);
  if (req.continue) {
    st.inText.push(req.data);
    sendLoginStep(conn, req, { pairs: [], transit: false, nsg: 0, tsih: st.tsih, pending: [] });
    return 'wait';
  }
  const text = st.inText.length ? Buffer.concat([...st.inText, req.data]) : req.data;
  st.inText = [];
  st.inBytes = 0;
  return text;
}

// Step 3 (§11.13.3): while our own answer is continued (C=1), the initiator sends empty requests to fetch the rest.
function sendPendingText(conn: Connection, st: LoginState, req: LoginRequest, text: Buffer): boolean {
  if (st.outText.length === 0) return false;
  if (text.length) { failLogin(conn, req, fail(Status.initiatorError, 'new keys while our continued response was pending')); return true; }
  const next = st.outText.shift()!;
  const last = st.outText.length === 0;
  if (last && req.transit && req.nsg === 3) { finishLogin(conn, st, req, [], next); return true; }
  sendLoginStep(conn, req, { text: next, transit: last && req.transit, nsg: req.nsg, tsih: st.tsih, pending: st.outText });
  if (last && req.transit) st.stage = req.nsg as 0 | 1;
  return true;
}

// Step 4 (§6.2, §12, §13): answer the offers with the shared engine; run CHAP in the security stage.
function negotiate(conn: Connection, st: LoginState, req: LoginRequest, pairs: readonly TextPair[]): TextPair[] | LoginFailure {
  const { ctx } = conn;
  if (req.csg === 1 && st.authRequired && !st.authDone)
    return fail(Status.authenticationFailure, 'operational stage reached without authentication (§6.3.2)');
  const plain = pairs.filter(p => !CHAP_EXCHANGE.has(p.key));
  let out = respond(plain, targetPolicy(ctx.config, { pairs: plain, params: st.params, negotiated: st.negotiated }), {
    us: 'target', phase: req.csg === 0 ? 'security' : 'operational', sessionType: st.sessionType,
    leading: st.tsih === 0, negotiated: st.negotiated, current: st.params,
  });
  out = ctx.faults.apply('negotiation', out, plain);
  const renegotiated = out.violations.find(v => v.rule === 'text/renegotiation');
  if (renegotiated) return fail(Status.initiatorError, renegotiated.message);
  st.params = out.params;
  recordConcluded(st.negotiated, pairs, 'initiator');
  const answers = [...out.answers];
  if (req.csg !== 0) {
    if (pairs.some(p => CHAP_EXCHANGE.has(p.key))) return fail(Status.initiatorError, 'CHAP keys outside the security stage (§12)');
    return answers;
  }
  const auth = out.results.find(r => r.key === 'AuthMethod')?.value;
  if (auth !== undefined) {
    if (auth === 'CHAP' && ctx.config.chap) st.chap = new ChapAuthenticator(ctx.config.chap, ctx.config.mutualChap, ctx.challenges, ctx.faults);
    else if (auth !== 'None' || st.authRequired) return fail(Status.authenticationFailure, `AuthMethod negotiated to ${auth}`);
  }
  if (!st.chap) {
    if (pairs.some(p => CHAP_EXCHANGE.has(p.key) || p.key === 'CHAP_A')) return fail(Status.initiatorError, 'CHAP keys without AuthMethod=CHAP');
    return answers;
  }
  const step = st.chap.step(pairs.filter(p => CHAP_EXCHANGE.has(p.key)), answers.find(a => a.key === 'CHAP_A')?.value);
  if (step.failure) return step.failure;
  if (step.done) st.authDone = true;
  for (const a of step.answers) st.negotiated.add(`target:${a.key}`);
  return [...answers, ...step.answers];
}

// Step 5: what the target states without being asked: TargetPortalGroupTag in the first response of a Normal
// session (§13.9), and its own MaxRecvDataSegmentLength once the operational stage starts (§13.12).
function declare(conn: Connection, st: LoginState, req: LoginRequest, first: boolean, answers: TextPair[]): void {
  const { config, faults } = conn.ctx;
  if (first && st.sessionType === 'Normal' && faults.apply('sendTpgt', true))
    answers.push({ key: 'TargetPortalGroupTag', value: String(config.tpgt) });
  if (first && st.sessionType === 'Normal' && config.alias) answers.push({ key: 'TargetAlias', value: config.alias });
  if (req.csg === 1 && !st.declared.has('MaxRecvDataSegmentLength') && !st.negotiated.has('target:MaxRecvDataSegmentLength')) {
    const ours = String(config.limits.maxRecvDataSegmentLength);
    answers.push({ key: 'MaxRecvDataSegmentLength', value: ours });
    st.declared.add('MaxRecvDataSegmentLength');
    st.params = applyResult(st.params, 'MaxRecvDataSegmentLength', ours, 'target');
  }
}

// Step 6 (§6.3): the target moves on only when the initiator asks to (T=1) and authentication allows it.
function transit(st: LoginState, req: LoginRequest): { transit: boolean; nsg: number } | LoginFailure {
  if (!req.transit) return { transit: false, nsg: 0 };
  if (req.csg === 0 && st.authRequired && !st.authDone) {
    if (st.chap) return { transit: false, nsg: 0 }; // the CHAP exchange is still under way
    return fail(Status.authenticationFailure, 'the initiator tried to leave the security stage without authenticating');
  }
  return { transit: true, nsg: req.nsg };
}

