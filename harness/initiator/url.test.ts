// URL parsing: libiscsi forms, our parameters, every malformed shape, round trip, and secrets never printed.
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { formatUrl, parseUrl, type IscsiUrlFields } from './url.js';

const codeOf = (f: () => unknown): string | undefined => {
  try { f(); } catch (e) { return (e as UsageError).code; }
  return undefined;
};

describe('parseUrl', () => {
  it.each([
    ['iscsi://127.0.0.1:3290/iqn.2026-11.test.tgt:target0/1',
      { host: '127.0.0.1', port: 3290, target: 'iqn.2026-11.test.tgt:target0', lun: 1 }],
    ['iscsi://alice%alicesecret12@127.0.0.1:3293/iqn.x:t/1?target_user=tgt1&target_password=targetsecret12',
      { host: '127.0.0.1', port: 3293, target: 'iqn.x:t', lun: 1, user: 'alice', secret: 'alicesecret12',
        targetUser: 'tgt1', targetSecret: 'targetsecret12' }],
    ['iscsi://bob:pw@host.example/iqn.a/0', { host: 'host.example', port: 3260, target: 'iqn.a', lun: 0, user: 'bob', secret: 'pw' }],
    ['iscsi://[::1]:3260/iqn.a/3', { host: '::1', port: 3260, target: 'iqn.a', lun: 3 }],
    ['iscsi://[fe80::1%eth0]', { host: 'fe80::1%eth0', port: 3260 }],
    ['iscsi://10.0.0.1', { host: '10.0.0.1', port: 3260 }],
    ['iscsi://h/iqn.a%2Fb/0?header_digest=crc32c&data_digest=none-crc32c&initiator_name=iqn.i:1&initiator_name2=iqn.i:2',
      { host: 'h', port: 3260, target: 'iqn.a/b', lun: 0, headerDigest: 'crc32c', dataDigest: 'none-crc32c',
        initiatorName: 'iqn.i:1', initiatorName2: 'iqn.i:2' }],
    ['iscsi://u%p%40ss@h/t/0', { host: 'h', port: 3260, target: 't', lun: 0, user: 'u', secret: 'p@ss' }],
  ])('%s', (url, want) => {
    expect(parseUrl(url).fields()).toEqual(want);
  });

  it.each([
    ['http://h/t/0', 'scheme'], ['iscsi://', 'empty host'], ['iscsi://h:0/t/0', 'port 0'], ['iscsi://h:65536', 'port too big'],
    ['iscsi://h:x/t/0', 'port not a number'], ['iscsi://h/t', 'no LUN'], ['iscsi://h/t/x', 'LUN not decimal'],
    ['iscsi://h/t/0/extra', 'extra path'], ['iscsi://h//0', 'empty target'], ['iscsi://h/t/16384', 'LUN too big'],
    ['iscsi://[::1/t/0', 'unclosed bracket'], ['iscsi://[zz]/t/0', 'not IPv6'], ['iscsi://::1/t/0', 'IPv6 without brackets'],
    ['iscsi://@h/t/0', 'empty user'], ['iscsi://u%@h/t/0', 'empty secret'], ['iscsi://u%a%zz@h/t/0', 'bad escape'],
    ['iscsi://h/t/0?header_digest=md5', 'bad digest'], ['iscsi://h/t/0?bogus=1', 'unknown param'],
    ['iscsi://h/t/0?initiator_name=a&initiator_name=b', 'duplicate param'], ['iscsi://h/t/0?header_digest', 'no value'],
    ['iscsi://u%s@h/t/0?target_user=x', 'target_user without password'], ['iscsi://h/t/0?target_user=x&target_password=y', 'mutual without one-way'],
    ['iscsi://h/t/0#frag', 'fragment'], ['iscsi://h/%ff/0', 'bad UTF-8'], ['iscsi://h_x/t/0', 'bad host char'],
  ])('%s is refused (%s)', (url) => {
    expect(codeOf(() => parseUrl(url))).toBe('ERR_BAD_URL');
  });

  it('never shows secrets in toString, JSON, inspect, spread or error messages', () => {
    const u = parseUrl('iscsi://alice%alicesecret12@127.0.0.1/iqn.x:t/1?target_user=tgt1&target_password=targetsecret12');
    const shown = [String(u), `${u}`, JSON.stringify(u), inspect(u), inspect({ u }), JSON.stringify({ ...u })];
    for (const s of shown) expect(s).not.toMatch(/alicesecret12|targetsecret12/);
    expect(u.secret).toBe('alicesecret12');
    let msg = '';
    try { parseUrl('iscsi://alice%alicesecret12@h/t/x?target_password=targetsecret12'); } catch (e) { msg = (e as Error).message; }
    expect(msg).toMatch(/LUN/);
    expect(msg).not.toMatch(/alicesecret12|targetsecret12/);
  });
});

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
const user = fc.stringMatching(/^[A-Za-z0-9._~-]{1,10}$/);
const host = fc.oneof(fc.ipV4(), fc.ipV6(), fc.domain());
const digest = fc.constantFrom('none', 'crc32c', 'none-crc32c', 'crc32c-none' as const);
const fieldsArb: fc.Arbitrary<IscsiUrlFields> = fc.record({
  host, port: fc.integer({ min: 1, max: 65535 }),
  path: fc.option(fc.record({ target: text, lun: fc.integer({ min: 0, max: 16383 }) }), { nil: undefined }),
  auth: fc.option(fc.record({ user, secret: text, mutual: fc.option(fc.record({ targetUser: text, targetSecret: text }), { nil: undefined }) }), { nil: undefined }),
  headerDigest: fc.option(digest, { nil: undefined }), dataDigest: fc.option(digest, { nil: undefined }),
  initiatorName: fc.option(text, { nil: undefined }), initiatorName2: fc.option(text, { nil: undefined }),
}).map(({ path, auth, ...r }) => {
  const f: IscsiUrlFields = { ...r, ...path, ...(auth && { user: auth.user, secret: auth.secret, ...auth.mutual }) };
  return JSON.parse(JSON.stringify(f)) as IscsiUrlFields; // drop undefined fields
});

describe('properties', () => {
  it('parse(format(x)) = x', () => {
    fc.assert(fc.property(fieldsArb, f => {
      expect(parseUrl(formatUrl(f, { redact: false })).fields()).toEqual(f);
    }));
  });

  it('garbage throws nothing but UsageError', () => {
    const junk = fc.oneof(fc.string(), fc.string().map(s => `iscsi://${s}`),
      fc.array(fc.constantFrom('iscsi://', '[', ']', ':', '%', '@', '/', '?', '&', '=', 'a', '1', '%4', 'target_user='), { maxLength: 12 }).map(a => a.join('')));
    fc.assert(fc.property(junk, s => {
      try { parseUrl(s); } catch (e) { expect(e).toBeInstanceOf(UsageError); expect((e as UsageError).code).toBe('ERR_BAD_URL'); }
    }));
  });
});
