// SPC-4 PERSISTENT RESERVE OUT RESERVE / RELEASE per reservation type, and what each type lets another
// initiator do (registered and not), as libiscsi's ProutReserve tests check. Rows of the PR OUT section.
import type { CaseDef } from '../../harness/runner/case.js';
import type { CaseApi } from '../../harness/runner/case-api.js';
import { pass, scsiStatus, sense, type CaseEvent } from '../../harness/runner/outcomes.js';
import { capacity } from '../support.js';
import { good, login2 } from '../support-spc.js';
import { Read10 } from '../../harness/scsi/commands/sbc-rw.js';
import { allRegistrants, KEY, needType, prOut, readKeys, readReservation, readBlock, SA, TYPE, TYPE_NAME, withCleanPr, writeBlock, GOOD } from './pr-common.js';

const ref = 'spc4 PERSISTENT RESERVE OUT RESERVE';
const tags = ['scsi', 'pr'];
const TYPES = [TYPE.WE, TYPE.EA, TYPE.WE_RO, TYPE.EA_RO, TYPE.WE_AR, TYPE.EA_AR] as const;

/** RESERVE of one type, READ RESERVATION shows it, RELEASE drops it (libiscsi test_prout_reserve_simple). */
const reserveRow = (n: number, type: number): CaseDef => ({
  n, title: `RESERVE ${TYPE_NAME[type]} is reported by READ RESERVATION and released by RELEASE`, level: 'MUST', ref, tags, requires: ['dataloss'],
  requirement: `A registrant's RESERVE of type ${type} ends GOOD; READ RESERVATION then shows LU scope, type ${type} and ${allRegistrants(type) ? 'key 0 (all registrants hold it)' : 'the holder\'s key'}; RELEASE with the same type ends it.`,
  async run(t) {
    const c = await t.login();
    await withCleanPr(t, c, async () => {
      await needType(t, c, type);
      await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { sark: KEY.a }), GOOD);
      await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type }), GOOD);
      const want = allRegistrants(type) ? 0n : KEY.a;
      const r = await readReservation(t, c);
      t.check(r?.type === type && r.scope === 0 && r.key === want, `type ${type}, scope 0, key ${want.toString(16)}`, r ? `type ${r.type}, scope ${r.scope}, key ${r.key.toString(16)}` : 'no reservation');
      await t.expect(prOut(t, c, SA.RELEASE, { key: KEY.a, type }), GOOD);
      t.check((await readReservation(t, c)) === undefined, 'no reservation after RELEASE', 'still reserved');
    });
  },
});

/** What the second nexus may do: [registered read, registered write, unregistered read, unregistered write]. */
const ACCESS: Record<number, readonly [boolean, boolean, boolean, boolean]> = {
  [TYPE.WE]: [true, false, true, false], [TYPE.EA]: [false, false, false, false],
  [TYPE.WE_RO]: [true, true, true, false], [TYPE.EA_RO]: [true, true, false, false],
  [TYPE.WE_AR]: [true, true, true, false], [TYPE.EA_AR]: [true, true, false, false],
};

async function expectAccess(t: CaseApi, e: CaseEvent, allowed: boolean, what: string): Promise<void> {
  await t.expect(e, allowed ? pass(scsiStatus(0, () => true, ` (${what} allowed)`)) : pass(scsiStatus(0x18, () => true, ` (${what} blocked)`)));
}

/** Access of a second initiator under one reservation type (libiscsi test_prout_reserve_access_*). */
const accessRow = (n: number, type: number): CaseDef => ({
  n, title: `${TYPE_NAME[type]}: another initiator gets the access the type allows`, level: 'MUST', ref: `${ref}; spc4 (persistent reservation types)`, tags,
  requires: ['dataloss', 'second-initiator'],
  requirement: `Under a type ${type} reservation the holder reads and writes; another initiator ${(['reads', 'writes', 'reads unregistered', 'writes unregistered'] as const).map((w, i) => `${ACCESS[type]![i] ? '' : 'never '}${w}`).join(', ')}; a blocked command gets RESERVATION CONFLICT.`,
  async run(t) {
    const c = await t.login();
    const d = await login2(t);
    const { blockSize } = await capacity(t, c);
    await withCleanPr(t, c, async () => {
      await needType(t, c, type);
      const block = await good(t, c, Read10.encode({ lba: 0, transferLength: 1 }), 'READ(10) of LBA 0', { read: blockSize });
      const [rr, rw, ur, uw] = ACCESS[type]!;
      await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { sark: KEY.a }), GOOD);
      await t.expect(prOut(t, d, SA.REGISTER_IGNORE, { sark: KEY.b }), GOOD);
      await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type }), GOOD);
      await expectAccess(t, await readBlock(t, c, blockSize), true, 'holder READ');
      await expectAccess(t, await writeBlock(t, c, block), true, 'holder WRITE');
      await expectAccess(t, await readBlock(t, d, blockSize), rr, 'registered READ');
      await expectAccess(t, await writeBlock(t, d, block), rw, 'registered WRITE');
      await t.expect(prOut(t, d, SA.REGISTER, { key: KEY.b, sark: 0n }), GOOD);
      await expectAccess(t, await readBlock(t, d, blockSize), ur, 'unregistered READ');
      await expectAccess(t, await writeBlock(t, d, block), uw, 'unregistered WRITE');
    });
  },
});

export const prReserveCases: CaseDef[] = [
  {
    n: 15, title: 'RELEASE with a TYPE other than the reservation\'s gets INVALID RELEASE OF PERSISTENT RESERVATION', level: 'MUST', ref: 'spc4 PERSISTENT RESERVE OUT RELEASE', tags, requires: ['dataloss'],
    requirement: 'The holder\'s RELEASE whose TYPE differs from the held reservation ends with ILLEGAL REQUEST, INVALID RELEASE OF PERSISTENT RESERVATION, and the reservation stays.',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { sark: KEY.a }), GOOD);
        await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type: TYPE.WE }), GOOD);
        await t.expect(prOut(t, c, SA.RELEASE, { key: KEY.a, type: TYPE.EA }), pass(sense(0x5, 0x26, 0x04)));
        t.check((await readReservation(t, c))?.type === TYPE.WE, 'still reserved', 'released');
      });
    },
  },
  {
    n: 16, title: 'the holder may RESERVE again with the same type and scope', level: 'SHOULD', ref, tags, requires: ['dataloss'],
    requirement: 'A RESERVE from the holder naming the type and scope it already holds ends GOOD and changes nothing.',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { sark: KEY.a }), GOOD);
        await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type: TYPE.WE }), GOOD);
        await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type: TYPE.WE }), GOOD);
      });
    },
  },
  {
    n: 17, title: 'RESERVE and RELEASE leave PRGENERATION unchanged', level: 'MUST', ref, tags, requires: ['dataloss'],
    requirement: 'PRGENERATION counts registration changes: RESERVE and RELEASE do not increment it (libiscsi test_prout_clear_simple).',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { sark: KEY.a }), GOOD);
        const gen = (await readKeys(t, c)).gen;
        await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type: TYPE.WE }), GOOD);
        await t.expect(prOut(t, c, SA.RELEASE, { key: KEY.a, type: TYPE.WE }), GOOD);
        const now = (await readKeys(t, c)).gen;
        t.check(now === gen, `PRGENERATION ${gen}`, `PRGENERATION ${now}`);
      });
    },
  },
  {
    n: 18, title: 'RESERVE with an undefined TYPE gets INVALID FIELD IN CDB', level: 'SHOULD', ref, tags, requires: ['dataloss'],
    requirement: 'TYPE values SPC-4 does not define (0, 2, 4, 9..F) in a RESERVE end with ILLEGAL REQUEST, INVALID FIELD IN CDB.',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { sark: KEY.a }), GOOD);
        await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type: 2 }), pass(sense(0x5, 0x24, 0x00)));
      });
    },
  },
  ...TYPES.map((type, i) => reserveRow(20 + i, type)),
  ...TYPES.map((type, i) => accessRow(30 + i, type)),
];
