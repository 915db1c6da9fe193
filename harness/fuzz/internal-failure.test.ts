// The internal-failure oracle: CHECK CONDITION with HARDWARE ERROR / INTERNAL TARGET FAILURE is reported with the
// opcode of the command it answered; any other sense, or none, is left to the base checker.
import { describe, expect, it } from 'vitest';
import { makePdu } from '../pdu/registry.js';
import { encodeSense, makeSense } from '../scsi/sense.js';
import type { PduChecker } from '../script/connection.js';
import { fuzzChecker, INTERNAL_FAILURE_RULE, senseOf } from './internal-failure.js';

const response = (itt: number, status: number, sense?: { key: number; asc: number; ascq: number; format?: 'fixed' | 'descriptor' }) => {
  const s = sense ? encodeSense(makeSense(sense)) : Buffer.alloc(0);
  const data = sense ? Buffer.concat([Buffer.from([s.length >> 8, s.length & 0xff]), s]) : s;
  return makePdu('ScsiResponse', { itt, status, response: 0, data });
};
const command = (itt: number, op: number) => makePdu('ScsiCommand', { itt, final: true, read: true, cdb: Buffer.from([op, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) });

describe('internal-failure oracle', () => {
  it('reports 04/44 with the opcode, in fixed and descriptor format', () => {
    for (const format of ['fixed', 'descriptor'] as const) {
      const c = fuzzChecker()();
      c.onInitiatorPdu(command(7, 0x25));
      const v = c.onTargetPdu(response(7, 0x02, { key: 0x04, asc: 0x44, ascq: 0, format }));
      expect(v.map(x => x.rule)).toEqual([INTERNAL_FAILURE_RULE]);
      expect(v[0]!.message).toMatch(/opcode 0x25/);
    }
  });

  it('passes over other sense, GOOD status and PDUs it does not know', () => {
    const c = fuzzChecker()();
    c.onInitiatorPdu(command(1, 0x12));
    expect(c.onTargetPdu(response(1, 0x02, { key: 0x05, asc: 0x24, ascq: 0 }))).toEqual([]);
    expect(c.onTargetPdu(response(1, 0x00))).toEqual([]);
    expect(c.onTargetPdu(makePdu('NopIn', { itt: 0xffffffff }))).toEqual([]);
    expect(senseOf(Buffer.from([0, 3, 1, 2, 3]))).toBeUndefined();
  });

  it('keeps the base checker\'s violations', () => {
    const base: PduChecker = {
      onInitiatorPdu: () => [], onClose: () => [],
      onTargetPdu: () => [{ rule: 'check/x', ref: 'rfc7143/1', message: 'm' }],
    };
    const c = fuzzChecker(() => base)();
    c.onInitiatorPdu(command(2, 0x25));
    expect(c.onTargetPdu(response(2, 0x02, { key: 0x04, asc: 0x44, ascq: 0 })).map(v => v.rule)).toEqual(['check/x', INTERNAL_FAILURE_RULE]);
  });
});
