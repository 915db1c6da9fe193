// Unit tests for the §6.1 codec, value helpers and redaction: each rule fires on a crafted bad input and stays quiet on a good one.
import { describe, expect, it } from 'vitest';
import {
  decodeText, encodeText, formatBinary, formatNumerical, isSecretKey, parseBinary, parseBoolean, parseLargeNumerical,
  parseList, parseNumerical, parseRange, printText, redact, splitSegments,
} from './codec.js';

const bytes = (s: string) => Buffer.from(s, 'latin1');
const rules = (s: string | Buffer) => decodeText(typeof s === 'string' ? bytes(s) : s).violations.map(v => v.rule);

describe('decodeText', () => {
  it('decodes ordered pairs and re-encodes the exact bytes', () => {
    const b = bytes('InitiatorName=iqn.x\0AuthMethod=CHAP,None\0Empty=\0');
    const d = decodeText(b);
    expect(d.pairs).toEqual([{ key: 'InitiatorName', value: 'iqn.x' }, { key: 'AuthMethod', value: 'CHAP,None' }, { key: 'Empty', value: '' }]);
    expect(d.violations).toEqual([]);
    expect(encodeText(d.pairs).equals(b)).toBe(true);
  });
  it('keeps everything after the first "=" as the value', () => {
    expect(decodeText(bytes('X-a=b=c\0')).pairs).toEqual([{ key: 'X-a', value: 'b=c' }]);
  });
  it('tolerates a missing final null but reports it', () => {
    const d = decodeText(bytes('MaxBurstLength=512'));
    expect(d.pairs).toEqual([{ key: 'MaxBurstLength', value: '512' }]);
    expect(d.violations.map(v => v.rule)).toEqual(['text/missing-final-null']);
  });
  it('tolerates trailing padding zeros but reports them', () => {
    expect(rules('A=1\0\0\0\0')).toEqual(['text/trailing-null']);
    expect(decodeText(bytes('A=1\0\0\0')).pairs).toEqual([{ key: 'A', value: '1' }]);
  });
  it('reports an empty pair in the middle', () => {
    expect(rules('A=1\0\0B=2\0')).toEqual(['text/empty-pair']);
  });
  it('reports a pair without "="', () => {
    expect(rules('NoEquals\0')).toEqual(['text/missing-equals']);
  });
  it('keeps duplicates in order and reports them, except repeatable keys', () => {
    const d = decodeText(bytes('A=1\0A=2\0'));
    expect(d.pairs.map(p => p.value)).toEqual(['1', '2']);
    expect(d.violations.map(v => v.rule)).toEqual(['text/duplicate-key']);
    expect(rules('TargetAddress=a,1\0TargetAddress=b,2\0')).toEqual([]);
    const st = bytes('TargetName=iqn.a\0TargetAddress=a,1\0TargetName=iqn.b\0');
    expect(decodeText(st, { sendTargetsResponse: true }).violations).toEqual([]);
    expect(rules(st)).toEqual(['text/duplicate-key']);
  });
  it('reports key names over 63 bytes and bad characters, but not RFC names that break the label rule', () => {
    expect(rules(`X-${'k'.repeat(62)}=1\0`)).toEqual(['text/key-too-long']);
    expect(rules(`X-${'k'.repeat(61)}=1\0`)).toEqual([]);
    expect(rules('lower=1\0')).toEqual(['text/key-bad-characters']);
    expect(rules('Bad Key=1\0')).toEqual(['text/key-bad-characters']);
    expect(rules('iSCSIProtocolLevel=1\0X#NodeArchitecture=a\0')).toEqual([]);
  });
  it('reports values over 255 bytes unless the key allows more', () => {
    expect(rules(`TargetAlias=${'a'.repeat(256)}\0`)).toEqual(['text/value-too-long']);
    expect(rules(`TargetAlias=${'a'.repeat(255)}\0`)).toEqual([]);
    expect(rules(`CHAP_C=0x${'ab'.repeat(1024)}\0`)).toEqual([]);
    expect(rules(`CHAP_C=0x${'ab'.repeat(1025)}\0`)).toEqual(['text/value-too-long']);
    expect(rules(`TargetName=iqn.${'a'.repeat(220)}\0`)).toEqual(['text/value-too-long']);
  });
  it('reports invalid UTF-8 and still recovers the pair', () => {
    const d = decodeText(Buffer.concat([bytes('TargetAlias=a'), Buffer.from([0xff, 0xfe]), Buffer.from([0])]));
    expect(d.violations.map(v => v.rule)).toEqual(['text/invalid-utf8']);
    expect(d.pairs[0]!.key).toBe('TargetAlias');
  });
  it('decodes UTF-8 aliases', () => {
    const b = Buffer.from('TargetAlias=Disque n°1\0', 'utf8');
    expect(decodeText(b).pairs[0]!.value).toBe('Disque n°1');
    expect(encodeText(decodeText(b).pairs).equals(b)).toBe(true);
  });
  it('decodes an empty segment to no pairs', () => {
    expect(decodeText(Buffer.alloc(0))).toEqual({ pairs: [], violations: [] });
  });
});

describe('splitSegments', () => {
  it('splits for C-bit continuation and rejoins to the same bytes', () => {
    const b = encodeText([{ key: 'A', value: 'x'.repeat(10) }, { key: 'B', value: '1' }]);
    const parts = splitSegments(b, 4);
    expect(parts.every(p => p.length <= 4)).toBe(true);
    expect(Buffer.concat(parts).equals(b)).toBe(true);
  });
});

describe('value helpers', () => {
  it('numerical: decimal and hex, no leading zeros, no base64, below 2**64', () => {
    expect(parseNumerical('0')).toBe(0n);
    expect(parseNumerical('8192')).toBe(8192n);
    expect(parseNumerical('0x2000')).toBe(8192n);
    expect(parseNumerical('0X2000')).toBe(8192n);
    expect(parseNumerical('08192')).toBeUndefined();
    expect(parseNumerical('0bAAA=')).toBeUndefined();
    expect(parseNumerical('-1')).toBeUndefined();
    expect(parseNumerical('18446744073709551615')).toBe(2n ** 64n - 1n);
    expect(parseNumerical('18446744073709551616')).toBeUndefined();
    expect(formatNumerical(8192)).toBe('8192');
    expect(formatNumerical(8192n, 'hex')).toBe('0x2000');
  });
  it('binary: hex with implicit byte length, strict base64, decimal refused', () => {
    expect(parseBinary('0xabc')).toEqual(Buffer.from([0x0a, 0xbc]));
    expect(parseBinary('0b3q8=')).toEqual(Buffer.from([0xde, 0xaf]));
    expect(parseBinary('0b3q8')).toBeUndefined();
    expect(parseBinary('0x')).toBeUndefined();
    expect(parseBinary('123')).toBeUndefined();
    expect(formatBinary(Buffer.from([1, 2]))).toBe('0x0102');
    expect(formatBinary(Buffer.from([1, 2]), 'base64')).toBe('0bAQI=');
    expect(parseLargeNumerical('0x' + 'ff'.repeat(10))).toBe(2n ** 80n - 1n);
  });
  it('booleans are case-sensitive; lists split on commas; ranges need lo <= hi', () => {
    expect(parseBoolean('Yes')).toBe(true);
    expect(parseBoolean('No')).toBe(false);
    expect(parseBoolean('yes')).toBeUndefined();
    expect(parseList('CRC32C,None')).toEqual(['CRC32C', 'None']);
    expect(parseRange('512~2048')).toEqual({ lo: 512n, hi: 2048n });
    expect(parseRange('2048~512')).toBeUndefined();
  });
});

describe('redaction', () => {
  it('hides CHAP_R, SRP proofs, Kerberos messages and password-like vendor keys; keeps public CHAP values', () => {
    const pairs = [{ key: 'CHAP_N', value: 'alice' }, { key: 'CHAP_C', value: '0x0102' }, { key: 'CHAP_R', value: '0x0102030405060708090a0b0c0d0e0f10' },
      { key: 'X-com.example.Password', value: 'hunter2' }];
    const r = redact(pairs);
    expect(r[0]).toEqual(pairs[0]);
    expect(r[1]).toEqual(pairs[1]);
    expect(r[2]!.value).toBe('<redacted 16 bytes>');
    expect(r[3]!.value).toBe('<redacted 7 bytes>');
    expect(printText(pairs)).not.toContain('hunter2');
    for (const k of ['SRP_M', 'SRP_HM', 'KRB_AP_REQ', 'KRB_AP_REP']) expect(isSecretKey(k)).toBe(true);
    expect(isSecretKey('CHAP_I')).toBe(false);
  });
});
