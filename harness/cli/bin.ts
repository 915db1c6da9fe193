// The executable: the only place that calls process.exit. Unexpected errors print one line
// plus where to look, never a bare stack trace (set ISCSI_CONFORMANCE_DEBUG=1 for the stack).
import { runCli } from './main.js';

try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (e) {
  const err = e as Error & { code?: string };
  process.stderr.write(`iscsi-conformance: internal error${err.code ? ` ${err.code}` : ''}: ${err.message}\n`);
  if (process.env.ISCSI_CONFORMANCE_DEBUG) process.stderr.write(`${err.stack}\n`);
  process.exitCode = 1;
}
