// Selection semantics: ID prefixes stop at section boundaries, globs, tags, levels; profiles are zod-checked.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineSection, type CaseDef } from './case.js';
import { loadProfile } from './profile.js';
import { selectCases } from './select.js';

const run = async (): Promise<void> => {};
const mk = (n: number, level: CaseDef['level'], tags: string[]): CaseDef => ({ n, title: `t${n}`, level, requirement: 'r', tags, run });
const cases = [
  ...defineSection('rfc7143/13.12', 'A', [mk(1, 'MUST', ['login', 'keys']), mk(2, 'SHOULD', ['login'])]).cases,
  ...defineSection('rfc7143/1', 'B', [mk(1, 'MAY', ['misc'])]).cases,
  ...defineSection('spc/inquiry', 'C', [mk(3, 'MUST', ['scsi'])]).cases,
];
const ids = (s: Parameters<typeof selectCases>[1]): string[] => selectCases(cases, s).map(c => c.id);

describe('selectCases', () => {
  it('takes ID prefixes only at section boundaries', () => {
    expect(ids({ only: ['rfc7143/13'] })).toEqual(['rfc7143/13.12/1', 'rfc7143/13.12/2']);
    expect(ids({ only: ['rfc7143/1'] })).toEqual(['rfc7143/1/1']);
    expect(ids({ only: ['rfc7143'] })).toHaveLength(3);
  });
  it('takes globs and tags, and --skip wins', () => {
    expect(ids({ only: ['*/*/1'] })).toEqual(['rfc7143/13.12/1', 'rfc7143/1/1']);
    expect(ids({ only: ['**/3'] })).toEqual(['spc/inquiry/3']);
    expect(ids({ only: ['spc/inq*'] })).toEqual(['spc/inquiry/3']);
    expect(ids({ only: ['tag:keys'] })).toEqual(['rfc7143/13.12/1']);
    expect(ids({ only: ['login'], skip: ['rfc7143/13.12/2'] })).toEqual(['rfc7143/13.12/1']);
  });
  it('filters by level', () => {
    expect(ids({ level: 'must' })).toEqual(['rfc7143/13.12/1', 'spc/inquiry/3']);
    expect(ids({ level: 'should' })).toHaveLength(3);
  });
  it('refuses reused case numbers and malformed section IDs', () => {
    expect(() => defineSection('rfc7143/6.2', 'x', [mk(1, 'MUST', []), mk(1, 'MUST', [])])).toThrow(/fresh/);
    expect(() => defineSection('rfc/6.2', 'x', [])).toThrow(/section ID/);
  });
});

describe('loadProfile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profile-'));
  it('accepts the documented shape and refuses others with ERR_BAD_PROFILE', async () => {
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ expectedFailures: [{ id: 'spc/inquiry/3', reason: 'known', clause: 'spc4' }] }));
    await expect(loadProfile(join(dir, 'ok.json'))).resolves.toMatchObject({ expectedFailures: [{ id: 'spc/inquiry/3' }] });
    writeFileSync(join(dir, 'extra.json'), JSON.stringify({ expectedFailures: [], other: 1 }));
    await expect(loadProfile(join(dir, 'extra.json'))).rejects.toMatchObject({ code: 'ERR_BAD_PROFILE' });
    writeFileSync(join(dir, 'bad.json'), '{');
    await expect(loadProfile(join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'ERR_BAD_PROFILE' });
  });
});
