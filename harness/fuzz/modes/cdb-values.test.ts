// The reserved-bit and on-medium CDB generators work from the declarations alone: one reserved bit at a time,
// at every position, and LBA/length fields found through the declaration's own lba()/blocks().
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cdb } from '../../scsi/cdb.js';
import { ReadCapacity10 as rc10 } from '../../scsi/commands/sbc-other.js';
import { Read16 as r16, Read6 as r6 } from '../../scsi/commands/sbc-rw.js';
import { Inquiry as inq } from '../../scsi/commands/spc.js';
import { arbitraryBlockCount, onMediumValue, reservedBitChoices, reservedBitValue } from './cdb-values.js';

// The generators take any declaration, so the tests see them as the registry hands them out.
const [ReadCapacity10, Read16, Read6, Inquiry] = [rc10, r16, r6, inq] as unknown as Cdb[] as [Cdb, Cdb, Cdb, Cdb];
const popcount = (n: number): number => n.toString(2).replace(/0/g, '').length;

describe('reserved-bit', () => {
  it('offers every reserved bit of the declaration, one at a time', () => {
    const c = reservedBitChoices(ReadCapacity10);
    expect(c.filter(x => x.field === 'rsv1').map(x => x.value).sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64, 128]);
    expect(c.every(x => popcount(x.value) === 1)).toBe(true);
    // Whole reserved bytes count too (READ CAPACITY(10) bytes 6-7: 16 positions).
    expect(c.filter(x => x.field === 'rsv6')).toHaveLength(16);
  });

  it('gives valid CDBs with exactly one reserved violation', () => {
    for (const v of fc.sample(reservedBitValue(Inquiry)!, { seed: 3, numRuns: 50 })) {
      const bad = Inquiry.validate(v).filter(x => x.rule.endsWith('/reserved'));
      expect(Inquiry.validate(v)).toEqual(bad);
      expect(bad).toHaveLength(1);
    }
  });
});

describe('on-medium', () => {
  it('puts a single-field LBA near 0 and the length on the field blocks() reads', () => {
    for (const v of fc.sample(onMediumValue(Read16)!, { seed: 1, numRuns: 50 })) {
      expect(Read16.lba!(v)).toBeLessThan(64n);
      expect(Read16.blocks!(v)).toBeGreaterThan(0);
      expect(Read16.validate(v)).toEqual([]);
    }
  });

  it('sets a split LBA (READ(6): bits + u16) to 0', () => {
    for (const v of fc.sample(onMediumValue(Read6)!, { seed: 2, numRuns: 20 })) expect(Read6.lba!(v)).toBe(0n);
  });

  it('is undefined for a command without LBA', () => {
    expect(onMediumValue(Inquiry)).toBeUndefined();
  });

  it('draws block counts on both sides of the default burst limits', () => {
    const s = new Set(fc.sample(arbitraryBlockCount(), { seed: 4, numRuns: 400 }));
    for (const n of [127, 128, 129, 511, 512, 513]) expect(s.has(n), `block count ${n}`).toBe(true);
  });
});
