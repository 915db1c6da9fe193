// Package paths resolve the same from the sources and from a dist/ depth.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inPackage, packageRoot, packageVersion } from './package-root.js';

describe('package root', () => {
  const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
  const version = (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string }).version;
  it('is found from this folder and from a deeper dist/ folder', () => {
    expect(packageRoot()).toBe(root);
    expect(packageRoot(`${root}/dist/harness/runner`)).toBe(root);
    expect(packageVersion()).toBe(version);
    expect(inPackage('bin', 'iscsi-conformance.js')).toBe(`${root}/bin/iscsi-conformance.js`);
  });
});
