// Every registered rule fires on a crafted bad conversation and stays quiet on the matching good one.
import { describe, expect, it } from 'vitest';
import { encodePdu, makePdu } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';
import { encodeText } from '../text/codec.js';
import { rulesFound, Script, type Step } from './check.test-helpers.js';
import { allRules } from './rules/index.js';

const S = () => new Script().login();
const sense = (n = 18) => { const b = Buffer.alloc(2 + n); b.writeUInt16BE(n, 0); b[2] = 0x70; b[9] = n - 8; return b; };
const nopOut = (s: Script, data: Buffer) => s.i(makePdu('NopOut', { final: true, immediate: true, itt: (s.last = s.itt++), ttt: NO_TAG, cmdSN: s.cmdSN, data }));
const nopIn = (s: Script, data: Buffer, ttt = NO_TAG) => s.t(makePdu('NopIn', { final: true, itt: s.last, ttt, ...s.sn(), data }));
const discovery = () => new Script().login([{ key: 'InitiatorName', value: 'iqn.2026-11.test:init' }, { key: 'SessionType', value: 'Discovery' }]);
const text = (s: Script, final: boolean, ttt: number) => {
  s.i(makePdu('TextRequest', { final: true, immediate: true, itt: (s.last = s.itt++), ttt: NO_TAG, cmdSN: s.cmdSN, data: encodeText([{ key: 'SendTargets', value: 'All' }]) }));
  return s.t(makePdu('TextResponse', { final, itt: s.last, ttt, ...s.sn(), data: encodeText([{ key: 'TargetName', value: 'iqn.2026-11.test:tgt' }]) }));
};

/** rule id -> [finding expected in bad, bad steps, good steps]. */
const cases: Record<string, [string, () => Script, () => Script]> = {
  'check/pdu-format': ['pdu/f-bit', () => S().read(0).resp({ final: false }), () => S().read(0).resp()],
  'check/digest': ['check/digest', () => S(), () => S()], // framed digests: see digest.test.ts
  'check/opcode-phase': ['check/opcode-phase',
    () => { const s = new Script(); s.login(undefined, undefined, { transit: false, nsg: 0, csg: 1 }); s.cmdSN++; return s.read(0).resp(); },
    () => S().read(0).resp()],
  'check/discovery-opcode': ['check/discovery-opcode', () => discovery().read(0).resp(), () => text(discovery(), true, NO_TAG)],
  'check/itt-known': ['check/itt-known', () => { const s = S().read(0); s.last = 0x999; return s.resp(); }, () => S().read(0).resp()],
  'check/statsn-increment': ['check/statsn-increment', () => { const s = S().read(0); s.statSN += 2; return s.resp(); },
    () => S().write(512).r2t(0, 0, 512).dataOut(0, 0, 512, true).resp()],
  'check/cmdsn-window-valid': ['check/cmdsn-window-valid', () => S().read(0).resp({ maxCmdSN: 990 }), () => S().read(0).resp({ maxCmdSN: 1000 })],
  'check/expcmdsn-monotonic': ['check/expcmdsn-monotonic', () => S().read(0).resp().read(0).resp({ expCmdSN: 1000 }),
    () => S().read(0).resp().read(0).resp()],
  'check/expcmdsn-bound': ['check/expcmdsn-bound', () => S().read(0).resp({ expCmdSN: 1002 }),
    () => { const s = S().read(0).resp(); nopOut(s, Buffer.alloc(0)); return nopIn(s, Buffer.alloc(0)); }],
  'check/data-in-datasn': ['check/data-in-datasn', () => S().read(1024).dataIn(0, 0, 512).dataIn(2, 512, 512, { final: true, statusPresent: true }),
    () => S().read(1024).dataIn(0, 0, 512).dataIn(1, 512, 512, { final: true, statusPresent: true })],
  'check/data-in-offset': ['check/data-in-offset', () => S().read(1024).dataIn(0, 0, 512).dataIn(1, 500, 512, { final: true, statusPresent: true, underflow: true, residualCount: 0 }),
    () => S().read(1024).dataIn(0, 0, 512).dataIn(1, 512, 512, { final: true, statusPresent: true })],
  'check/data-in-burst': ['check/data-in-burst', () => { const s = S().read(600000); for (let i = 0; i < 33; i++) s.dataIn(i, i * 8192, 8192); return s; },
    () => { const s = S().read(600000); for (let i = 0; i < 33; i++) s.dataIn(i, i * 8192, 8192, { final: i === 31 }); return s; }],
  'check/data-in-within-edtl': ['check/data-in-within-edtl', () => S().read(512).dataIn(0, 0, 1024, { final: true, statusPresent: true }),
    () => S().read(512).dataIn(0, 0, 512, { final: true, statusPresent: true })],
  'check/data-in-final': ['check/data-in-final', () => S().read(512).dataIn(0, 0, 512).resp(), () => S().read(512).dataIn(0, 0, 512, { final: true }).resp()],
  'check/status-once': ['check/status-once', () => { const s = S().read(0).resp(); return s.resp(); }, () => S().read(0).resp().read(0).resp()],
  'check/residual': ['check/residual', () => S().read(1024).dataIn(0, 0, 512, { final: true, statusPresent: true, underflow: true, residualCount: 100 }),
    () => S().read(1024).dataIn(0, 0, 512, { final: true, statusPresent: true, underflow: true, residualCount: 512 })],
  'check/sense-data': ['check/sense-data', () => S().read(0).resp({ status: 2 }), () => S().read(0).resp({ status: 2, data: sense() })],
  'check/r2tsn-sequence': ['check/r2tsn-sequence', () => S().write(1024).r2t(1, 0, 1024).dataOut(0, 0, 1024, true).resp(),
    () => S().write(1024).r2t(0, 0, 512).dataOut(0, 0, 512, true).r2t(1, 512, 512, 0x78).dataOut(0, 512, 512, true, 0x78).resp()],
  'check/r2t-bounds': ['check/r2t-bounds', () => S().write(1024).r2t(0, 512, 1024).dataOut(0, 512, 1024, true).resp(),
    () => S().write(1024).r2t(0, 0, 1024).dataOut(0, 0, 1024, true).resp()],
  'check/data-segment-length': ['check/data-segment-length', () => S().read(16384).dataIn(0, 0, 16384, { final: true, statusPresent: true }),
    () => S().read(16384).dataIn(0, 0, 8192).dataIn(1, 8192, 8192, { final: true, statusPresent: true })],
  'check/nop-in-echo': ['check/nop-in-echo', () => nopIn(nopOut(S(), Buffer.from('ping')), Buffer.from('pong')),
    () => nopIn(nopOut(S(), Buffer.from('ping')), Buffer.from('ping'))],
  'check/login-isid-tsih': ['check/login-isid-tsih', () => new Script().login(undefined, undefined, { isid: 0x400001000001 }), () => S()],
  'check/login-version': ['check/login-version', () => new Script().login(undefined, undefined, { versionActive: 1 }), () => S()],
  'check/login-status': ['check/login-status', () => new Script().login(undefined, undefined, { statusDetail: 3 }), () => S()],
  'check/login-transit': ['check/login-transit', () => new Script().login(undefined, undefined, { csg: 0 }), () => S()],
  'check/negotiation': ['text/answer-without-offer', () => new Script().login(undefined, [{ key: 'TargetPortalGroupTag', value: '1' }, { key: 'InitialR2T', value: 'Reject' }]), () => S()],
  'check/text-response-ttt': ['check/text-response-ttt', () => text(discovery(), true, 5), () => text(discovery(), true, NO_TAG)],
  'check/reject-header': ['check/reject-header', () => S().t(makePdu('Reject', { final: true, reason: 4, itt: NO_TAG, ...new Script().sn(), statSN: 51, expCmdSN: 1000, maxCmdSN: 1016, data: Buffer.alloc(48, 9) })),
    () => { const s = S().read(0); const bhs = rejectedBhs(s.steps); return s.t(makePdu('Reject', { final: true, reason: 4, itt: NO_TAG, ...s.sn(), data: bhs })); }],
  'check/initiator-pdu-format': ['pdu/f-bit', () => S().i(makePdu('LogoutRequest', { final: false, itt: 0x44, cmdSN: 1000 })), () => S()],
  'check/initiator-digest': ['check/initiator-digest', () => S(), () => S()], // framed digests: see digest.test.ts
  'check/cmdsn-in-window': ['check/cmdsn-in-window', () => { const s = S(); s.cmdSN = 999; return s.read(0); }, () => S().read(0)],
  'check/data-out-datasn': ['check/data-out-datasn', () => S().write(1024).r2t(0, 0, 1024).dataOut(0, 0, 512, false).dataOut(0, 512, 512, true),
    () => S().write(1024).r2t(0, 0, 1024).dataOut(0, 0, 512, false).dataOut(1, 512, 512, true)],
  'check/data-out-offset': ['check/data-out-offset', () => S().write(1024).r2t(0, 0, 1024).dataOut(0, 0, 512, false).dataOut(1, 0, 512, true),
    () => S().write(1024).r2t(0, 0, 1024).dataOut(0, 0, 512, false).dataOut(1, 512, 512, true)],
  'check/data-out-r2t': ['check/data-out-r2t', () => S().write(1024).r2t(0, 0, 1024).dataOut(0, 0, 512, true),
    () => S().write(1024).r2t(0, 0, 1024).dataOut(0, 0, 1024, true)],
  'check/unsolicited-data': ['check/unsolicited-data', () => S().write(1024).dataOut(0, 0, 1024, true, NO_TAG),
    () => S().write(1024, 1024).resp()],
  'check/initiator-segment-length': ['check/initiator-segment-length', () => S().write(16384, 16384),
    () => S().write(16384, 8192).r2t(0, 8192, 8192).dataOut(0, 8192, 8192, true).resp()],
};

/** The BHS of the last PDU of a conversation, as a Reject would return it. */
const rejectedBhs = (steps: Step[]): Buffer => encodePdu(steps[steps.length - 1]!.pdu).bhs;

describe('every rule has a bad and a good conversation', () => {
  it('covers the whole registry', () => {
    expect(Object.keys(cases).sort()).toEqual(allRules.map(r => r.id).sort());
  });

  const live = Object.entries(cases).filter(([id]) => !id.endsWith('digest'));
  it.each(live)('%s fires on the bad one, and nothing unrelated does', (_id, [finding, bad]) => {
    expect([...new Set(rulesFound(bad().steps))]).toEqual([finding]);
  });
  it.each(Object.entries(cases))('%s: the good one is clean', (_id, [, , good]) => {
    expect(rulesFound(good().steps)).toEqual([]);
  });
});
