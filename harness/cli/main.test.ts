// The CLI in-process: help and usage errors (exit 2).
import { describe, expect, it } from 'vitest';
import { bufferIo } from './io.js';
import { runCli } from './main.js';

describe('iscsi-conformance CLI', () => {
  it('lists every command in --help and exits 0', async () => {
    const io = bufferIo();
    expect(await runCli(['--help'], io)).toBe(0);
    for (const c of ['run', 'list', 'fuzz', 'replay', 'inspect', 'target']) expect(io.stdout).toContain(`iscsi-conformance ${c}`);
  });

  it('exits 2 with a usage message on an unknown command or option', async () => {
    const a = bufferIo();
    expect(await runCli(['frobnicate'], a)).toBe(2);
    expect(a.stderr).toMatch(/Unknown argument|Unknown command/);
    const b = bufferIo();
    expect(await runCli(['inspect', 'x.pcap', '--no-such-option'], b)).toBe(2);
  });

  it('exits 2 when no command is given', async () => {
    const io = bufferIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.stderr).toContain('Name a command');
  });
});
