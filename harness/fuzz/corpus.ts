// Corpus I/O: seed scripts from corpus/seeds, findings into corpus/crashes (or --out), the EXPECTED list.
import { inPackage } from '../package-root.js';
import { existsSync, readdirSync } from 'node:fs';
import { readScript } from '../script/io.js';
import type { Script } from '../script/schema.js';

/** The repository's corpus folder. */
export const corpusDir = inPackage('corpus') + '/';

/** Every seed script, in file-name order (so a seed index means the same file on every machine). */
export function loadSeeds(dir = `${corpusDir}seeds/`): Script[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(f => f.endsWith('.json')).sort().map(f => readScript(dir + f));
}
