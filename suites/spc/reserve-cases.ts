// SPC-2 RESERVE / RELEASE (6 and 10) with two initiators, one table for both forms: conflict for the other
// nexus, release by the holder only, commands still served, and the reservation dropped with the nexus.
import type { CaseDef } from '../../harness/runner/case.js';
import type { CaseApi } from '../../harness/runner/case-api.js';
import type { Conn } from '../../harness/runner/conn.js';
import { pass, scsiStatus, type CaseEvent } from '../../harness/runner/outcomes.js';
import { Release10, Release6, Reserve10, Reserve6 } from '../../harness/scsi/commands/spc-reservation.js';
import { Inquiry, ReportLuns } from '../../harness/scsi/commands/spc.js';
import { ModeSense6 } from '../../harness/scsi/commands/spc-mode.js';
import { Read10 } from '../../harness/scsi/commands/sbc-rw.js';
import { capacity } from '../support.js';
import { cmd, exclusive, login2, unsupported } from '../support-spc.js';

const tags = ['scsi', 'reserve'];
const GOOD = pass(scsiStatus(0));
const CONFLICT = pass(scsiStatus(0x18));

/** One form of the commands. */
export interface ReserveForm { name: '6' | '10'; reserve: Buffer; release: Buffer }
export const RESERVE6: ReserveForm = { name: '6', reserve: Reserve6.encode({}), release: Release6.encode({}) };
export const RESERVE10: ReserveForm = { name: '10', reserve: Reserve10.encode({}), release: Release10.encode({}) };

/** The RESERVE / RELEASE cases of one form. */
export function reserveCases(f: ReserveForm): CaseDef[] {
  const ref = `spc2 RESERVE(${f.name}) / RELEASE(${f.name})`;
  const reserve = (t: CaseApi, c: Conn): Promise<CaseEvent> => cmd(t, c, f.reserve);
  const release = (t: CaseApi, c: Conn): Promise<CaseEvent> => cmd(t, c, f.release);
  /** Two nexuses, the first holding the reservation; always released at the end. */
  const held = async (t: CaseApi, body: (a: Conn, b: Conn) => Promise<void>): Promise<void> => {
    const a = await t.login();
    const b = await login2(t);
    const e = await reserve(t, a);
    if (unsupported(e)) t.skip(`RESERVE(${f.name}) is not supported`);
    await t.expect(e, GOOD);
    try { await body(a, b); } finally { await release(t, a).catch(() => undefined); }
  };
  const two = ['dataloss', 'second-initiator'] as const;
  const servedRow = (n: number, what: string, cdb: Buffer, read: number): CaseDef => ({
    n, title: `${what} from the other initiator is still served`, level: 'SHOULD', ref, tags, requires: two,
    requirement: `${what} is not blocked by another nexus's RESERVE(${f.name}) reservation: it ends GOOD.`,
    run: t => held(t, async (_a, b) => { await t.expect(cmd(t, b, cdb, { read }), GOOD); }),
  });
  return exclusive([
    {
      n: 1, title: `RESERVE(${f.name}) then RELEASE(${f.name}) end GOOD`, level: 'MUST', ref, tags, requires: ['dataloss'],
      requirement: 'A nexus may reserve the LU and release it again (libiscsi test_reserve6_simple).',
      async run(t) {
        const c = await t.login();
        const e = await reserve(t, c);
        if (unsupported(e)) t.skip(`RESERVE(${f.name}) is not supported`);
        try { await t.expect(e, GOOD); } finally { await t.expect(release(t, c), GOOD); }
      },
    },
    {
      n: 2, title: 'the holder may reserve again', level: 'MUST', ref, tags, requires: two,
      requirement: 'A RESERVE from the nexus that already holds the reservation ends GOOD (libiscsi test_reserve6_2initiators).',
      run: t => held(t, async a => { await t.expect(reserve(t, a), GOOD); }),
    },
    {
      n: 3, title: 'RESERVE from another initiator gets RESERVATION CONFLICT', level: 'MUST', ref, tags, requires: two,
      requirement: 'While one nexus holds the reservation, another nexus\'s RESERVE ends with RESERVATION CONFLICT (libiscsi test_reserve6_2initiators).',
      run: t => held(t, async (_a, b) => { await t.expect(reserve(t, b), CONFLICT); }),
    },
    {
      n: 4, title: 'RELEASE from another initiator changes nothing', level: 'MUST', ref, tags, requires: two,
      requirement: 'RELEASE from a nexus that does not hold the reservation ends GOOD and leaves the reservation in place: that nexus\'s RESERVE still conflicts.',
      run: t => held(t, async (_a, b) => {
        await t.expect(release(t, b), GOOD);
        await t.expect(reserve(t, b), CONFLICT);
      }),
    },
    {
      n: 5, title: 'MODE SENSE from the other initiator gets RESERVATION CONFLICT, the holder\'s is served', level: 'MUST', ref, tags, requires: two,
      requirement: 'Commands other than the few a reservation lets through, MODE SENSE among them, get RESERVATION CONFLICT from another nexus; the holder is served (libiscsi test_reserve6_2initiators).',
      run: t => held(t, async (a, b) => {
        const ms = ModeSense6.encode({ pageCode: 0x3f, allocationLength: 255 });
        await t.expect(cmd(t, a, ms, { read: 255 }), GOOD);
        await t.expect(cmd(t, b, ms, { read: 255 }), CONFLICT);
      }),
    },
    {
      n: 6, title: 'READ from the other initiator gets RESERVATION CONFLICT', level: 'MUST', ref, tags, requires: two,
      requirement: 'Media access from a nexus that does not hold the reservation ends with RESERVATION CONFLICT.',
      run: t => held(t, async (a, b) => {
        const { blockSize } = await capacity(t, a);
        await t.expect(cmd(t, b, Read10.encode({ lba: 0, transferLength: 1 }), { read: blockSize }), CONFLICT);
      }),
    },
    servedRow(7, 'INQUIRY', Inquiry.encode({ allocationLength: 96 }), 96),
    servedRow(8, 'REPORT LUNS', ReportLuns.encode({ allocationLength: 256 }), 256),
    {
      n: 9, title: 'after the holder releases, the other initiator can reserve', level: 'MUST', ref, tags, requires: two,
      requirement: 'Once the holder releases, another nexus\'s RESERVE ends GOOD (libiscsi test_reserve6_2initiators).',
      async run(t) {
        const a = await t.login();
        const b = await login2(t);
        const e = await reserve(t, a);
        if (unsupported(e)) t.skip(`RESERVE(${f.name}) is not supported`);
        await t.expect(release(t, a), GOOD);
        try { await t.expect(reserve(t, b), GOOD); } finally { await release(t, b); }
      },
    },
    {
      n: 10, title: 'the reservation goes when its holder logs out', level: 'MUST', ref: `${ref}; spc4 (I_T nexus loss)`, tags, requires: two,
      requirement: 'A logout ends the I_T nexus, and the reservation it held is released: another nexus can then reserve (libiscsi test_reserve6_logout).',
      async run(t) {
        const a = await t.login();
        const b = await login2(t);
        const e = await reserve(t, a);
        if (unsupported(e)) t.skip(`RESERVE(${f.name}) is not supported`);
        await a.logout();
        try {
          // The target may finish the session a moment after the Logout Response.
          let r = await reserve(t, b);
          for (let i = 0; i < 5 && r.kind === 'scsi' && r.status === 0x18; i++) { await new Promise(res => setTimeout(res, 20)); r = await reserve(t, b); }
          await t.expect(r, GOOD);
        } finally { await release(t, b); }
      },
    },
  ]);
}
