// MODE SENSE / MODE SELECT plumbing shared by the (6) and (10) sections: CDBs per form, parsed mode data, page lookup.
import type { CaseApi } from '../../harness/runner/case-api.js';
import type { Conn } from '../../harness/runner/conn.js';
import type { CaseEvent } from '../../harness/runner/outcomes.js';
import { ModeSelect10, ModeSelect6, ModeSense10, ModeSense6 } from '../../harness/scsi/commands/spc-mode.js';
import { decodeModeData, encodeModeData, type ModeData, type ModePage } from '../../harness/scsi/data/mode.js';
import { cmd, good } from '../support-spc.js';

/** One form of the commands: 6 or 10 byte CDBs and headers. */
export interface Form { ten: boolean; name: '6' | '10'; header: number; maxAlloc: number }
export const FORM6: Form = { ten: false, name: '6', header: 4, maxAlloc: 255 };
export const FORM10: Form = { ten: true, name: '10', header: 8, maxAlloc: 4096 };

/** Options of one MODE SENSE. */
export interface SenseOpts { pc?: number; pageCode?: number; subpageCode?: number; dbd?: boolean; llbaa?: boolean; alloc?: number }

/** The MODE SENSE CDB of a form. */
export function senseCdb(f: Form, o: SenseOpts = {}): Buffer {
  const v = { pc: o.pc ?? 0, pageCode: o.pageCode ?? 0x3f, subpageCode: o.subpageCode ?? 0, dbd: o.dbd ?? false, allocationLength: o.alloc ?? f.maxAlloc };
  return f.ten ? ModeSense10.encode({ ...v, llbaa: o.llbaa ?? false }) : ModeSense6.encode(v);
}

/** Sends MODE SENSE (unit attentions answered first). */
export const sense = (t: CaseApi, c: Conn, f: Form, o: SenseOpts = {}): Promise<CaseEvent> =>
  cmd(t, c, senseCdb(f, o), { read: o.alloc ?? f.maxAlloc });

/** MODE SENSE that must succeed: the parsed data (a set-up step). */
export async function modeData(t: CaseApi, c: Conn, f: Form, o: SenseOpts = {}): Promise<ModeData & { raw: Buffer }> {
  const raw = await good(t, c, senseCdb(f, o), `MODE SENSE(${f.name})`, { read: o.alloc ?? f.maxAlloc });
  return { ...decodeModeData(raw, f.ten).value, raw };
}

/** The MODE SELECT CDB of a form. */
export const selectCdb = (f: Form, len: number, o: { sp?: boolean; pf?: boolean } = {}): Buffer =>
  (f.ten ? ModeSelect10 : ModeSelect6).encode({ pf: o.pf ?? true, sp: o.sp ?? false, parameterListLength: len });

/** MODE SELECT of `pages` with no block descriptor (MODE DATA LENGTH 0: reserved in MODE SELECT). */
export function selectData(f: Form, pages: ModePage[]): Buffer {
  const header = { modeDataLength: 0, blockDescriptorLength: 0 } as unknown as ModeData['header'];
  return encodeModeData({ header, blockDescriptors: [], pages: pages.map(p => ({ ...p, ps: false })) }, f.ten);
}

/** Sends MODE SELECT with this parameter list. */
export const select = (t: CaseApi, c: Conn, f: Form, data: Buffer, o: { sp?: boolean; len?: number } = {}): Promise<CaseEvent> =>
  cmd(t, c, selectCdb(f, o.len ?? data.length, o), { write: data });

/** A page of the list, by code (page_0 format, no subpage). */
export const page = (d: ModeData, code: number): ModePage | undefined => d.pages.find(p => p.pageCode === code && p.subpageCode === 0);

/** The first changeable bit the target offers: page, byte index into the body, bit mask. */
export async function changeableBit(t: CaseApi, c: Conn, f: Form): Promise<{ page: ModePage; byte: number; mask: number }> {
  const ch = await modeData(t, c, f, { pc: 1, dbd: true });
  const cur = await modeData(t, c, f, { pc: 0, dbd: true });
  for (const p of ch.pages) {
    const current = page(cur, p.pageCode);
    if (!current || p.spf) continue;
    const i = p.data.findIndex(b => b !== 0);
    if (i >= 0) return { page: current, byte: i, mask: p.data[i]! & -p.data[i]! };
  }
  t.skip('no mode page has a changeable bit');
}

/** Sets the current page back to `page` (a clean-up step; failures are only noted). */
export async function restore(t: CaseApi, c: Conn, f: Form, pg: ModePage): Promise<void> {
  const e = await select(t, c, f, selectData(f, [pg])).catch(() => undefined);
  if (!e || e.kind !== 'scsi' || e.status !== 0) t.note(`restoring page 0x${pg.pageCode.toString(16)} failed`);
}

/** A copy of `pg` with one bit of its body flipped. */
export function flipped(pg: ModePage, byte: number, mask: number): ModePage {
  const data = Buffer.from(pg.data);
  data[byte] = data[byte]! ^ mask;
  return { ...pg, data };
}
