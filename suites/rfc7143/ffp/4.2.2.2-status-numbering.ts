// RFC 7143 §4.2.2.2 Response/status numbering: StatSN goes up by one per status on a connection, whatever carries it.
import { defineSection } from '../../../harness/runner/case.js';
import { pass, scsiStatus } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { TestUnitReady } from '../../../harness/scsi/commands/spc.js';
import { scsi } from '../../support.js';
import { collect, command, settle, textExchange, want } from '../../support-ffp.js';

export default defineSection('rfc7143/4.2.2.2', 'Response/Status Numbering and Acknowledging', [
  {
    n: 1,
    title: 'StatSN increments by one between two SCSI Responses',
    level: 'MUST',
    requirement: 'StatSN is a per-connection counter the target increments by one for every response carrying status.',
    tags: ['ffp', 'statsn'],
    async run(t) {
      const c = await t.login();
      const a = await t.expect(scsi(t, c, TestUnitReady.encode({})), pass(scsiStatus(0)));
      const b = await t.expect(c.scsi(TestUnitReady.encode({})), pass(scsiStatus(0)));
      const sa = a.kind === 'scsi' ? (a.pdu as { statSN: number }).statSN : -1;
      const sb = b.kind === 'scsi' ? (b.pdu as { statSN: number }).statSN : -1;
      t.check(sb === ((sa + 1) >>> 0), `second StatSN ${(sa + 1) >>> 0}`, `StatSN ${sa} then ${sb}`);
    },
  },
  {
    n: 2,
    title: 'the first status in Full Feature Phase follows the final Login Response StatSN',
    level: 'MUST',
    requirement: 'Status numbering starts with the Login Response and continues on the connection: the first NOP-In answer carries the final Login Response StatSN + 1.',
    ref: 'rfc7143/4.2.2.2',
    tags: ['ffp', 'statsn'],
    async run(t) {
      const c = await t.login();
      const expected = c.expStatSN;
      const ping = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG });
      await want(t, c, 'NopIn', p => p.itt === ping.itt && p.statSN === expected, `NOP-In with StatSN ${expected}`);
    },
  },
  {
    n: 3,
    title: 'StatSN runs on across NOP-In, SCSI Response and Text Response',
    level: 'MUST',
    requirement: 'Every response carrying status takes the next StatSN, whatever its kind (NOP-In answer §11.19.2, SCSI Response §11.4.9, Text Response §11.11.5).',
    tags: ['ffp', 'statsn'],
    async run(t) {
      const c = await t.login();
      await settle(t, c);
      const s0 = c.expStatSN;
      const ping = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG });
      const n = await want(t, c, 'NopIn', p => p.itt === ping.itt, 'NOP-In');
      const tr = await collect(t, c, command(c, Buffer.alloc(6), { edtl: 0 }));
      const x = await textExchange(t, c, [{ key: 'SendTargets', value: '' }]);
      const got = [n.statSN, tr.last.statSN, x.responses[0]!.statSN];
      const want3 = [s0, (s0 + 1) >>> 0, (s0 + 2) >>> 0];
      t.check(got.every((v, i) => v === want3[i]), `StatSN ${want3.join(', ')}`, `StatSN ${got.join(', ')}`);
    },
  },
  {
    n: 4,
    title: 'a stale ExpStatSN from the initiator does not stop the target answering',
    level: 'MUST',
    requirement: 'ExpStatSN only acknowledges status up to ExpStatSN - 1; an initiator that has not yet acknowledged recent status still gets answers with the next StatSN.',
    ref: 'rfc7143/11.3.3',
    tags: ['ffp', 'statsn'],
    async run(t) {
      const c = await t.login();
      const stale = c.expStatSN;
      const a = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG, expStatSN: stale });
      await want(t, c, 'NopIn', p => p.itt === a.itt && p.statSN === stale, `NOP-In with StatSN ${stale}`);
      const b = c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG, expStatSN: stale });
      await want(t, c, 'NopIn', p => p.itt === b.itt && p.statSN === ((stale + 1) >>> 0), `NOP-In with StatSN ${(stale + 1) >>> 0}`);
    },
  },
]);
