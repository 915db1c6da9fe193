// SPC-4 unit attention conditions per I_T nexus. The power-on/reset condition (29/00) is implicit:
// every nexus that has not yet been told since the last power-on or reset has one pending, which
// is how "its first command after power-on" works for nexuses that log in later.
import { SenseKey, type SenseSpec } from './reply.js';

/** Pending unit attentions of one logical unit. */
export class UnitAttentions {
  private readonly told = new Set<string>();
  private readonly queued = new Map<string, SenseSpec[]>();

  /** @param resetUa false disables the power-on/reset condition (fault/ua-never). */
  constructor(private readonly resetUa = true) {}

  /** Power-on / reset: every nexus gets 29/00 next, and it supersedes what was queued (SAM-5). */
  reset(): void {
    this.told.clear();
    this.queued.clear();
  }

  /** The nexus is gone: a later nexus with the same key starts like a new one. */
  forget(nexus: string): void {
    this.told.delete(nexus);
    this.queued.delete(nexus);
  }

  /** Queues a condition for `nexus` unless the same one is already pending. */
  queue(nexus: string, asc: number, ascq: number): void {
    const list = this.queued.get(nexus) ?? [];
    if (!list.some(s => s.asc === asc && s.ascq === ascq)) list.push({ key: SenseKey.UNIT_ATTENTION, asc, ascq });
    this.queued.set(nexus, list);
  }

  /** The condition `nexus` would see next, without clearing it. */
  peek(nexus: string): SenseSpec | undefined {
    if (this.resetUa && !this.told.has(nexus)) return { key: SenseKey.UNIT_ATTENTION, asc: 0x29, ascq: 0x00 };
    return this.queued.get(nexus)?.[0];
  }

  /** Reports and clears the next condition for `nexus`. */
  take(nexus: string): SenseSpec | undefined {
    const s = this.peek(nexus);
    if (!s) return undefined;
    if (this.resetUa && !this.told.has(nexus)) { this.told.add(nexus); return s; }
    const list = this.queued.get(nexus)!;
    list.shift();
    if (list.length === 0) this.queued.delete(nexus);
    return s;
  }
}
