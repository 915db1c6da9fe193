// `replay`: Re-run a saved script or fuzz finding exactly.
import { notBuiltYet } from '../command.js';

/** The `replay` command. */
export const replayCommand = notBuiltYet('replay <file>', 'Re-run a saved script or fuzz finding exactly', 8);
