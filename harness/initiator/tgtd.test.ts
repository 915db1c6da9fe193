// Integration against tgt's tgtd on loopback (started and stopped here): plain, mutual CHAP and CRC32C digests.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../capture/read-capture.js';
import { decodePduBytes } from '../pdu/registry.js';
import { PcapRecorder } from '../transport/pcap-writer.js';
import type { LoginOptions } from './login.js';
import { Session } from './session.js';
import { parseUrl } from './url.js';

const TGTD = '/usr/sbin/tgtd';
const SCRIPT = fileURLToPath(new URL('../../../shared/targets/tgtd.sh', import.meta.url));
const haveTgt = fs.existsSync(TGTD) && fs.existsSync(SCRIPT);
// Ports and control sockets reserved for this test (targets/README.md); each target gets its own.
const TARGETS = {
  plain: { port: 3296, ctl: 16, args: [] as string[] },
  chap: { port: 3297, ctl: 17, args: ['--chap', 'alice:alicesecret12', '--mutual', 'tgt1:targetsecret12'] },
  digest: { port: 3298, ctl: 18, args: ['--digest'] },
};
const tgtd = (...a: string[]): string => execFileSync(SCRIPT, a, { encoding: 'utf8', timeout: 20_000 });

// tgtd.sh waits a bounded time for the daemon; on a loaded machine (parallel test files) that can run out, so retry.
function startWithRetry(t: { port: number; ctl: number; args: string[] }): void {
  for (let attempt = 1; ; attempt++) {
    try {
      tgtd('start', '--port', String(t.port), '--ctl', String(t.ctl), ...t.args);
      return;
    } catch (e) {
      tgtd('stop', '--port', String(t.port));
      killOrphan(t);
      if (attempt === 3) throw e;
    }
  }
}

// When tgtd.sh gives up on a daemon that comes up late it leaves it running without state, holding our reserved
// control port; only the tgtd with exactly our reserved ctl and portal is ended, by its pid.
function killOrphan(t: { port: number; ctl: number }): void {
  const want = `tgtd -f -C ${t.ctl} --iscsi portal=127.0.0.1:${t.port}`;
  for (const line of execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n')) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (m && m[2]!.trim() === want) {
      try { process.kill(Number(m[1]), 'SIGKILL'); } catch { /* already gone */ }
    }
  }
  execFileSync('sleep', ['0.3']);
  tgtd('stop', '--port', String(t.port));
}

/** Logs in from the target's LUN URL, runs INQUIRY, READ CAPACITY(16), WRITE/READ compare, logout. */
async function exercise(port: number, extra: Partial<LoginOptions> = {}, recorder?: PcapRecorder): Promise<Session> {
  const url = parseUrl(tgtd('url', '--port', String(port)).trim());
  const s = await Session.connect({ host: url.host, port: url.port, timeouts: { loginMs: 3000, commandMs: 5000 }, ...(recorder && { recorder }) });
  try {
    const chap = url.user && url.secret ? { user: url.user, secret: url.secret, ...(url.targetUser && { targetUser: url.targetUser, targetSecret: url.targetSecret! }) } : undefined;
    const login = await s.login({ initiatorName: 'iqn.2026-11.test:harness', targetName: url.target!, ...(chap && { chap }), ...extra });
    expect(login.ok, JSON.stringify(login.ok ? '' : login.message)).toBe(true);
    if (login.ok) expect(login.violations).toEqual([]);
    const lun = url.lun!;
    // The first command after login may get UNIT ATTENTION (power on / reset); one TEST UNIT READY clears it.
    await s.testUnitReady(lun);
    const inq = await s.inquiry(lun, { allocationLength: 96 });
    expect(inq.status).toBe(0);
    expect(inq.dataIn[0]! & 0x1f).toBe(0); // direct-access block device
    const cap = await s.readCapacity16(lun);
    expect(cap.status).toBe(0);
    expect(cap.blockLength).toBe(512);
    const data = Buffer.alloc(512 * 600);
    for (let i = 0; i < data.length; i++) data[i] = (i * 13 + port) & 0xff;
    const w = await s.write10(lun, 100, data);
    expect(w.status).toBe(0);
    const r = await s.read16(lun, 100n, 600);
    expect(r.status).toBe(0);
    expect(r.dataIn.equals(data)).toBe(true);
    expect((await s.nop(Buffer.from('ping'))).echoed).toBe(true);
    expect((await s.logout()).response).toBe(0);
    return s;
  } finally {
    await s.close();
  }
}

describe.skipIf(!haveTgt)(`tgtd integration${haveTgt ? '' : ` (skipped: ${TGTD} is not installed)`}`, () => {
  beforeAll(() => {
    for (const t of Object.values(TARGETS)) startWithRetry(t);
  }, 60_000);
  afterAll(() => {
    for (const t of Object.values(TARGETS)) tgtd('stop', '--port', String(t.port));
  }, 30_000);

  it('logs in, reads, writes, compares and logs out; the pcap recording reads back as the same PDUs', async () => {
    const file = `${fs.mkdtempSync('/tmp/tgtd-pcap-')}/s.pcap`;
    const rec = PcapRecorder.toFile(file);
    await exercise(TARGETS.plain.port, {}, rec);
    rec.close();
    const conn = readCapture(fs.readFileSync(file), { ports: [TARGETS.plain.port] }).connections[0]!;
    const first = decodePduBytes(Buffer.concat(conn.i2t.map(c => c.data)));
    expect(first.type).toBe('LoginRequest');
  });

  it('does mutual CHAP', async () => {
    await exercise(TARGETS.chap.port);
  });

  it('refuses wrong CHAP credentials as a login failure value', async () => {
    const s = await Session.connect({ host: '127.0.0.1', port: TARGETS.chap.port });
    try {
      const r = await s.login({ initiatorName: 'iqn.2026-11.test:harness', targetName: 'iqn.2026-11.test.tgt:target0', chap: { user: 'alice', secret: 'not-the-secret' } });
      expect(r).toMatchObject({ ok: false, kind: 'status', statusClass: 2 });
    } finally { await s.close(); }
  });

  it('runs with CRC32C header and data digests', async () => {
    const s = await exercise(TARGETS.digest.port, { digests: { header: 'CRC32C,None', data: 'CRC32C,None' } });
    expect([s.params.headerDigest, s.params.dataDigest]).toEqual(['CRC32C', 'CRC32C']);
    expect(s.link.digestsInForce).toEqual({ header: true, data: true });
  });
});
