// Where CLI output goes: the real streams in bin.ts, buffers in tests (commands never touch
// process.stdout directly, so the CLI runs in-process under vitest).

/** Output sinks for one CLI invocation. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (colour, live progress). */
  isTTY: boolean;
}

/** The process's own stdout/stderr. */
export const processIo: CliIo = {
  out: t => { process.stdout.write(t); },
  err: t => { process.stderr.write(t); },
  isTTY: Boolean(process.stdout.isTTY),
};

/** An io that records everything, for tests. */
export function bufferIo(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', isTTY: false, out: (t: string) => { io.stdout += t; }, err: (t: string) => { io.stderr += t; } };
  return io;
}
