// `fuzz`: Fuzz the PDU parsing of a target with an oracle, shrinking findings to replayable scripts.
import { notBuiltYet } from '../command.js';

/** The `fuzz` command. */
export const fuzzCommand = notBuiltYet('fuzz [url]', 'Fuzz the PDU parsing of a target with an oracle, shrinking findings to replayable scripts', 8);
