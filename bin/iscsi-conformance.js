#!/usr/bin/env node
// Launcher. In a source checkout (a .git folder beside package.json) it runs the TypeScript
// sources through tsx, so what runs is always what is checked out; an installed package runs the
// compiled dist/ that `npm run build` (the prepare script) produced.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url);
const compiled = fileURLToPath(new URL('dist/harness/cli/bin.js', root));
const checkout = existsSync(fileURLToPath(new URL('.git', root))) && existsSync(fileURLToPath(new URL('harness/cli/bin.ts', root)));
if (!checkout && existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('harness/cli/bin.ts', root).href);
}
