// `inspect` against the golden captures: the same PDU count as the .pdus.jsonl beside each, and
// clear errors (never a stack trace) for cut, garbage and missing files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureNames, capturedPdus, capturesDir } from '../../test-support/captures.js';
import { bufferIo } from '../io.js';
import { runCli } from '../main.js';

const tmp = mkdtempSync(join(tmpdir(), 'inspect-test-'));
const ports = (name: string) => {
  const m = readFileSync(`${capturesDir}MANIFEST.txt`, 'utf8').split('\n').find(l => l.startsWith(`${name}.pcap\t`));
  return m?.match(/127\.0\.0\.1:(\d+)/)?.[1] ?? '3260';
};

describe('inspect', () => {
  it.each(captureNames())('%s: one line per PDU, as many as the .pdus.jsonl holds, exit 0', async name => {
    const io = bufferIo();
    expect(await runCli(['inspect', `${capturesDir}${name}.pcap`, '--port', ports(name)], io)).toBe(0);
    const lines = io.stdout.trim().split('\n');
    const golden = capturedPdus(name);
    expect(lines).toHaveLength(golden.length);
    expect(lines.every(l => /^\s*\d+\.\d{6}  c\d+  (I->T|T->I)  \w+/.test(l))).toBe(true);
    expect(io.stderr).toContain(`${golden.length} PDUs`);
  });

  it('prints JSON lines with decoded login keys and never a CHAP secret', async () => {
    const io = bufferIo();
    expect(await runCli(['inspect', `${capturesDir}chap-mutual.pcap`, '--port', ports('chap-mutual'), '--json'], io)).toBe(0);
    const rows = io.stdout.trim().split('\n').map(l => JSON.parse(l));
    expect(rows).toHaveLength(capturedPdus('chap-mutual').length);
    expect(rows[0]).toMatchObject({ conn: 0, dir: 'i2t', type: 'LoginRequest', fields: { immediate: true } });
    const chapR = rows.flatMap(r => r.keys ?? []).filter((k: { key: string }) => k.key === 'CHAP_R');
    expect(chapR.length).toBe(2);
    for (const k of chapR) expect(k.value).toMatch(/^<redacted/);
  });

  it('exits 1 with a one-line message on a cut capture', async () => {
    const whole = readFileSync(`${capturesDir}inquiry.pcap`);
    const file = join(tmp, 'cut.pcap');
    writeFileSync(file, whole.subarray(0, whole.length - 10));
    const io = bufferIo();
    expect(await runCli(['inspect', file, '--port', '3290'], io)).toBe(1);
    expect(io.stderr).toMatch(/cut\.pcap: .*ERR_CAPTURE_TRUNCATED/);
    expect(io.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 on a file that is not a capture, 2 on a missing file', async () => {
    const file = join(tmp, 'garbage.pcap');
    writeFileSync(file, Buffer.from('this is not a capture at all'));
    const a = bufferIo();
    expect(await runCli(['inspect', file], a)).toBe(1);
    expect(a.stderr).toContain('ERR_CAPTURE_FORMAT');
    const b = bufferIo();
    expect(await runCli(['inspect', join(tmp, 'missing.pcap')], b)).toBe(2);
    expect(b.stderr).toContain('ENOENT');
  });

  it('exits 1 and names the ports it saw when no connection is on an iSCSI port', async () => {
    const io = bufferIo();
    expect(await runCli(['inspect', `${capturesDir}inquiry.pcap`, '--port', '9'], io)).toBe(1);
    expect(io.stderr).toContain('no iSCSI connection on port(s) 3260, 9; other TCP connections go to 127.0.0.1:3290 (use --port)');
  });
});
