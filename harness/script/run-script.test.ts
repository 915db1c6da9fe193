// runScript against the in-process fake target: clean scripts pass, each planted fault fires its oracle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTarget, type FakeTarget } from '../fuzz/test-support/fake-target.js';
import { runScript } from './run-script.js';
import { scriptSchema, type Step } from './schema.js';

let t: FakeTarget;
beforeAll(async () => { t = await startFakeTarget({ faults: ['hang-inquiry-1', 'wrong-itt-nop-37'] }); });
afterAll(async () => { await t.close(); });

const write10 = (lba: number, n: number) => `2a000000${lba.toString(16).padStart(4, '0')}0000${n.toString(16).padStart(2, '0')}00`;
const read10 = (lba: number, n: number) => `28000000${lba.toString(16).padStart(4, '0')}0000${n.toString(16).padStart(2, '0')}00`;

describe('runScript', () => {
  it('runs a clean session to a null verdict, with coverage signatures', async () => {
    const steps: Step[] = [
      { op: 'connect' }, { op: 'login' }, { op: 'nop', data: 'abcd' },
      { op: 'scsi', cdb: '000000000000' },
      { op: 'scsi', cdb: write10(5, 2), dataOut: 'ab'.repeat(1024) },
      { op: 'scsi', cdb: read10(5, 2), readLength: 1024 },
      { op: 'send', pdu: { type: 'NopOut', immediate: true, final: true, ttt: 0xffffffff } },
      { op: 'expect', oneOf: [{ pdu: { type: 'NopIn' } }], ref: 'rfc7143/11.19' },
      { op: 'disconnect' }, { op: 'probe' },
    ];
    const r = await runScript(scriptSchema.parse({ steps }), { url: t.url });
    expect(r.steps.map(s => s.outcome)).toEqual(['ok', 'ok', 'ok', 'status 0x00', 'status 0x00', 'status 0x00', 'sent', 'matched 0', 'ok', 'ok']);
    expect(r.verdict).toBeNull();
    expect(r.signatures).toContain('ScsiResponse/r0/s00');
    expect(r.pdusSent).toBe(8); // login, nop, 3 commands, the raw NOP-Out, then the probe's login + TUR (+2)
  });

  it('writes across an R2T (data beyond FirstBurstLength) and reads it back', async () => {
    const big = Buffer.alloc(512 * 160, 7); big[70_000] = 9;
    const r = await runScript({ steps: [{ op: 'login' }, { op: 'scsi', cdb: write10(100, 160), dataOut: big.toString('hex') }, { op: 'scsi', cdb: read10(100, 160), readLength: big.length }] }, { url: t.url });
    expect(r.steps.map(s => s.outcome)).toEqual(['ok', 'status 0x00', 'status 0x00']);
    expect(r.verdict).toBeNull();
  });

  it('fires "hang" when a SCSI command gets no status', async () => {
    const r = await runScript({ steps: [{ op: 'login' }, { op: 'scsi', cdb: '120000000100', readLength: 1, timeoutMs: 200 }] }, { url: t.url });
    expect(r.verdict).toMatchObject({ kind: 'hang', rule: 'rfc7143/11.4', step: 1 });
  });

  it('fires "unexpected" on a wrong answer and names the expect rule', async () => {
    const r = await runScript({ steps: [{ op: 'login' }, { op: 'send', pdu: { type: 'NopOut', immediate: true, final: true, ttt: 0xffffffff, itt: 77, data: '00'.repeat(37) } },
      { op: 'expect', oneOf: [{ pdu: { type: 'NopIn', itt: 77 } }], ref: 'rfc7143/11.19', timeoutMs: 300 }] }, { url: t.url });
    expect(r.verdict).toMatchObject({ kind: 'unexpected', rule: 'rfc7143/11.19:NopIn' });
  });

  it('fires "data" when a read disagrees with what the script wrote', async () => {
    // Two writers to the same block: the second (a raw send the model cannot see) changes what the first wrote.
    const r = await runScript({ steps: [{ op: 'login' },
      { op: 'scsi', cdb: write10(9, 1), dataOut: '11'.repeat(512) },
      { op: 'send', pdu: { type: 'ScsiCommand', final: true, write: true, attr: 1, expectedDataTransferLength: 512, cdb: write10(9, 1) + '000000000000', data: '22'.repeat(512) } },
      { op: 'nop' },
      { op: 'scsi', cdb: read10(9, 1), readLength: 512 }] }, { url: t.url });
    expect(r.verdict).toMatchObject({ kind: 'data', rule: 'data-read-back', step: 4 });
  });

  it('fires "probe" and then "exit" for a crash, depending on whether the process is ours', async () => {
    const crashy = await startFakeTarget({ faults: ['crash-nop-13'] });
    const steps: Step[] = [{ op: 'login' }, { op: 'send', pdu: { type: 'NopOut', immediate: true, final: true, ttt: 0xffffffff, data: 'ee' + '00'.repeat(12) } }, { op: 'nop', timeoutMs: 300 }, { op: 'probe', timeoutMs: 300 }];
    const r = await runScript({ steps }, { url: crashy.url });
    expect(r.verdict).toMatchObject({ kind: 'probe', rule: 'liveness' });
    const r2 = await runScript({ steps }, { url: crashy.url, exited: () => (crashy.crashed ? { code: null, signal: 'SIGSEGV' } : null) });
    expect(r2.verdict).toMatchObject({ kind: 'exit', rule: 'target-process-exit' });
    await crashy.close();
  });

  it('gives a login (and the probe\'s login) its own deadline, so a target slow to log in is not a hang', async () => {
    const slow = await startFakeTarget({ loginDelayMs: 300 });
    const steps: Step[] = [{ op: 'login' }, { op: 'nop' }, { op: 'probe' }];
    const r = await runScript({ steps }, { url: slow.url, timeouts: { stepMs: 100, probeMs: 100 } });
    expect(r.verdict).toBeNull();
    const r2 = await runScript({ steps }, { url: slow.url, timeouts: { stepMs: 100, probeMs: 100, loginMs: 100 } });
    expect(r2.verdict).toMatchObject({ kind: 'hang', rule: 'rfc7143/11.13', step: 0, message: 'login failed: no Login Response within 100 ms' });
    await slow.close();
  });

  it('rejects a malformed script with a zod error naming the step', () => {
    const bad = scriptSchema.safeParse({ steps: [{ op: 'send', pdu: { raw: 'abc' } }] });
    expect(bad.success).toBe(false);
  });
});
