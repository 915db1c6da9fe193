// senseBytes: the reply's sense through harness/scsi's codec, in both formats, with the SPC-4 VALID rule.
import { describe, expect, it } from 'vitest';
import { decodeSense, senseFieldPointer, senseInformation } from '../../harness/scsi/sense.js';
import { senseBytes } from './reply.js';

describe('senseBytes', () => {
  it('fixed: 18 bytes, INFORMATION with VALID, field pointer with C/D and bit', () => {
    const b = senseBytes({ key: 5, asc: 0x24, ascq: 0, info: 7n, field: { cd: true, byte: 13, bit: 4 } }, false);
    expect(b.length).toBe(18);
    expect(b.subarray(15, 18).toString('hex')).toBe('cc000d');
    const v = decodeSense(b).value;
    expect(senseInformation(v)).toBe(7n);
    expect(senseFieldPointer(v)).toMatchObject({ cd: true, bpv: true, bitPointer: 4, fieldPointer: 13 });
  });
  it('fixed: INFORMATION past 32 bits is left out (VALID=0) rather than truncated', () => {
    const b = senseBytes({ key: 0xe, asc: 0x1d, ascq: 0, info: 1n << 33n }, false);
    expect(b[0]).toBe(0x70);
    expect(b.readUInt32BE(3)).toBe(0);
  });
  it('descriptor: INFORMATION keeps all 64 bits; no field pointer means no sense-key-specific descriptor', () => {
    const b = senseBytes({ key: 0xe, asc: 0x1d, ascq: 0, info: 1n << 33n }, true);
    expect(b[0]).toBe(0x72);
    expect(b[7]).toBe(12);
    expect(senseInformation(decodeSense(b).value)).toBe(1n << 33n);
  });
});
