// Tests for the target config: size/LUN/credential parsing and zod validation errors.
import { describe, expect, it } from 'vitest';
import { parseCredentials, parseLunSpec, parseSize, parseTargetConfig } from './config.js';

describe('config', () => {
  it('parses sizes with binary units', () => {
    expect(parseSize('64MiB')).toBe(64 * 1024 * 1024);
    expect(parseSize('1GiB')).toBe(1024 ** 3);
    expect(parseSize('512KiB')).toBe(512 * 1024);
    expect(parseSize('4096')).toBe(4096);
    expect(() => parseSize('12XB')).toThrow(expect.objectContaining({ code: 'ERR_TARGET_CONFIG' }));
  });
  it('parses ram and file LUN specs', () => {
    expect(parseLunSpec('0:ram:64MiB')).toEqual({ lun: 0, backing: 'ram', size: 64 * 1024 ** 2, blockSize: 512 });
    expect(parseLunSpec('1:file:./disk.img:1GiB:bs=4096')).toEqual({ lun: 1, backing: 'file', path: './disk.img', size: 1024 ** 3, blockSize: 4096 });
    expect(() => parseLunSpec('x:ram:1MiB')).toThrow(expect.objectContaining({ code: 'ERR_TARGET_CONFIG' }));
    expect(() => parseLunSpec('0:tape:1MiB')).toThrow(expect.objectContaining({ code: 'ERR_TARGET_CONFIG' }));
  });
  it('splits credentials at the first colon', () => {
    expect(parseCredentials('u:s:x', '--chap')).toEqual({ user: 'u', secret: 's:x' });
    expect(() => parseCredentials('nosecret', '--chap')).toThrow(expect.objectContaining({ code: 'ERR_TARGET_CONFIG' }));
  });
  it('fills defaults and refuses bad configs', () => {
    const c = parseTargetConfig({ port: 0 });
    expect(c.host).toBe('127.0.0.1');
    expect(c.limits.cmdWindow).toBe(128);
    expect(() => parseTargetConfig({ mutualChap: { user: 'a', secret: 'b' } })).toThrow(expect.objectContaining({ code: 'ERR_TARGET_CONFIG' }));
    expect(() => parseTargetConfig({ luns: [{ lun: 0, backing: 'ram', size: 1000, blockSize: 512 }] })).toThrow(/multiple/);
  });
});
