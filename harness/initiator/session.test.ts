// Session against the in-process fake target: login negotiation, CHAP, digests after login, writes, reads, NOP, text, TMF, logout.
import { afterEach, describe, expect, it } from 'vitest';
import type { Pdu } from '../pdu/registry.js';
import { makePdu } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';
import { startFakeTarget, type FakeConn, type FakeTarget, type FakeTargetOptions } from './fake-target.test-helpers.js';
import type { LoginOptions } from './login.js';
import { Session } from './session.js';

const open: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => { for (const x of open.splice(0).reverse()) await x.close(); });

const INIT = 'iqn.2026-11.test:init';
async function setup(o: FakeTargetOptions = {}, l: Partial<LoginOptions> = {}) {
  const t: FakeTarget = await startFakeTarget(o);
  open.push(t);
  const log: string[] = [];
  const s = await Session.connect({ host: '127.0.0.1', port: t.port, timeouts: { loginMs: 2000, commandMs: 2000 },
    observer: { sent: p => log.push(`> ${p.type}`), received: (p, f) => log.push(`< ${p.type}${f.digestOk === false ? ' BAD' : ''}`) } });
  open.push(s);
  const login = await s.login({ initiatorName: INIT, targetName: 'iqn.2026-11.test.fake:t0', ...l });
  return { t, s, login, log };
}

describe('login', () => {
  it('negotiates through security and operational stages and enters Full Feature Phase', async () => {
    const { s, login, t } = await setup({ policy: { InitialR2T: 'Yes', MaxBurstLength: '16384' }, maxRecv: 4096 });
    expect(login.ok).toBe(true);
    if (!login.ok) return;
    expect(login.violations).toEqual([]);
    expect(login.tsih).toBe(0x55);
    expect(login.params).toMatchObject({ initialR2T: true, maxBurstLength: 16384, firstBurstLength: 16384, maxRecvDataSegmentLength: { target: 4096 } });
    expect(s.phase).toBe('ffp');
    const reqs = t.seen.filter(p => p.type === 'LoginRequest');
    expect(reqs.map(p => p.type === 'LoginRequest' && [p.csg, p.nsg, p.transit])).toEqual([[0, 1, true], [1, 3, true]]);
    // every Login Request of the login carries the same ITT and CmdSN; ExpStatSN follows the responses
    expect(new Set(reqs.map(p => p.type === 'LoginRequest' && `${p.itt}/${p.cmdSN}`)).size).toBe(1);
    expect(reqs[1]!.type === 'LoginRequest' && reqs[1]!.expStatSN).toBe(0x1001);
  });

  it('honours overrides, omissions and a custom stage plan', async () => {
    const { t, login } = await setup({}, { stages: ['operational'], keys: { MaxBurstLength: '32768', ErrorRecoveryLevel: null, 'X-com.example.Foo': 'bar' } });
    expect(login.ok).toBe(true);
    const first = t.seen[0]!;
    const text = first.data.toString('latin1');
    expect(first.type === 'LoginRequest' && first.csg).toBe(1);
    expect(text).toContain('MaxBurstLength=32768\0');
    expect(text).not.toContain('ErrorRecoveryLevel');
    expect(text).toContain('X-com.example.Foo=bar\0');
    expect(login.ok && login.targetPairs).toContainEqual({ key: 'X-com.example.Foo', value: 'NotUnderstood' });
  });

  it('does one-way and mutual CHAP, and refuses a target whose mutual response is wrong', async () => {
    const chap = { user: 'alice', secret: 'alicesecret12', mutual: { user: 'tgt1', secret: 'targetsecret12' } };
    const one = await setup({ chap }, { chap: { user: 'alice', secret: 'alicesecret12' } });
    expect(one.login.ok).toBe(true);
    const both = await setup({ chap }, { chap: { user: 'alice', secret: 'alicesecret12', targetUser: 'tgt1', targetSecret: 'targetsecret12' } });
    expect(both.login.ok).toBe(true);
    const keys = both.t.seen.flatMap(p => (p.type === 'LoginRequest' ? p.data.toString('latin1').split('\0').map(kv => kv.split('=')[0]) : []));
    expect(keys).toEqual(expect.arrayContaining(['CHAP_A', 'CHAP_N', 'CHAP_R', 'CHAP_I', 'CHAP_C']));
    const bad = await setup({ chap: { ...chap, badMutualResponse: true } }, { chap: { user: 'alice', secret: 'alicesecret12', targetUser: 'tgt1', targetSecret: 'targetsecret12' } });
    expect(bad.login).toMatchObject({ ok: false, kind: 'auth' });
    const wrong = await setup({ chap }, { chap: { user: 'alice', secret: 'wrongsecret!!' } });
    expect(wrong.login).toMatchObject({ ok: false, kind: 'status', statusClass: 2, statusDetail: 1 });
    expect(JSON.stringify(wrong.login)).not.toContain('wrongsecret');
  });

  it('switches digests on exactly after the final Login Response, both ways', async () => {
    const { s, t, log } = await setup({ policy: { HeaderDigest: 'CRC32C,None', DataDigest: 'CRC32C,None' }, pingAfterLogin: true },
      { digests: { header: 'CRC32C,None', data: 'crc32c-none' } });
    expect(s.link.digestsInForce).toEqual({ header: true, data: true });
    const r = await s.nop(Buffer.from('digest me'));
    expect(r.echoed).toBe(true);
    expect(log.some(l => l.endsWith('BAD'))).toBe(false);
    expect(t.seen.filter(p => p.type === 'NopOut').length).toBe(2); // the auto answer and our ping, both framed with digests
  });

  it('a target that accepts TCP and never answers gives a timeout outcome, not a hang', async () => {
    const { login } = await setup({ onPdu: () => true }, { timeoutMs: 200 });
    expect(login).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('a target that closes right after login gives a closed outcome', async () => {
    const { s } = await setup({ onPdu: (p, c) => { if (p.type === 'ScsiCommand') { c.sock.destroy(); return true; } } });
    await expect(s.testUnitReady()).rejects.toMatchObject({ code: 'ERR_CLOSED' });
    expect(await s.expectOneOf([() => true], 500)).toMatchObject({ kind: 'closed' });
  });
});

describe('full feature phase', () => {
  it('writes with immediate data, unsolicited Data-Out and R2T-solicited Data-Out, and reads the same bytes back', async () => {
    const { s, t } = await setup({ policy: { InitialR2T: 'No', MaxBurstLength: '65536', FirstBurstLength: '16384' }, maxRecv: 4096, dataInSegment: 3000, reverseDataIn: true });
    const data = Buffer.alloc(512 * 300);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 0xff;
    const w = await s.write10(0, 8, data);
    expect(w.status).toBe(0);
    const cmd = w.pdus[0]!;
    expect(cmd.type === 'ScsiCommand' && [cmd.data.length, cmd.final]).toEqual([4096, false]);
    const outs = w.pdus.filter(p => p.type === 'DataOut');
    const unsolicited = outs.filter(p => p.type === 'DataOut' && p.ttt === NO_TAG);
    expect(unsolicited.reduce((n, p) => n + p.data.length, 0)).toBe(16384 - 4096); // FirstBurstLength bounds immediate + unsolicited
    expect(outs.every(p => p.data.length <= 4096)).toBe(true);
    expect(w.pdus.filter(p => p.type === 'R2t').length).toBe(Math.ceil((data.length - 16384) / 65536));
    expect(t.disk.subarray(8 * 512, 8 * 512 + data.length).equals(data)).toBe(true); // not toEqual: a diff of 150 KB is slow
    const r = await s.read16(0, 8n, 300);
    expect(r.status).toBe(0);
    expect(r.dataIn.length).toBe(data.length);
    expect(r.dataIn.equals(data)).toBe(true);
  });

  it('reports status, sense and residuals', async () => {
    const { s } = await setup();
    const inq = await s.inquiry(0, { allocationLength: 96 });
    expect(inq).toMatchObject({ status: 0, underflow: true, residualCount: 60 });
    expect(inq.dataIn.subarray(8, 12).toString()).toBe('FAKE');
    const cap = await s.readCapacity16(0);
    expect(cap).toMatchObject({ status: 0, lastLba: 2047n, blockLength: 512 });
    const bad = await s.command({ lun: 0n, cdb: Buffer.from([0xff, 0, 0, 0, 0, 0]) });
    expect(bad.status).toBe(2);
    expect(bad.sense?.[2]).toBe(5);
  });

  it('answers NOP-In pings automatically (TTT and LUN copied, ITT reserved), and can be told not to', async () => {
    const { s, t } = await setup({ pingAfterLogin: true });
    await s.nop();
    expect(t.pingAnswers).toHaveLength(1);
    expect(t.pingAnswers[0]).toMatchObject({ ttt: 0x1234, itt: NO_TAG, immediate: true });
    expect(t.pingAnswers[0]!.data.toString()).toBe('ping');
    expect(s.pingsAnswered).toBe(1);
  });

  it('SendTargets follows C-bit continuation; TMF and logout complete', async () => {
    const { s } = await setup({ textChunk: 20 });
    const st = await s.sendTargets();
    expect(st.pairs.filter(p => p.key === 'TargetName').map(p => p.value)).toEqual(['iqn.2026-11.test.fake:t0', 'iqn.2026-11.test.fake:t1']);
    expect(st.pdus.filter(p => p.type === 'TextResponse').length).toBeGreaterThan(2);
    expect(st.violations).toEqual([]);
    expect((await s.tmf('ABORT_TASK', { referencedTaskTag: 99 })).response).toBe(0);
    expect((await s.logout()).response).toBe(0);
  });

  it('tracks CmdSN and ExpStatSN, and never hands out the reserved ITT', async () => {
    const { s } = await setup();
    const before = s.numbering.cmdSN;
    await s.testUnitReady();
    await s.nop();
    expect(s.numbering.cmdSN).toBe(before + 1); // the immediate NOP-Out does not advance CmdSN
    const last = s.expectOneOf([() => true], 50);
    expect(await last).toMatchObject({ kind: 'silence' });
    s.numbering['itt' as never] = 0xfffffffe as never;
    expect([s.next.itt(), s.next.itt()]).toEqual([0, 1]);
  });
});

describe('low level', () => {
  it('sends any PDU with bad lengths or a bad digest; expectOneOf tells which alternative came first', async () => {
    let conn: FakeConn | undefined;
    const { s } = await setup({ policy: { HeaderDigest: 'CRC32C' }, onPdu: (p, c) => {
      conn = c;
      if (p.type === 'NopOut' && p.itt === 0x4242) { c.send(makePdu('Reject', { final: true, reason: 9, itt: NO_TAG, data: Buffer.alloc(48) })); return true; }
    } }, { digests: { header: 'CRC32C' } });
    const nop = makePdu('NopOut', { immediate: true, final: true, itt: 0x4242, ttt: NO_TAG, cmdSN: s.numbering.cmdSN, expStatSN: s.next.expStatSN() });
    await s.send(nop);
    const r = await s.expectOneOf([(p: Pdu) => p.type === 'NopIn', (p: Pdu) => p.type === 'Reject'], 1000);
    expect(r).toMatchObject({ kind: 'pdu', index: 1 });
    expect(s.rejects).toHaveLength(1);
    await s.send(makePdu('NopOut', { immediate: true, final: true, itt: 7, ttt: NO_TAG }), { badHeaderDigest: true });
    expect(await s.expectOneOf([() => true], 1500)).toMatchObject({ kind: 'closed' }); // the fake cannot frame a bad digest
    expect(conn!.frameErrors).toEqual(['ERR_HEADER_DIGEST']);
  });
});
