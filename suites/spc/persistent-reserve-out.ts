// SPC-4 PERSISTENT RESERVE OUT: REGISTER, REGISTER AND IGNORE EXISTING KEY, CLEAR, PREEMPT, PRgeneration and
// parameter errors; the reservation types are in pr-out-reserve.ts. Destructive and exclusive, each case
// starts and ends with no registration or reservation on the LU.
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { TestUnitReady } from '../../harness/scsi/commands/spc.js';
import { cmd, exclusive, login2 } from '../support-spc.js';
import { KEY, prOut, readKeys, readReservation, SA, TYPE, withCleanPr, GOOD, withTwoRegistrants } from './pr-common.js';
import { prReserveCases } from './pr-out-reserve.js';

const ref = 'spc4 PERSISTENT RESERVE OUT';
const tags = ['scsi', 'pr'];
const requires = ['dataloss'] as const;
const two = ['dataloss', 'second-initiator'] as const;
const CONFLICT = pass(scsiStatus(0x18));

const cases: CaseDef[] = [
  {
    n: 1, title: 'REGISTER adds the key and increments PRGENERATION', level: 'MUST', ref: `${ref} REGISTER`, tags, requires,
    requirement: 'REGISTER from an unregistered nexus with RESERVATION KEY 0 registers SERVICE ACTION RESERVATION KEY; READ KEYS lists it and PRGENERATION goes up by one.',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        const before = await readKeys(t, c);
        await t.expect(prOut(t, c, SA.REGISTER, { sark: KEY.a }), GOOD);
        const after = await readKeys(t, c);
        t.check(after.keys.includes(KEY.a) && after.gen === ((before.gen + 1) >>> 0), `key listed, PRGENERATION ${before.gen + 1}`, `keys ${after.keys.map(k => k.toString(16)).join(' ')}, PRGENERATION ${after.gen}`);
      });
    },
  },
  {
    n: 2, title: 'REGISTER AND IGNORE EXISTING KEY registers without a key check', level: 'MUST', ref: `${ref} REGISTER AND IGNORE EXISTING KEY`, tags, requires,
    requirement: 'REGISTER AND IGNORE EXISTING KEY replaces the nexus\'s key whatever RESERVATION KEY says; READ KEYS then lists only the new key for it.',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER, { sark: KEY.a }), GOOD);
        await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { key: 0x1234n, sark: KEY.b }), GOOD);
        const k = await readKeys(t, c);
        t.check(k.keys.includes(KEY.b) && !k.keys.includes(KEY.a), 'only the new key', k.keys.map(x => x.toString(16)).join(' '));
      });
    },
  },
  {
    n: 3, title: 'REGISTER by a registered nexus with the wrong RESERVATION KEY gets RESERVATION CONFLICT', level: 'MUST', ref: `${ref} REGISTER`, tags, requires,
    requirement: 'A registered nexus whose RESERVATION KEY does not match its registration (here 0) gets RESERVATION CONFLICT and keeps its key (libiscsi test_prout_register_simple).',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER, { sark: KEY.a }), GOOD);
        await t.expect(prOut(t, c, SA.REGISTER, { sark: KEY.a + 1n }), CONFLICT);
        t.check((await readKeys(t, c)).keys.includes(KEY.a), 'the first key still registered', 'it is gone');
      });
    },
  },
  {
    n: 4, title: 'REGISTER with SERVICE ACTION RESERVATION KEY 0 unregisters', level: 'MUST', ref: `${ref} REGISTER`, tags, requires,
    requirement: 'REGISTER with the nexus\'s key in RESERVATION KEY and 0 in SERVICE ACTION RESERVATION KEY removes the registration (libiscsi test_prout_register_simple).',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER, { sark: KEY.a }), GOOD);
        await t.expect(prOut(t, c, SA.REGISTER, { key: KEY.a, sark: 0n }), GOOD);
        t.check(!(await readKeys(t, c)).keys.includes(KEY.a), 'the key gone', 'still listed');
      });
    },
  },
  {
    n: 5, title: 'REGISTER from an unregistered nexus with a non-zero RESERVATION KEY gets RESERVATION CONFLICT', level: 'MUST', ref: `${ref} REGISTER`, tags, requires,
    requirement: 'An unregistered nexus must send RESERVATION KEY 0 with REGISTER; any other value ends with RESERVATION CONFLICT.',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER, { key: KEY.c, sark: KEY.a }), CONFLICT);
      });
    },
  },
  {
    n: 6, title: 'CLEAR removes every registration and the reservation and increments PRGENERATION once', level: 'MUST', ref: `${ref} CLEAR`, tags, requires,
    requirement: 'CLEAR by a registered nexus releases the reservation, removes all keys and increments PRGENERATION by one; RESERVE does not increment it (libiscsi test_prout_clear_simple).',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { sark: KEY.a }), GOOD);
        const gen = (await readKeys(t, c)).gen;
        await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type: TYPE.EA }), GOOD);
        await t.expect(prOut(t, c, SA.CLEAR, { key: KEY.a }), GOOD);
        const k = await readKeys(t, c);
        const r = await readReservation(t, c);
        t.check(k.keys.length === 0 && r === undefined && k.gen === ((gen + 1) >>> 0), `no key, no reservation, PRGENERATION ${gen + 1}`, `${k.keys.length} key(s), ${r ? 'reserved' : 'not reserved'}, PRGENERATION ${k.gen}`);
      });
    },
  },
  {
    n: 7, title: 'PREEMPT removes another nexus\'s registration and increments PRGENERATION', level: 'MUST', ref: `${ref} PREEMPT`, tags, requires: two,
    requirement: 'PREEMPT with another registrant\'s key as SERVICE ACTION RESERVATION KEY removes that registration, keeps the preempter\'s and increments PRGENERATION once (libiscsi test_prout_preempt_rm_reg).',
    async run(t) {
      await withTwoRegistrants(t, async (c, d) => {
        const gen = (await readKeys(t, c)).gen;
        await t.expect(prOut(t, d, SA.PREEMPT, { key: KEY.b, sark: KEY.a, type: TYPE.EA }), GOOD);
        const k = await readKeys(t, d);
        t.check(k.keys.includes(KEY.b) && !k.keys.includes(KEY.a) && k.gen === ((gen + 1) >>> 0), `only ${KEY.b.toString(16)}, PRGENERATION ${gen + 1}`, `keys ${k.keys.map(x => x.toString(16)).join(' ')}, PRGENERATION ${k.gen}`);
      });
    },
  },
  {
    n: 8, title: 'PREEMPT of the holder moves the reservation and tells the preempted nexus', level: 'MUST', ref: `${ref} PREEMPT`, tags: [...tags, 'unit-attention'], requires: two,
    requirement: 'PREEMPT naming the holder\'s key removes its registration, makes the preempter hold a reservation of the new TYPE, and queues UNIT ATTENTION, RESERVATIONS PREEMPTED for the preempted nexus.',
    async run(t) {
      await withTwoRegistrants(t, async (c, d) => {
        await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type: TYPE.WE }), GOOD);
        await t.expect(prOut(t, d, SA.PREEMPT, { key: KEY.b, sark: KEY.a, type: TYPE.EA }), GOOD);
        const r = await readReservation(t, d);
        t.check(r?.key === KEY.b && r.type === TYPE.EA, `held by ${KEY.b.toString(16)} as type ${TYPE.EA}`, r ? `held by ${r.key.toString(16)} as type ${r.type}` : 'no reservation');
        await t.expect(c.scsi(TestUnitReady.encode({})), pass(sense(0x6, 0x2a, 0x03)));
      });
    },
  },
  {
    n: 9, title: 'a parameter list length other than 24 is refused', level: 'MUST', ref, tags, requires,
    requirement: 'With SPEC_I_PT 0 the PARAMETER LIST LENGTH must be 24; another value ends with PARAMETER LIST LENGTH ERROR (SPC-4) or INVALID FIELD IN CDB (tgt).',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { sark: KEY.a, len: 20 }), pass(sense(0x5, 0x1a, 0x00)), nonStrict(sense(0x5, 0x24, 0x00)));
      });
    },
  },
  {
    n: 10, title: 'an undefined service action gets INVALID FIELD IN CDB', level: 'MUST', ref, tags, requires,
    requirement: 'PERSISTENT RESERVE OUT with a service action SPC-4 does not define (0x08..0x1F) ends with ILLEGAL REQUEST, INVALID FIELD IN CDB.',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        for (const sa of [0x08, 0x10, 0x1f]) await t.expect(prOut(t, c, sa, { sark: KEY.a }), pass(sense(0x5, 0x24, 0x00)));
      });
    },
  },
  {
    n: 11, title: 'RESERVE from an unregistered nexus gets RESERVATION CONFLICT', level: 'MUST', ref: `${ref} RESERVE`, tags, requires,
    requirement: 'Only a registered nexus may reserve: RESERVE from an unregistered one ends with RESERVATION CONFLICT and nothing is reserved.',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type: TYPE.WE }), CONFLICT);
        t.check((await readReservation(t, c)) === undefined, 'no reservation', 'a reservation is held');
      });
    },
  },
  {
    n: 12, title: 'a registered nexus that is not the holder cannot reserve or release the reservation', level: 'MUST', ref: `${ref} RESERVE / RELEASE`, tags, requires: two,
    requirement: 'While one nexus holds a Write Exclusive reservation, another registrant\'s RESERVE ends with RESERVATION CONFLICT and its RELEASE ends GOOD without releasing anything.',
    async run(t) {
      await withTwoRegistrants(t, async (c, d) => {
        await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type: TYPE.WE }), GOOD);
        await t.expect(prOut(t, d, SA.RESERVE, { key: KEY.b, type: TYPE.WE }), CONFLICT);
        await t.expect(prOut(t, d, SA.RELEASE, { key: KEY.b, type: TYPE.WE }), GOOD);
        const r = await readReservation(t, d);
        t.check(r?.key === KEY.a, `still held by ${KEY.a.toString(16)}`, r ? `held by ${r.key.toString(16)}` : 'released');
      });
    },
  },
  {
    n: 13, title: 'PERSISTENT RESERVE IN and INQUIRY are served to a nexus an Exclusive Access reservation shuts out', level: 'MUST', ref: `${ref}; spc4 (commands allowed under reservations)`, tags, requires: two,
    requirement: 'An Exclusive Access reservation blocks other nexuses\' media access, but PERSISTENT RESERVE IN, INQUIRY and REPORT LUNS from them still end GOOD.',
    async run(t) {
      const c = await t.login();
      const d = await login2(t);
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { sark: KEY.a }), GOOD);
        await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type: TYPE.EA }), GOOD);
        const r = await readReservation(t, d);
        t.check(r?.type === TYPE.EA, `READ RESERVATION from the other nexus shows type ${TYPE.EA}`, r ? `type ${r.type}` : 'no reservation');
        await t.expect(cmd(t, d, Buffer.from([0x12, 0, 0, 0, 96, 0]), { read: 96 }), GOOD);
        await t.expect(cmd(t, d, Buffer.from([0xa0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]), { read: 256 }), GOOD);
      });
    },
  },
  {
    n: 14, title: 'RELEASE of a registrants-only reservation tells the other registrants', level: 'MUST', ref: `${ref} RELEASE`, tags: [...tags, 'unit-attention'], requires: two,
    requirement: 'Releasing a Write Exclusive - Registrants Only reservation queues UNIT ATTENTION, RESERVATIONS RELEASED for the other registered nexuses.',
    async run(t) {
      await withTwoRegistrants(t, async (c, d) => {
        await t.expect(prOut(t, c, SA.RESERVE, { key: KEY.a, type: TYPE.WE_RO }), GOOD);
        await t.expect(prOut(t, c, SA.RELEASE, { key: KEY.a, type: TYPE.WE_RO }), GOOD);
        await t.expect(d.scsi(TestUnitReady.encode({})), pass(sense(0x6, 0x2a, 0x04)));
      });
    },
  },
  ...prReserveCases,
];

export default defineSection('spc/persistent-reserve-out', 'PERSISTENT RESERVE OUT', exclusive(cases));
