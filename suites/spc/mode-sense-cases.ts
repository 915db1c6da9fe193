// SPC-4 MODE SENSE cases, one table for both forms: pages, page control, DBD, block descriptors, truncation.
import type { CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, scsiStatus, sense as senseOf } from '../../harness/runner/outcomes.js';
import { decodeModeData } from '../../harness/scsi/data/mode.js';
import { ControlPage } from '../../harness/scsi/data/mode-pages.js';
import { capacity } from '../support.js';
import { hex } from '../support-spc.js';
import { modeData, page, sense, type Form } from './mode-common.js';

const tags = ['scsi', 'mode-sense'];
const ILLEGAL = 0x5;

/** The MODE SENSE cases of one form; numbers are the same in both sections. */
export function modeSenseCases(f: Form): CaseDef[] {
  const ref = `spc4 MODE SENSE(${f.name})`;
  const codes = (d: { pages: { pageCode: number }[] }): string => d.pages.map(p => hex(p.pageCode)).join(' ');
  const pcCase = (n: number, pc: number, name: string): CaseDef => ({
    n, title: `PC ${pc} (${name} values) returns the same pages as the current values`, level: 'MUST', ref, tags,
    requirement: `MODE SENSE with PAGE CONTROL ${pc} returns the ${name} values of every page the current values show, each page as long as its current form.`,
    async run(t) {
      const c = await t.login();
      const cur = await modeData(t, c, f, { dbd: true });
      const other = await modeData(t, c, f, { dbd: true, pc });
      const same = cur.pages.length === other.pages.length && cur.pages.every((p, i) => other.pages[i]?.pageCode === p.pageCode && other.pages[i]!.data.length === p.data.length);
      t.check(same, `pages ${codes(cur)} with equal lengths`, `pages ${codes(other)}`);
    },
  });
  return [
    {
      n: 1, title: 'page 0x3F returns every page, walking exactly to MODE DATA LENGTH', level: 'MUST', ref, tags,
      requirement: 'MODE SENSE of all pages (0x3F) ends GOOD; MODE DATA LENGTH covers the header rest, block descriptors and whole pages, nothing left over (libiscsi test_modesense6_all_pages).',
      async run(t) {
        const c = await t.login();
        const e = await sense(t, c, f);
        await t.expect(e, pass(scsiStatus(0, x => {
          const r = decodeModeData(x.data, f.ten);
          return r.violations.length === 0 && !r.truncated && r.value.trailing === undefined && r.value.pages.length > 0;
        }, ' with whole pages that fill MODE DATA LENGTH')));
      },
    },
    {
      n: 2, title: 'each page read on its own equals its copy in the all-pages answer', level: 'MUST', ref, tags,
      requirement: 'A page asked for by its code is returned with the same contents as in the page 0x3F answer (libiscsi test_modesense6_control).',
      async run(t) {
        const c = await t.login();
        const all = await modeData(t, c, f, { dbd: true });
        for (const p of all.pages.filter(x => !x.spf)) {
          const one = await modeData(t, c, f, { dbd: true, pageCode: p.pageCode });
          const got = page(one, p.pageCode);
          t.check(one.pages.length === 1 && got !== undefined && got.data.equals(p.data), `page ${hex(p.pageCode)} alone, as in page 0x3F`,
            `pages ${codes(one)}${got ? `, body ${got.data.toString('hex')} vs ${p.data.toString('hex')}` : ''}`);
        }
      },
    },
    {
      n: 3, title: 'DBD 1 suppresses block descriptors', level: 'MUST', ref, tags,
      requirement: 'With DBD (disable block descriptors) set, BLOCK DESCRIPTOR LENGTH is 0 and no descriptor is returned.',
      async run(t) {
        const c = await t.login();
        await t.expect(sense(t, c, f, { dbd: true }), pass(scsiStatus(0, x => decodeModeData(x.data, f.ten).value.header.blockDescriptorLength === 0, ' with BLOCK DESCRIPTOR LENGTH 0')));
      },
    },
    {
      n: 4, title: 'the block descriptor agrees with READ CAPACITY', level: 'MUST', ref: `${ref}; sbc3 (mode parameter block descriptor)`, tags,
      requirement: 'A returned block descriptor gives LOGICAL BLOCK LENGTH equal to READ CAPACITY\'s and the number of blocks (0xFFFFFFFF in a short descriptor when it does not fit, 0 when not reported).',
      async run(t) {
        const c = await t.login();
        const { blocks, blockSize } = await capacity(t, c);
        const d = await modeData(t, c, f, { dbd: false });
        const bd = d.blockDescriptors[0];
        if (!bd) t.skip('the target returns no block descriptor');
        const n = BigInt(bd.numberOfBlocks);
        const okBlocks = n === blocks || (n === 0xffffffffn && blocks > 0xffffffffn) || n === 0n;
        t.check(bd.logicalBlockLength === blockSize && okBlocks, `${blocks} blocks (or 0: not reported) of ${blockSize} bytes`, `${n} blocks of ${bd.logicalBlockLength} bytes`);
        if (n === 0n) t.note('NUMBER OF LOGICAL BLOCKS 0: the device server does not report the capacity here (sbc3 allows it)');
      },
    },
    pcCase(5, 1, 'changeable'),
    pcCase(6, 2, 'default'),
    {
      n: 7, title: 'PC 3 (saved values) is served or refused with SAVING PARAMETERS NOT SUPPORTED', level: 'MUST', ref, tags,
      requirement: 'A device server that saves pages returns the saved values; one that does not ends with ILLEGAL REQUEST, SAVING PARAMETERS NOT SUPPORTED (tgt).',
      async run(t) {
        const c = await t.login();
        await t.expect(sense(t, c, f, { pc: 3, dbd: true }), pass(scsiStatus(0, x => decodeModeData(x.data, f.ten).value.pages.length > 0, ' with saved pages')),
          pass(senseOf(ILLEGAL, 0x39, 0x00)));
      },
    },
    {
      n: 8, title: 'a page the target does not have is refused with INVALID FIELD IN CDB', level: 'MUST', ref, tags,
      requirement: 'MODE SENSE of a page code the device server does not support ends with CHECK CONDITION, ILLEGAL REQUEST, INVALID FIELD IN CDB.',
      async run(t) {
        const c = await t.login();
        const have = new Set((await modeData(t, c, f, { dbd: true })).pages.map(p => p.pageCode));
        const missing = [0x3e, 0x2b, 0x25, 0x17, 0x0b].find(p => !have.has(p)) ?? t.skip('every candidate page exists');
        await t.expect(sense(t, c, f, { pageCode: missing }), pass(senseOf(ILLEGAL, 0x24, 0x00)));
      },
    },
    {
      n: 9, title: `ALLOCATION LENGTH ${f.header} returns the header only, MODE DATA LENGTH untouched`, level: 'MUST', ref, tags: [...tags, 'boundary'],
      requirement: 'Truncation by the allocation length is no error: at most that many bytes, no residual overflow, and MODE DATA LENGTH still gives the full length (libiscsi test_modesense6_residuals).',
      async run(t) {
        const c = await t.login();
        const full = await modeData(t, c, f);
        await t.expect(sense(t, c, f, { alloc: f.header }), pass(scsiStatus(0, x => !x.overflow && x.data.length === f.header
          && x.data.subarray(0, f.ten ? 2 : 1).equals(full.raw.subarray(0, f.ten ? 2 : 1)), ` with ${f.header} bytes and the full MODE DATA LENGTH`)));
      },
    },
    {
      n: 10, title: 'ALLOCATION LENGTH 0 returns GOOD and no data', level: 'MUST', ref, tags: [...tags, 'boundary'],
      requirement: 'An allocation length of zero transfers nothing and is not an error.',
      async run(t) {
        const c = await t.login();
        await t.expect(sense(t, c, f, { alloc: 0 }), pass(scsiStatus(0, x => x.data.length === 0, ' with no data')));
      },
    },
    {
      n: 11, title: 'MEDIUM TYPE is 0 for a block device', level: 'SHOULD', ref: `${ref}; sbc3 (mode parameter header)`, tags,
      requirement: 'Direct access block devices report MEDIUM TYPE 0 in the mode parameter header.',
      async run(t) {
        const c = await t.login();
        const d = await modeData(t, c, f, { dbd: true });
        t.check(d.header.mediumType === 0, 'MEDIUM TYPE 0', `MEDIUM TYPE ${hex(d.header.mediumType)}`);
      },
    },
    {
      n: 12, title: 'the Control page (0x0A) holds no reserved or invalid value', level: 'MUST', ref: 'spc4 Control mode page', tags,
      requirement: 'In the Control page TST is 0 or 1, QUEUE ALGORITHM MODIFIER is not 2..7, QERR is not 2, UA_INTLCK_CTRL is not 1, AUTOLOAD MODE is at most 2 (libiscsi test_modesense6_control).',
      async run(t) {
        const c = await t.login();
        const p = page(await modeData(t, c, f, { dbd: true, pageCode: 0x0a }), 0x0a) ?? t.skip('no Control page');
        const v = ControlPage.decode(Buffer.concat([Buffer.from([0x0a, p.data.length]), p.data, Buffer.alloc(Math.max(0, 10 - p.data.length))]));
        const bad = [v.tst > 1 && `TST ${v.tst}`, v.queueAlgorithmModifier > 1 && v.queueAlgorithmModifier < 8 && `QAM ${v.queueAlgorithmModifier}`,
          v.qerr === 2 && 'QERR 2', v.uaIntlckCtrl === 1 && 'UA_INTLCK_CTRL 1', v.autoloadMode > 2 && `AUTOLOAD ${v.autoloadMode}`].filter(Boolean);
        t.check(bad.length === 0, 'valid Control page fields', bad.join(', '));
      },
    },
    {
      n: 13, title: 'no page claims to be savable when saved values are not supported', level: 'SHOULD', ref, tags,
      requirement: 'PS (parameters savable) 1 promises that the page can be saved; a device server that refuses PC 3 with SAVING PARAMETERS NOT SUPPORTED sets PS 0 everywhere.',
      async run(t) {
        const c = await t.login();
        const saved = await sense(t, c, f, { pc: 3, dbd: true });
        if (!(saved.kind === 'scsi' && saved.status === 2 && saved.sense?.asc === 0x39)) t.skip('the target serves saved values');
        const d = await modeData(t, c, f, { dbd: true });
        t.check(d.pages.every(p => !p.ps), 'PS 0 in every page', `PS 1 in ${d.pages.filter(p => p.ps).map(p => hex(p.pageCode)).join(' ')}`);
      },
    },
    {
      n: 14, title: 'page 0x3F with subpage 0xFF (all pages and subpages) is served', level: 'SHOULD', ref, tags,
      requirement: 'MODE SENSE of page 0x3F subpage 0xFF returns every page and subpage; it contains at least the pages of subpage 0.',
      async run(t) {
        const c = await t.login();
        const base = await modeData(t, c, f, { dbd: true });
        await t.expect(sense(t, c, f, { dbd: true, subpageCode: 0xff }),
          pass(scsiStatus(0, x => base.pages.every(p => decodeModeData(x.data, f.ten).value.pages.some(q => q.pageCode === p.pageCode)), ' with every page of subpage 0')),
          nonStrict(senseOf(ILLEGAL, 0x24, 0x00)));
      },
    },
  ];
}
