// RecoveryStore: what ERL >= 1 keeps for SNACK is let go on ExpStatSN and never grows past its caps (§11.16).
import { describe, expect, it } from 'vitest';
import { makePdu, type PduNamed } from '../../harness/pdu/registry.js';
import { RecoveryStore } from './recovery-store.js';

const limits = { maxResponses: 4, maxReads: 2, maxReadBytes: 1024 };
const rsp = (itt: number, statSN: number) => makePdu('ScsiResponse', { final: true, response: 0, status: 0, itt, statSN });
const dataIn = (itt: number, dataSN: number, bytes: number, statSN?: number): PduNamed<'DataIn'> =>
  makePdu('DataIn', { final: statSN !== undefined, statusPresent: statSN !== undefined, itt, dataSN, statSN: statSN ?? 0, data: Buffer.alloc(bytes) });

describe('RecoveryStore', () => {
  it('holds numbered responses until ExpStatSN passes them, and tells acknowledged from never sent', () => {
    const s = new RecoveryStore(limits, 10);
    s.sent(rsp(1, 10), 10);
    s.sent(rsp(2, 11), 11);
    expect(s.response(10, 12).kind).toBe('held');
    s.acknowledge(11);
    expect(s.size.responses).toBe(1);
    expect(s.response(10, 12).kind).toBe('acknowledged');
    expect(s.response(11, 12).kind).toBe('held');
    expect(s.response(12, 12).kind).toBe('not-sent');
    s.acknowledge(5); // an older ExpStatSN acknowledges nothing back
    expect(s.firstUnacknowledged).toBe(11);
  });

  it('keeps at most maxResponses; an unacknowledged one let go is "dropped", not "acknowledged"', () => {
    const s = new RecoveryStore(limits, 0);
    for (let sn = 0; sn < 6; sn++) s.sent(rsp(sn, sn), sn);
    expect(s.size.responses).toBe(4);
    expect(s.response(0, 6).kind).toBe('dropped');
    expect(s.response(5, 6).kind).toBe('held');
  });

  it('works across StatSN wrap-around', () => {
    const s = new RecoveryStore(limits, 0xfffffffe);
    s.sent(rsp(1, 0xfffffffe), 0xfffffffe);
    s.sent(rsp(2, 0xffffffff), 0xffffffff);
    s.sent(rsp(3, 0), 0);
    s.acknowledge(0);
    expect(s.size.responses).toBe(1);
    expect(s.response(0, 1).kind).toBe('held');
  });

  it('holds a read until its status is acknowledged, and tombstones reads past the byte cap', () => {
    const s = new RecoveryStore(limits, 0);
    s.sent(dataIn(1, 0, 512), undefined);
    s.sent(dataIn(1, 1, 256, 0), 0);
    expect(s.read(1)?.status?.statSN).toBe(0);
    s.sent(dataIn(2, 0, 512, 1), 1); // 1280 bytes > 1024: the oldest read loses its data
    expect(s.read(1)?.dropped).toBe(true);
    expect(s.read(2)?.dataIns.length).toBe(1);
    expect(s.size.readBytes).toBe(512);
    s.acknowledge(2);
    expect(s.read(1)).toBeUndefined();
    expect(s.read(2)).toBeUndefined();
    expect(s.size).toEqual({ responses: 0, reads: 0, readBytes: 0 });
  });

  it('keeps at most maxReads tasks, and a reused ITT starts a new read', () => {
    const s = new RecoveryStore(limits, 0);
    for (let itt = 1; itt <= 3; itt++) s.sent(dataIn(itt, 0, 10, itt - 1), itt - 1);
    expect(s.size.reads).toBe(2);
    expect(s.read(1)).toBeUndefined();
    s.sent(dataIn(3, 0, 20), undefined); // ITT 3 again, after its status
    expect(s.read(3)?.status).toBeUndefined();
    expect(s.read(3)?.bytes).toBe(20);
  });
});
