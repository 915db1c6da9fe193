// Tests for serial-number arithmetic at the 2^32 wrap.
import { describe, expect, it } from 'vitest';
import { snAdd, snInWindow, snLe, snLt } from './serial.js';

describe('serial arithmetic', () => {
  it('compares across the wrap', () => {
    expect(snLt(0xffffffff, 0)).toBe(true);
    expect(snLt(0, 0xffffffff)).toBe(false);
    expect(snLe(5, 5)).toBe(true);
    expect(snAdd(0xffffffff, 2)).toBe(1);
  });
  it('tests window membership across the wrap', () => {
    expect(snInWindow(1, 0xfffffff0, 10)).toBe(true);
    expect(snInWindow(11, 0xfffffff0, 10)).toBe(false);
    expect(snInWindow(0xffffffef, 0xfffffff0, 10)).toBe(false);
  });
});
