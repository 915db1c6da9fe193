// `run [url]`: run the conformance cases against a target (no URL: the bundled reference target).
import { notBuiltYet } from '../command.js';

/** The `run` command. */
export const runCommand = notBuiltYet('run [url]', 'Run the conformance cases against a target (no URL: the bundled reference target)', 6);
