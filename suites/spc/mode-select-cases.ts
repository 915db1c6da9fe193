// SPC-4 MODE SELECT cases for both forms: round trip of a changeable bit, parameter list errors, SP, and
// MODE PARAMETERS CHANGED to another initiator. Destructive and exclusive: every change is undone.
import type { CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { TestUnitReady } from '../../harness/scsi/commands/spc.js';
import { cmd, exclusive, hex, login2 } from '../support-spc.js';
import { changeableBit, flipped, modeData, page, restore, select, selectData, type Form } from './mode-common.js';

const tags = ['scsi', 'mode-select'];
const ILLEGAL = 0x5;

/** The MODE SELECT cases of one form; numbers are the same in both sections. */
export function modeSelectCases(f: Form): CaseDef[] {
  const ref = `spc4 MODE SELECT(${f.name})`;
  const requires = ['dataloss'] as const;
  return exclusive([
    {
      n: 1, title: 'a changeable bit set by MODE SELECT reads back, and restores', level: 'MUST', ref, tags, requires,
      requirement: 'A bit the changeable values mark may be changed with MODE SELECT; MODE SENSE then returns the new value; setting it back restores the page.',
      async run(t) {
        const c = await t.login();
        const { page: pg, byte, mask } = await changeableBit(t, c, f);
        try {
          await t.expect(select(t, c, f, selectData(f, [flipped(pg, byte, mask)])), pass(scsiStatus(0)));
          const now = page(await modeData(t, c, f, { dbd: true, pageCode: pg.pageCode }), pg.pageCode);
          t.check(now !== undefined && ((now.data[byte]! ^ pg.data[byte]!) & mask) === mask, `page ${hex(pg.pageCode)} byte ${byte + 2} bit ${hex(mask)} flipped`, now ? now.data.toString('hex') : 'page missing');
        } finally { await restore(t, c, f, pg); }
        const back = page(await modeData(t, c, f, { dbd: true, pageCode: pg.pageCode }), pg.pageCode);
        t.check(back?.data.equals(pg.data) === true, 'the page restored', back?.data.toString('hex') ?? 'page missing');
      },
    },
    {
      n: 2, title: 'MODE SELECT of the current values unchanged is accepted', level: 'MUST', ref, tags, requires,
      requirement: 'Sending back a page exactly as MODE SENSE returned it changes nothing and ends GOOD.',
      async run(t) {
        const c = await t.login();
        const { page: pg } = await changeableBit(t, c, f);
        await t.expect(select(t, c, f, selectData(f, [pg])), pass(scsiStatus(0)));
      },
    },
    {
      n: 3, title: 'PARAMETER LIST LENGTH 0 is not an error', level: 'SHOULD', ref, tags, requires,
      requirement: 'A PARAMETER LIST LENGTH of zero transfers no data and changes nothing; the command ends GOOD.',
      async run(t) {
        const c = await t.login();
        await t.expect(select(t, c, f, Buffer.alloc(0)), pass(scsiStatus(0)));
      },
    },
    {
      n: 4, title: 'changing a bit that is not changeable gets INVALID FIELD IN PARAMETER LIST', level: 'MUST', ref, tags, requires,
      requirement: 'A parameter list that sets a bit the changeable values mark 0 ends with CHECK CONDITION, ILLEGAL REQUEST, INVALID FIELD IN PARAMETER LIST, and nothing changes.',
      async run(t) {
        const c = await t.login();
        const ch = await modeData(t, c, f, { pc: 1, dbd: true });
        const cur = await modeData(t, c, f, { dbd: true });
        const find = (): { code: number; byte: number; mask: number } | undefined => {
          for (const p of ch.pages) {
            const i = p.data.findIndex(b => b !== 0xff);
            const fixed = ~(p.data[i] ?? 0xff) & 0xff;
            if (i >= 0 && page(cur, p.pageCode)) return { code: p.pageCode, byte: i, mask: fixed & -fixed };
          }
          return undefined;
        };
        const hit = find() ?? t.skip('every bit of every page is changeable');
        const pg = page(cur, hit.code)!;
        try {
          await t.expect(select(t, c, f, selectData(f, [flipped(pg, hit.byte, hit.mask)])), pass(sense(ILLEGAL, 0x26, 0x00)));
        } finally { await restore(t, c, f, pg); }
      },
    },
    {
      n: 5, title: 'a page code the target does not have gets INVALID FIELD IN PARAMETER LIST', level: 'MUST', ref, tags, requires,
      requirement: 'A parameter list holding an unsupported mode page ends with CHECK CONDITION, ILLEGAL REQUEST, INVALID FIELD IN PARAMETER LIST.',
      async run(t) {
        const c = await t.login();
        const have = new Set((await modeData(t, c, f, { dbd: true })).pages.map(p => p.pageCode));
        const code = [0x3e, 0x2b, 0x25, 0x17].find(p => !have.has(p)) ?? t.skip('every candidate page exists');
        await t.expect(select(t, c, f, selectData(f, [{ ps: false, spf: false, pageCode: code, subpageCode: 0, data: Buffer.alloc(6) }])), pass(sense(ILLEGAL, 0x26, 0x00)));
      },
    },
    {
      n: 6, title: 'a page with the wrong PAGE LENGTH is refused', level: 'MUST', ref, tags, requires,
      requirement: 'A mode page whose PAGE LENGTH differs from the one the device server returns ends with INVALID FIELD IN PARAMETER LIST (or PARAMETER LIST LENGTH ERROR).',
      async run(t) {
        const c = await t.login();
        const { page: pg } = await changeableBit(t, c, f);
        const short = { ...pg, data: pg.data.subarray(0, pg.data.length - 2) };
        try {
          await t.expect(select(t, c, f, selectData(f, [short])), pass(sense(ILLEGAL, 0x26, 0x00)), nonStrict(sense(ILLEGAL, 0x1a, 0x00)));
        } finally { await restore(t, c, f, pg); }
      },
    },
    {
      n: 7, title: 'a parameter list shorter than the page it holds gets PARAMETER LIST LENGTH ERROR', level: 'MUST', ref, tags, requires,
      requirement: 'When PARAMETER LIST LENGTH cuts a mode page short, the command ends with ILLEGAL REQUEST, PARAMETER LIST LENGTH ERROR (tgt), and nothing changes.',
      async run(t) {
        const c = await t.login();
        const { page: pg } = await changeableBit(t, c, f);
        const data = selectData(f, [pg]);
        try {
          await t.expect(select(t, c, f, data.subarray(0, data.length - 3)), pass(sense(ILLEGAL, 0x1a, 0x00)), nonStrict(sense(ILLEGAL, 0x26, 0x00)));
        } finally { await restore(t, c, f, pg); }
      },
    },
    {
      n: 8, title: 'SP 1 is refused when no page can be saved', level: 'MUST', ref, tags, requires,
      requirement: 'With SP (save pages) set on a device server that cannot save pages (PS 0 in every page), the command ends with ILLEGAL REQUEST, INVALID FIELD IN CDB or SAVING PARAMETERS NOT SUPPORTED.',
      async run(t) {
        const c = await t.login();
        const cur = await modeData(t, c, f, { dbd: true });
        if (cur.pages.some(p => p.ps)) t.skip('the target can save some pages');
        const { page: pg } = await changeableBit(t, c, f);
        await t.expect(select(t, c, f, selectData(f, [pg]), { sp: true }), pass(sense(ILLEGAL, 0x24, 0x00)), pass(sense(ILLEGAL, 0x39, 0x00)));
      },
    },
    {
      n: 9, title: 'a change is reported to another initiator as MODE PARAMETERS CHANGED, not to the changer', level: 'MUST', ref, tags: [...tags, 'unit-attention'],
      requires: ['dataloss', 'second-initiator'],
      requirement: 'When MODE SELECT changes parameters, every other I_T nexus gets UNIT ATTENTION, MODE PARAMETERS CHANGED on its next command; the nexus that made the change does not.',
      async run(t) {
        const c = await t.login();
        const other = await login2(t);
        const { page: pg, byte, mask } = await changeableBit(t, c, f);
        try {
          await t.expect(select(t, c, f, selectData(f, [flipped(pg, byte, mask)])), pass(scsiStatus(0)));
          await t.expect(c.scsi(TestUnitReady.encode({})), pass(scsiStatus(0)));
          await t.expect(other.scsi(TestUnitReady.encode({})), pass(sense(0x6, 0x2a, 0x01)));
        } finally { await restore(t, c, f, pg); }
      },
    },
  ]);
}
