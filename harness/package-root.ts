// Where the package lives: the same code runs from the TypeScript sources (harness/...) and from
// the build (dist/harness/...), at different depths, so paths to bin/, corpus/ or package.json
// are found by walking up to the package.json named iscsi-conformance, never by counting "../".
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let cached: { root: string; version: string } | undefined;

function find(from: string): { root: string; version: string } {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'iscsi-conformance') return { root: dir, version: pkg.version ?? '0.0.0' };
    }
    if (dirname(dir) === dir) throw new Error(`no package.json of iscsi-conformance above ${from}`);
  }
}

/** Absolute path of the package root (the folder holding package.json, bin/, corpus/). */
export function packageRoot(from?: string): string {
  if (from !== undefined) return find(from).root;
  return (cached ??= find(here)).root;
}

/** The package version from package.json. */
export function packageVersion(from?: string): string {
  if (from !== undefined) return find(from).version;
  return (cached ??= find(here)).version;
}

/** Absolute path of a file or folder inside the package, e.g. `inPackage('bin', 'iscsi-conformance.js')`. */
export const inPackage = (...parts: string[]): string => join(packageRoot(), ...parts);
