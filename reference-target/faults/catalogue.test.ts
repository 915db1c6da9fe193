// The fault catalogue: enough faults, unique IDs, each citing a clause and hooking at least one step; some rare.
import { describe, expect, it } from 'vitest';
import { catalogue, faultsById } from './catalogue.js';

describe('fault catalogue', () => {
  it('has at least 20 well-formed faults with unique IDs', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(20);
    expect(new Set(catalogue.map(f => f.id)).size).toBe(catalogue.length);
    for (const f of catalogue) {
      expect(f.id).toMatch(/^fault\/[a-z0-9-]+$/);
      expect(f.ref).toMatch(/^(rfc7143|spc4|sbc3)\/[\d.]+$/);
      expect(f.description.length).toBeGreaterThan(10);
      expect(Object.keys(f.hooks).length).toBeGreaterThan(0);
    }
    expect(catalogue.filter(f => f.trigger).length).toBeGreaterThanOrEqual(4);
  });
  it('looks faults up with or without the prefix and refuses unknown ones', () => {
    expect(faultsById(['statsn-stuck', 'fault/tsih-zero']).map(f => f.id)).toEqual(['fault/statsn-stuck', 'fault/tsih-zero']);
    expect(() => faultsById(['nope'])).toThrow(expect.objectContaining({ code: 'ERR_UNKNOWN_FAULT' }));
  });
});
