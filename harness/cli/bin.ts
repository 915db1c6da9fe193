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

// The command has finished and written its reports. A handle that outlives it (a socket a target never closed, a
// child's pipe) must not keep the process running, which once left CI's bundled run waiting after its summary: the
// event loop gets 2 s to drain on its own (stdout included), then the process exits with the command's code.
const linger = setTimeout(() => {
  if (process.env.ISCSI_CONFORMANCE_DEBUG) {
    const handles = (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles();
    process.stderr.write(`iscsi-conformance: still open after the command ended: ${handles.map(h => h.constructor.name).join(', ')}\n`);
  }
  process.exit();
}, 2000);
linger.unref();
