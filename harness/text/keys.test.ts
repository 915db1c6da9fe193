// The key table covers every RFC 7143 §12/§13 key once, with section refs and declared facts checked against the RFC text.
import { describe, expect, it } from 'vitest';
import { ALL_KEYS, allowedInPhase, checkValue, classifyKey, keyByName } from './keys.js';

const SECTION13 = ['HeaderDigest', 'DataDigest', 'MaxConnections', 'SendTargets', 'TargetName', 'InitiatorName', 'TargetAlias',
  'InitiatorAlias', 'TargetAddress', 'TargetPortalGroupTag', 'InitialR2T', 'ImmediateData', 'MaxRecvDataSegmentLength',
  'MaxBurstLength', 'FirstBurstLength', 'DefaultTime2Wait', 'DefaultTime2Retain', 'MaxOutstandingR2T', 'DataPDUInOrder',
  'DataSequenceInOrder', 'ErrorRecoveryLevel', 'SessionType', 'TaskReporting', 'iSCSIProtocolLevel', 'X#NodeArchitecture',
  'OFMarker', 'IFMarker', 'OFMarkInt', 'IFMarkInt'];
const SECTION12 = ['AuthMethod', 'KRB_AP_REQ', 'KRB_AP_REP', 'SRP_U', 'TargetAuth', 'SRP_GROUP', 'SRP_s', 'SRP_A', 'SRP_B', 'SRP_M',
  'SRP_HM', 'CHAP_A', 'CHAP_I', 'CHAP_C', 'CHAP_N', 'CHAP_R'];

describe('key registry', () => {
  it('declares every key exactly once', () => {
    expect(ALL_KEYS.map(k => k.name).sort()).toEqual([...SECTION13, ...SECTION12].sort());
  });
  it('every default is a valid value of its own key', () => {
    for (const k of ALL_KEYS) if (k.default !== undefined && k.name !== 'X#NodeArchitecture') expect(checkValue(k, k.default), k.name).toBeUndefined();
  });
  it('refs point at RFC 7143 §12/§13 (iSCSIProtocolLevel at RFC 7144 §7.1.1)', () => {
    for (const k of ALL_KEYS) expect(k.ref, k.name).toMatch(/^rfc7143\/1[23](\.\d+)*$|^rfc7144\/7\.1\.1$/);
  });
  it('states the §13.25 handling of obsoleted keys', () => {
    expect(keyByName('IFMarker')!.obsolete!.answers).toEqual(['Reject', 'No']);
    expect(keyByName('OFMarkInt')!.obsolete!.answers).toEqual(['Reject']);
  });
  it('places keys in stages and phases as §12/§13 say', () => {
    const tn = keyByName('TargetName')!;
    expect(allowedInPhase(tn, 'security', 'initiator')).toBe(true);
    expect(allowedInPhase(tn, 'ffp', 'target')).toBe(true);
    expect(allowedInPhase(tn, 'ffp', 'initiator')).toBe(false);
    expect(allowedInPhase(keyByName('CHAP_A')!, 'operational', 'initiator')).toBe(false);
    expect(allowedInPhase(keyByName('MaxBurstLength')!, 'security', 'initiator')).toBe(false);
    expect(allowedInPhase(keyByName('MaxRecvDataSegmentLength')!, 'ffp', 'target')).toBe(true);
    expect(allowedInPhase(keyByName('SendTargets')!, 'operational', 'initiator')).toBe(false);
  });
  it('recognises extension keys by pattern', () => {
    expect(classifyKey('X-com.example.foo')).toBe('private');
    expect(classifyKey('X#Other')).toBe('public-extension');
    expect(classifyKey('X#NodeArchitecture')).toBe('rfc');
    expect(classifyKey('Foo')).toBe('unknown');
  });
  it('checks ranges at the boundaries', () => {
    const mrdsl = keyByName('MaxRecvDataSegmentLength')!;
    expect(checkValue(mrdsl, '511')).toBeDefined();
    expect(checkValue(mrdsl, '512')).toBeUndefined();
    expect(checkValue(mrdsl, String(2 ** 24 - 1))).toBeUndefined();
    expect(checkValue(mrdsl, String(2 ** 24))).toBeDefined();
    expect(checkValue(keyByName('X#NodeArchitecture')!, 'a'.repeat(256))).toBeDefined();
  });
});
