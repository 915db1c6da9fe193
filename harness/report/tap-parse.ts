// Reads back the TAP 14 our TapReporter writes (test points + YAML blocks of JSON scalars), so JUnit
// is derived from the TAP stream itself rather than from a second copy of the results.

/** One test point as read from TAP. */
export interface TapPoint {
  ok: boolean;
  n: number;
  description: string;
  directive?: { kind: 'SKIP' | 'TODO'; reason: string };
  diag: Record<string, string | number | string[]>;
}

const unesc = (s: string): string => s.replace(/\\(.)/g, '$1');

/** Parses test points; lines it does not know (comments, plan, version) are ignored as TAP allows. */
export function parseTap(text: string): TapPoint[] {
  const out: TapPoint[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(not ok|ok) (\d+)(?: - )?(.*)$/.exec(lines[i]!);
    if (!m) continue;
    // Split at the first unescaped " # " (TAP 14 escapes # in descriptions).
    const rest = m[3]!;
    const at = rest.search(/(?<!\\) # (SKIP|TODO)\b/i);
    const desc = at < 0 ? rest : rest.slice(0, at);
    const p: TapPoint = { ok: m[1] === 'ok', n: Number(m[2]), description: unesc(desc), diag: {} };
    if (at >= 0) {
      const dm = /^ # (SKIP|TODO)\S*\s*(.*)$/i.exec(rest.slice(at))!;
      p.directive = { kind: dm[1]!.toUpperCase() as 'SKIP' | 'TODO', reason: unesc(dm[2]!) };
    }
    if (lines[i + 1] === '  ---') {
      let key: string | undefined;
      for (i += 2; i < lines.length && lines[i] !== '  ...'; i++) {
        const l = lines[i]!;
        const kv = /^ {2}([a-z_]+):(?: (.*))?$/.exec(l);
        if (kv) {
          key = kv[1]!;
          p.diag[key] = kv[2] === undefined ? [] : JSON.parse(kv[2]) as string | number;
        } else if (key && l.startsWith('    - ')) {
          (p.diag[key] as string[]).push(JSON.parse(l.slice(6)) as string);
        }
      }
    }
    out.push(p);
  }
  return out;
}
