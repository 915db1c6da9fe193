// Reading and writing script files: validated on the way in, one step per line on the way out (diffable).
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { scriptSchema, type Script } from './schema.js';

/** Parses and validates script JSON; UsageError (ERR_SCRIPT) names the first bad path. */
export function parseScript(text: string, where = 'script'): Script {
  let json: unknown;
  try { json = JSON.parse(text); } catch (e) { throw new UsageError(`${where}: not JSON (${(e as Error).message})`, 'ERR_SCRIPT'); }
  const r = scriptSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new UsageError(`${where}: ${i.path.join('.') || '(top)'}: ${i.message}`, 'ERR_SCRIPT');
  }
  return r.data;
}

/** Reads a script file. */
export function readScript(file: string): Script {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'ERR_SCRIPT'); }
  return parseScript(text, file);
}

/** Formats a script: header fields pretty-printed, each step on one line. */
export function formatScript(s: Script): string {
  const { steps, ...head } = s;
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  const body = steps.map(x => '    ' + JSON.stringify(x)).join(',\n');
  return `${top},\n  "steps": [\n${body}\n  ]\n}\n`;
}
