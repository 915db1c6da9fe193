// Live fuzz progress: a one-line refresh on a TTY, a line every few seconds otherwise.
import type { CliIo } from '../cli/io.js';
import type { FuzzStats } from './engine.js';

/** The progress line. */
export function progressLine(s: FuzzStats): string {
  const secs = s.elapsedMs / 1000;
  return `${secs.toFixed(1)}s  runs ${s.runs}  PDUs ${s.pdusSent}  ${(s.pdusSent / Math.max(secs, 0.001)).toFixed(0)} PDUs/s  findings ${s.findings}  signatures ${s.signatures.size}${s.shrinking ? '  (shrinking)' : ''}${s.targetDown ? '  (target unreachable: waiting for it)' : ''}`;
}

/** A progress callback writing to stderr: TTY refresh, or one line per `everyMs`. */
export function progressReporter(io: CliIo, everyMs = 5000): { update(s: FuzzStats): void; done(): void } {
  let last = 0;
  return {
    update(s) {
      if (io.isTTY) { io.err(`\r\x1b[K${progressLine(s)}`); return; }
      if (s.elapsedMs - last >= everyMs) { last = s.elapsedMs; io.err(`${progressLine(s)}\n`); }
    },
    done() { if (io.isTTY) io.err('\n'); },
  };
}
