// Writes junit.xml (and --junit FILE) at the end of the run from the TAP reporter's stream.
import { writeFileSync } from 'node:fs';
import type { RunSummary } from '../runner/result.js';
import { junitFromTap } from './junit.js';
import type { Reporter } from './reporter.js';
import type { TapReporter } from './tap.js';

/** The JUnit reporter: nothing per case; everything from the TAP text in onRunEnd. */
export class JunitReporter implements Reporter {
  readonly name = 'junit';
  constructor(private readonly tap: TapReporter, private readonly files: readonly string[]) {}
  onCaseEnd(): void { /* derived from TAP at the end */ }
  onRunEnd(s: RunSummary): void {
    const text = junitFromTap(this.tap.tap, s);
    for (const f of this.files) writeFileSync(f, text);
  }
}
