// One logical unit's state: its medium, mode pages, unit attentions and both kinds of reservation.
import type { LunBackend } from '../lun/backend.js';
import { ModeState } from './mode-pages.js';
import { PrState } from './pr-state.js';
import { UnitAttentions } from './unit-attention.js';

/** Everything a command on one LU reads or changes. */
export class LogicalUnit {
  readonly modes = new ModeState();
  readonly pr = new PrState();
  readonly ua: UnitAttentions;
  /** Nexus holding an SPC-2 RESERVE(6/10) reservation. */
  reserve2: string | undefined;
  /** Nexuses that sent PREVENT ALLOW MEDIUM REMOVAL with PREVENT=1. */
  readonly preventers = new Set<string>();
  /** Nexuses that have sent a command here (receivers of "to every other nexus" unit attentions). */
  readonly nexuses = new Set<string>();

  constructor(readonly number: number, readonly backend: LunBackend, resetUa: boolean) {
    this.ua = new UnitAttentions(resetUa);
  }

  get blockSize(): number { return this.backend.blockSize; }
  get blocks(): number { return this.backend.blocks; }

  /** Queues a unit attention on every nexus that used this LU except `except`. */
  uaToOthers(except: string, asc: number, ascq: number): void {
    for (const n of this.nexuses) if (n !== except) this.ua.queue(n, asc, ascq);
  }

  /** LOGICAL UNIT RESET / target reset (SAM-5): SPC-2 reservation and prevent state go, PRs stay. */
  reset(): void {
    this.reserve2 = undefined;
    this.preventers.clear();
    this.ua.reset();
  }

  /** I_T nexus loss: what only that nexus held goes (SPC-4); registrations persist. */
  nexusLost(nexus: string): void {
    if (this.reserve2 === nexus) this.reserve2 = undefined;
    this.preventers.delete(nexus);
    this.nexuses.delete(nexus);
    this.ua.forget(nexus);
  }
}
