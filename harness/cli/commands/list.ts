// `list`: List the conformance cases (dry run).
import { notBuiltYet } from '../command.js';

/** The `list` command. */
export const listCommand = notBuiltYet('list', 'List the conformance cases (dry run)', 6);
