// The checker as a whole: a clean scripted session is silent; modes decide whose rules run; state follows login.
import { describe, expect, it } from 'vitest';
import { makePdu } from '../pdu/registry.js';
import { createChecker } from './checker.js';
import { rulesFound, Script } from './check.test-helpers.js';
import { allRules } from './rules/index.js';
import { snAdd, snDiff, snGt, snLt } from './serial.js';

const clean = () => new Script().login()
  .read(1024).dataIn(0, 0, 512).dataIn(1, 512, 512, { final: true, statusPresent: true })
  .write(1024).r2t(0, 0, 1024).dataOut(0, 0, 512, false).dataOut(1, 512, 512, true).resp()
  .read(0).resp();

describe('createChecker', () => {
  it('finds nothing in a clean read/write session, in both modes', () => {
    expect(rulesFound(clean().steps)).toEqual([]);
    expect(rulesFound(clean().steps, 'initiator')).toEqual([]);
  });

  it('tracks login results: phase, session type, declared MaxRecvDataSegmentLength, numbering', () => {
    const c = createChecker({ mode: 'passive' });
    const s = new Script().login();
    for (const st of s.steps) st.from === 'i' ? c.onInitiatorPdu(st.pdu) : c.onTargetPdu(st.pdu);
    expect(c.state.phase).toBe('ffp');
    expect(c.state.sessionType).toBe('Normal');
    expect(c.state.params.maxRecvDataSegmentLength.initiator).toBe(8192);
    expect(c.state.statSN).toBe(51);
    expect(c.state.expCmdSN).toBe(1000);
  });

  it('judges initiator PDUs only in passive mode, and marks the side', () => {
    const s = new Script().login();
    s.cmdSN += 100; // out of the window
    s.read(0);
    const found = createChecker({ mode: 'passive' });
    const ours = createChecker({ mode: 'initiator' });
    const run = (c: typeof found) => s.steps.flatMap(st => (st.from === 'i' ? c.onInitiatorPdu(st.pdu) : c.onTargetPdu(st.pdu)));
    expect(run(found).map(v => [v.rule, v.side])).toEqual([['check/cmdsn-in-window', 'initiator']]);
    expect(run(ours)).toEqual([]);
    // cmdsn-in-window is SHOULD: RFC 7143 §4.2.2.1 puts the MUST on the target (silently ignore), not the initiator.
    expect(found.summary).toMatchObject({ violations: 1, must: 0, should: 1, byRule: { 'check/cmdsn-in-window': 1 } });
  });

  it('skipFormat leaves validatePdu findings to the caller', () => {
    const bad = makePdu('NopIn', { final: false, itt: 0xffffffff, ttt: 0xffffffff });
    expect(createChecker({ mode: 'initiator' }).onTargetPdu(bad).map(v => v.rule)).toContain('pdu/f-bit');
    expect(createChecker({ mode: 'initiator', skipFormat: true }).onTargetPdu(bad).map(v => v.rule)).not.toContain('pdu/f-bit');
  });

  it('registers unique ids, each with a section, a level and a side', () => {
    const ids = allRules.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of allRules) {
      expect(r.ref).toMatch(/^rfc7143\/\d+(\.\d+)*$/);
      expect(['MUST', 'SHOULD']).toContain(r.level);
      expect(['target', 'initiator']).toContain(r.side);
    }
  });
});

describe('serial arithmetic (RFC 1982)', () => {
  it('takes the replicas a SNACK asks for as replicas, not as new responses (§11.16), and only after a SNACK', () => {
    const s = new Script().login().read(1024).dataIn(0, 0, 512).dataIn(1, 512, 512, { final: true, statusPresent: true });
    const [d0, d1] = s.steps.slice(-2).map(st => st.pdu);
    const unasked = [...s.steps, { from: 't' as const, pdu: d1! }];
    expect(rulesFound(unasked)).toContain('check/statsn-increment');
    s.i(makePdu('SnackRequest', { final: true, snackType: 0, itt: (d0 as { itt: number }).itt, tttOrSnackTag: 0xffffffff, begRun: 0, runLength: 0 }));
    s.t(d0!).t(d1!);
    expect(rulesFound(s.steps)).toEqual([]);
  });

  it('compares across the 2^32 wrap', () => {
    expect(snGt(0, 0xffffffff)).toBe(true);
    expect(snLt(0xfffffff0, 5)).toBe(true);
    expect(snAdd(0xffffffff, 1)).toBe(0);
    expect(snDiff(3, 0xffffffff)).toBe(4);
  });
});
