// Writes a finding as a replayable script (corpus/crashes or --out) with the oracle, seed, path and RFC rule,
// re-running it once under a pcap recorder so the file comes with its wire trace -- unless it must not be re-run (a
// remote target that died of it): then the capture of the run that found it is the trace. Secrets never enter either:
// the script holds no credentials (login takes them from the URL) and CHAP values are hashes or challenges.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PcapRecorder } from '../transport/pcap-writer.js';
import type { PduChecker } from '../script/connection.js';
import { formatScript } from '../script/io.js';
import { runScript } from '../script/run-script.js';
import { verdictKey } from '../script/result.js';
import { SCRIPT_FORMAT, SCRIPT_VERSION, type Script } from '../script/schema.js';
import type { Finding } from './engine.js';
import { fuzzChecker } from './internal-failure.js';
import type { FuzzTarget } from './target-process.js';

/** A file-name-safe slug of a rule ID. */
const slug = (s: string): string => s.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-|-$/g, '');

/** The script a finding is saved as. */
export function findingScript(f: Finding, pcap?: string): Script {
  const ref = /^(rfc\d+|spc\d|sbc\d)\//.test(f.verdict.rule) ? f.verdict.rule.replace(/:.*$/, '') : undefined;
  return {
    format: SCRIPT_FORMAT, version: SCRIPT_VERSION,
    name: `fuzz/${f.mode}/${f.verdict.kind}/${slug(f.verdict.rule)}`,
    description: `${f.verdict.message}. Found by \`fuzz --mode ${f.mode}\`; replay with \`iscsi-conformance replay FILE [URL]\`.`,
    steps: f.steps,
    finding: {
      oracle: { kind: f.verdict.kind, rule: f.verdict.rule, message: f.verdict.message, ...(f.verdict.step === undefined ? {} : { step: f.verdict.step }) },
      mode: f.mode, seed: f.seed, path: f.path, ...(ref ? { ref } : {}), ...(pcap ? { pcap } : {}), originalSteps: f.originalSteps,
      ...(f.notRerun ? { notRerun: f.notRerun } : {}),
    },
  };
}

/**
 * Saves `f` into `dir` as <mode>-<kind>-<rule>.json plus a .pcap of one more run (or, for a finding that must not be
 * re-run, of the run it was found in); returns the JSON path, whether the re-run fired the same oracle, and why
 * there was no re-run.
 */
export async function saveFinding(f: Finding, dir: string, target: FuzzTarget, checker?: () => PduChecker): Promise<{ file: string; reproduced: boolean; notRerun?: string }> {
  mkdirSync(dir, { recursive: true });
  const base = `${f.mode}-${f.verdict.kind}-${slug(f.verdict.rule)}`;
  const pcap = `${base}.pcap`;
  const file = join(dir, `${base}.json`);
  if (f.notRerun) {
    if (f.capture) writeFileSync(join(dir, pcap), f.capture);
    writeFileSync(file, formatScript(findingScript(f, f.capture ? pcap : undefined)));
    return { file, reproduced: false, notRerun: f.notRerun };
  }
  if (target.spawned && target.exited()) await target.restart();
  const rec = PcapRecorder.toFile(join(dir, pcap));
  let reproduced = false;
  try {
    const r = await runScript({ steps: f.steps }, { url: target.url, exited: () => target.exited(), tap: () => rec.tap(), stopAtFault: true, checker: fuzzChecker(checker) });
    reproduced = r.verdict !== null && verdictKey(r.verdict) === verdictKey(f.verdict);
  } finally { rec.close(); }
  if (target.spawned && target.exited()) await target.restart();
  writeFileSync(file, formatScript(findingScript(f, pcap)));
  return { file, reproduced };
}
