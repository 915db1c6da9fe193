// The drawn session login offers only keys the login step does not own, and no digests when the body sends raw
// bytes; the TUR that takes the pending Unit Attention comes right after the login.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryLogin, inDrawnSession } from './mode.js';

describe('drawn session', () => {
  it('offers operational keys sometimes, never identity keys, and no digests for raw bodies', () => {
    const plain = fc.sample(arbitraryLogin(), { seed: 1, numRuns: 300 });
    const keyed = plain.filter(l => l.keys);
    expect(keyed.length).toBeGreaterThan(50);
    expect(keyed.length).toBeLessThan(250);
    for (const l of keyed) for (const k of ['InitiatorName', 'TargetName', 'SessionType']) expect(Object.keys(l.keys!)).not.toContain(k);
    expect(keyed.some(l => 'HeaderDigest' in l.keys! || 'DataDigest' in l.keys!)).toBe(true);
    for (const l of fc.sample(arbitraryLogin({ rawBytes: true }), { seed: 1, numRuns: 300 })) {
      expect(Object.keys(l.keys ?? {}).filter(k => /Digest$/.test(k))).toEqual([]);
    }
  });

  it('puts the TUR (when drawn) between the login and the body', () => {
    const scripts = fc.sample(inDrawnSession(fc.constant([{ op: 'nop' as const }]), { ready: true }), { seed: 2, numRuns: 50 });
    for (const s of scripts) {
      expect(s[1]!.op).toBe('login');
      expect(s.at(-3)).toEqual({ op: 'nop' });
    }
    expect(scripts.some(s => s[2]!.op === 'scsi')).toBe(true);
    expect(scripts.some(s => s[2]!.op === 'nop')).toBe(true);
  });
});
