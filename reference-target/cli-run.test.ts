// The `target` command in-process: option parsing, --list-faults, start, URL, stop.
import { describe, expect, it } from 'vitest';
import { configFromArgs, parseListen, runTargetCli, type TargetCliArgs } from './cli-run.js';
import { fakeDevice } from './test-support/fake-device.js';
import { RawClient } from './test-support/raw-client.js';

const base: TargetCliArgs = { listen: '127.0.0.1:0', iqn: 'iqn.2026-11.test:cli', lun: [], blockSize: 512, allow: [], fault: [], log: [], listFaults: false };

describe('target CLI', () => {
  it('parses --listen and --lun into a config', () => {
    expect(parseListen('127.0.0.1:3260')).toEqual({ host: '127.0.0.1', port: 3260 });
    expect(parseListen('[::1]:3295')).toEqual({ host: '::1', port: 3295 });
    expect(() => parseListen('nohost')).toThrow();
    const c = configFromArgs({ ...base, lun: ['0:ram:1MiB', '1:ram:2MiB:bs=4096'], chap: 'u:secret', digest: true });
    expect(c.luns).toEqual([{ lun: 0, backing: 'ram', size: 1 << 20, blockSize: 512 }, { lun: 1, backing: 'ram', size: 2 << 20, blockSize: 4096 }]);
    expect(c.chap).toEqual({ user: 'u', secret: 'secret' });
    expect(c.digests).toBe('required');
    expect(configFromArgs({ ...base, erl: 0 }).erl).toBe(0);
    expect(configFromArgs(base).erl).toBeUndefined(); // the config's default (1) applies
  });

  it('lists faults with their clauses', async () => {
    let out = '';
    expect(await runTargetCli({ ...base, listFaults: true }, { out: t => { out += t; }, err: () => {} }, Promise.resolve())).toBe(0);
    expect(out.split('\n').filter(l => l.startsWith('fault/')).length).toBeGreaterThanOrEqual(20);
    expect(out).toContain('rfc7143/11.13.4');
  });

  it('starts, prints its libiscsi URL, serves a login and stops on the signal', async () => {
    let out = '', err = '';
    let stop!: () => void;
    const stopped = new Promise<void>(r => { stop = r; });
    const run = runTargetCli({ ...base, lun: ['0:ram:1MiB'] }, { out: t => { out += t; }, err: t => { err += t; } }, stopped, { device: fakeDevice() });
    for (let i = 0; i < 100 && !out; i++) await new Promise(r => setTimeout(r, 20));
    const m = /^iscsi:\/\/127\.0\.0\.1:(\d+)\/iqn\.2026-11\.test:cli\/0$/m.exec(out);
    expect(m).not.toBeNull();
    const c = await RawClient.connect(Number(m![1]));
    const r = await c.login('iqn.2026-11.test:cli');
    expect(r.rsp.statusClass).toBe(0);
    c.close();
    stop();
    expect(await run).toBe(0);
    expect(err).toContain('logged in');
  });
});
