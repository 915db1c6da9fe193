// minimise keeps only what the oracle needs: whole steps, login keys and PDU fields it does not need go.
import { describe, expect, it } from 'vitest';
import type { Step } from '../script/schema.js';
import { minimise } from './minimise.js';

describe('minimise', () => {
  it('drops steps, login keys and PDU fields the oracle does not need', async () => {
    const steps: Step[] = [
      { op: 'connect' },
      { op: 'login', keys: { MaxBurstLength: '512', DefaultTime2Wait: '3600', InitialR2T: 'Yes' } },
      { op: 'send', pdu: { type: 'NopOut', ttt: 5, data: '00' } },
      { op: 'nop' },
      { op: 'probe' },
    ];
    const fires = async (s: Step[]): Promise<boolean> =>
      s.some(x => x.op === 'login' && x.keys?.DefaultTime2Wait === '3600') && s.some(x => x.op === 'send' && 'ttt' in x.pdu);
    const out = await minimise(steps, fires, performance.now() + 5000);
    expect(out).toEqual([
      { op: 'login', keys: { DefaultTime2Wait: '3600' } },
      { op: 'send', pdu: { type: 'NopOut', ttt: 5 } },
      { op: 'probe' },
    ]);
  });

  it('drops at once the steps after the one that fired, when fires says which steps ran', async () => {
    const big = { op: 'send', pdu: { type: 'DataOut', data: 'ab'.repeat(64) } } as const;
    const steps: Step[] = [{ op: 'login' }, { op: 'scsi', cdb: 'a00000000000' }, big, big, { op: 'probe' }];
    let calls = 0;
    // The hang is at step 1 whatever follows; the run stops there, so steps 2.. never ran.
    const fires = async (s: Step[]): Promise<boolean | Step[]> => {
      calls++;
      const i = s.findIndex(x => x.op === 'scsi');
      return i >= 0 && s.some(x => x.op === 'login') ? s.slice(0, i + 1) : false;
    };
    const out = await minimise(steps, fires, performance.now() + 5000);
    expect(out).toEqual([{ op: 'login' }, { op: 'scsi', cdb: 'a00000000000' }]);
    expect(calls).toBeLessThan(8);
  });
});
