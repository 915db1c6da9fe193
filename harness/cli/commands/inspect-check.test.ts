// `inspect --check`: checker findings printed after their PDU, a summary, exit 1 on MUST findings, `checks` in JSON.
import { describe, expect, it } from 'vitest';
import { capturesDir } from '../../test-support/captures.js';
import { bufferIo } from '../io.js';
import { runCli } from '../main.js';

const inspect = async (name: string, ...extra: string[]) => {
  const io = bufferIo();
  const code = await runCli(['inspect', `${capturesDir}${name}.pcap`, '--port', '3290', ...extra], io);
  return { code, io };
};

describe('inspect --check', () => {
  it('a clean capture: no finding lines, a zero summary, exit 0', async () => {
    const { code, io } = await inspect('inquiry', '--check');
    expect(code).toBe(0);
    expect(io.stdout).not.toContain('  ! ');
    expect(io.stderr).toContain('check: 0 violation(s), 0 MUST, 0 SHOULD');
  });

  it('prints each finding after the PDU it belongs to; SHOULD-level findings alone exit 0', async () => {
    // CmdSN outside the window is a SHOULD on the initiator (§4.2.2.1 binds the target with its MUST).
    const { code, io } = await inspect('cmdsn', '--check');
    expect(code).toBe(0);
    const lines = io.stdout.trimEnd().split('\n');
    const at = lines.flatMap((l, i) => (l.startsWith('  ! ') ? [i] : []));
    expect(at).toHaveLength(2);
    expect(lines[at[0]!]).toMatch(/^ {2}! check\/cmdsn-in-window rfc7143\/4\.2\.2\.1 CmdSN 220429147 is beyond MaxCmdSN .* \[SHOULD\] \[initiator\]$/);
    expect(lines[at[0]! - 1]).toContain('cmdSN=220429147');
    expect(lines[at[1]! - 1]).toMatch(/itt=0x40855b4b .*cmdSN=220429018/);
    expect(io.stderr).toContain('check: 2 violation(s), 0 MUST, 2 SHOULD (check/cmdsn-in-window 2)');
  });

  it('without --check the same capture has no findings and exits 0', async () => {
    const { code, io } = await inspect('cmdsn');
    expect(code).toBe(0);
    expect(io.stdout).not.toContain('  ! ');
  });

  it('--json adds a checks array to every PDU and exits 1 on MUST findings', async () => {
    const { code, io } = await inspect('datasn', '--check', '--json');
    expect(code).toBe(1);
    const rows = io.stdout.trim().split('\n').map(l => JSON.parse(l) as { type: string; checks: Array<{ rule: string; side: string }> });
    expect(rows.every(r => Array.isArray(r.checks))).toBe(true);
    const hits = rows.flatMap((r, i) => r.checks.map(c => [i, r.type, c.rule, c.side]));
    expect(hits).toEqual([35, 39, 43, 47, 48].map(i => [i, 'DataOut', 'check/data-out-datasn', 'initiator']));
    const plain = await inspect('datasn', '--json');
    expect(JSON.parse(plain.io.stdout.split('\n')[0]!)).not.toHaveProperty('checks');
  });
});
