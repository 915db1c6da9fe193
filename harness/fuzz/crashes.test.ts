// Regression: every finding in corpus/crashes is replayed against the in-process reference target (clean, plus
// the faults the finding names in EXPECTED.json). A finding must no longer fire, or be listed in
// corpus/crashes/EXPECTED.json with a reason; a listed one that stopped firing must be taken off the list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createChecker } from '../check/checker.js';
import { startTarget, type RunningTarget } from '../../reference-target/index.js';
import { readScript } from '../script/io.js';
import { verdictKey } from '../script/result.js';
import { runScript } from '../script/run-script.js';
import { corpusDir } from './corpus.js';
import { fuzzChecker } from './internal-failure.js';

const dir = `${corpusDir}crashes/`;
interface Expected { reason: string; faults?: string[] }
const expected: Record<string, Expected> = existsSync(`${dir}EXPECTED.json`) ? JSON.parse(readFileSync(`${dir}EXPECTED.json`, 'utf8')) as Record<string, Expected> : {};
const files = existsSync(dir) ? readdirSync(dir).filter(f => f.endsWith('.json') && f !== 'EXPECTED.json').sort() : [];
const running: RunningTarget[] = [];
afterAll(async () => { for (const t of running) await t.close(100); });

describe('corpus/crashes', () => {
  it('EXPECTED.json lists only files that exist, each with a reason', () => {
    for (const [f, e] of Object.entries(expected)) {
      expect(files, `EXPECTED.json names ${f}, which is not in corpus/crashes`).toContain(f);
      expect(e.reason.length, `${f} needs a reason`).toBeGreaterThan(10);
    }
  });

  it.each(files.length ? files : ['(none)'])('%s is fixed or listed in EXPECTED.json', async file => {
    if (file === '(none)') return; // an empty corpus is a valid state: nothing found yet
    const script = readScript(dir + file);
    const was = script.finding?.oracle;
    expect(was, `${file} has no finding.oracle`).toBeDefined();
    let crashed = false;
    const t = await startTarget({ host: '127.0.0.1', port: 0, faults: expected[file]?.faults ?? [] }, { onCrash: () => { crashed = true; } });
    running.push(t);
    const r = await runScript(script, { url: t.url, checker: fuzzChecker(() => createChecker({ mode: 'initiator' })), exited: () => (crashed ? { code: 70, signal: null } : null), timeouts: { stepMs: 1000, probeMs: 2000 }, stopAtFault: true });
    const fires = r.verdict !== null && verdictKey(r.verdict) === verdictKey(was!);
    if (expected[file]) expect(fires, `${file} no longer fires (${was!.kind} ${was!.rule}): take it off EXPECTED.json`).toBe(true);
    else expect(fires, `${file} still fires: ${r.verdict?.message} -- fix the target or list it in EXPECTED.json with a reason`).toBe(false);
  });
});
