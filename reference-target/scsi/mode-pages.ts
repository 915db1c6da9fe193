// SPC-4/SBC-3 mode pages the reference target keeps per logical unit: their default values, which
// bits MODE SELECT may change, and the current values. Saved pages are not supported (PS=0).
// Layouts: SCSI-NOTES (MODE SENSE). A local table: harness/scsi's mode page codecs were not committed yet.

/** One page: code, default body (bytes 2..) and the changeable mask for the same bytes. */
export interface ModePageDef {
  code: number;
  name: string;
  defaults: readonly number[];
  changeable: readonly number[];
}

/** The pages, by ascending code (MODE SENSE page 0x3F returns them in this order). */
export const MODE_PAGES: readonly ModePageDef[] = [
  // Read-Write Error Recovery: nothing to recover on RAM/file media, so nothing changeable.
  { code: 0x01, name: 'read-write error recovery', defaults: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], changeable: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  // Caching: WCE=1 (writes are cached until SYNCHRONIZE CACHE / FUA); WCE and RCD changeable.
  { code: 0x08, name: 'caching', defaults: [0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], changeable: [0x05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  // Control: GLTSD=1 (no log pages), QUEUE ALGORITHM MODIFIER 1 (unrestricted reordering);
  // D_SENSE (byte 2 bit 2) and SWP (byte 4 bit 3) changeable: libiscsi's ModeSense6 Control tests set them.
  { code: 0x0a, name: 'control', defaults: [0x02, 0x10, 0, 0, 0, 0, 0, 0, 0, 0], changeable: [0x04, 0, 0x08, 0, 0, 0, 0, 0, 0, 0] },
  // Informational Exceptions Control: DEXCPT=1 (no exception reporting); DEXCPT changeable.
  { code: 0x1c, name: 'informational exceptions control', defaults: [0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0], changeable: [0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
];

/** Page control values of MODE SENSE (SPC-4). */
export type PageControl = 'current' | 'changeable' | 'default';

/** Current mode page values of one logical unit (shared by all I_T nexuses). */
export class ModeState {
  private readonly current = new Map<number, Buffer>();

  constructor() {
    for (const p of MODE_PAGES) this.current.set(p.code, Buffer.from(p.defaults));
  }

  /** The page in MODE SENSE form (header byte 0 code, byte 1 length) for a page control. */
  page(code: number, pc: PageControl): Buffer | undefined {
    const def = MODE_PAGES.find(p => p.code === code);
    if (!def) return undefined;
    const body = pc === 'current' ? this.current.get(code)! : Buffer.from(pc === 'default' ? def.defaults : def.changeable);
    return Buffer.concat([Buffer.from([code, body.length]), body]);
  }

  /** Current body of a page (bytes 2..). */
  body(code: number): Buffer {
    return this.current.get(code)!;
  }

  /** Replaces a page's body; true when a value actually changed. */
  set(code: number, body: Buffer): boolean {
    const old = this.current.get(code)!;
    if (old.equals(body)) return false;
    this.current.set(code, Buffer.from(body));
    return true;
  }

  /** Control page D_SENSE: CHECK CONDITION sense in descriptor format (SPC-4). */
  get descriptorSense(): boolean { return (this.body(0x0a)[0] & 0x04) !== 0; }
  /** Control page SWP: the medium is software write protected (SPC-4). */
  get softwareWriteProtect(): boolean { return (this.body(0x0a)[2] & 0x08) !== 0; }
  /** Caching page WCE: without it every write is written through (flushed). */
  get writeCacheEnabled(): boolean { return (this.body(0x08)[0] & 0x04) !== 0; }
}
