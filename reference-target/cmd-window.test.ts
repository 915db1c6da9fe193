// Tests for the CmdSN window: ordering, drop outside the window, immediate delivery, wrap.
import { describe, expect, it } from 'vitest';
import { CmdWindow } from './cmd-window.js';
import { FaultSet } from './faults/define.js';

describe('CmdWindow', () => {
  it('delivers in CmdSN order and drops what is outside', () => {
    const w = new CmdWindow(10, 4, new FaultSet());
    const got: number[] = [];
    expect(w.submit(11, false, () => got.push(11))).toBe('queued');
    expect(w.submit(14, false, () => got.push(14))).toBe('dropped');
    expect(w.submit(9, false, () => got.push(9))).toBe('dropped');
    expect(w.submit(10, false, () => got.push(10))).toBe('delivered');
    expect(got).toEqual([10, 11]);
    expect(w.expCmdSN).toBe(12);
    expect(w.maxCmdSN).toBe(15);
  });
  it('runs immediate commands at once without advancing', () => {
    const w = new CmdWindow(5, 4, new FaultSet());
    let ran = false;
    expect(w.submit(5, true, () => { ran = true; })).toBe('delivered');
    expect(ran).toBe(true);
    expect(w.expCmdSN).toBe(5);
  });
  it('wraps at 2^32 and fills gaps by consume', () => {
    const w = new CmdWindow(0xffffffff, 8, new FaultSet());
    const got: number[] = [];
    w.submit(0, false, () => got.push(0));
    w.consume(0xffffffff);
    expect(got).toEqual([0]);
    expect(w.expCmdSN).toBe(1);
  });
});
