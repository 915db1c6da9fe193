// `target`: Start the bundled reference iSCSI target.
import { notBuiltYet } from '../command.js';

/** The `target` command. */
export const targetCommand = notBuiltYet('target', 'Start the bundled reference iSCSI target', 5);
