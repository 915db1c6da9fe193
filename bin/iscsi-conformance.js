#!/usr/bin/env node
// Launcher: runs the compiled CLI (built by `npm ci` through the prepare script, or
// `npm run build`); in a checkout without dist/ it falls back to tsx on the TypeScript sources.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/harness/cli/bin.js', import.meta.url));
if (existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../harness/cli/bin.ts', import.meta.url).href);
}
