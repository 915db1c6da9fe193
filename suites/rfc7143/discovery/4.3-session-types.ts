// RFC 7143 §4.3 Session types, Appendix C: a Discovery session takes SendTargets and Logout only; its SendTargets answers.
import { defineSection } from '../../../harness/runner/case.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import type { Conn } from '../../../harness/runner/conn.js';
import { closed, nonStrict, pass, pdu } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { command, requireDigests, textExchange } from '../../support-ffp.js';

const discovery = (t: CaseApi, keys: Record<string, string> = {}): Promise<Conn> => t.login({ sessionType: 'Discovery', keys });
const refused = [pass(pdu('Reject', () => true, 'Reject')), nonStrict(closed())];
/**
 * After a refused request the Discovery session must still serve SendTargets (unless the target closed it):
 * a NOP-Out ping would itself be refused here (§4.3), so it cannot prove the session alive.
 */
async function stillDiscovers(t: CaseApi, c: Conn, e: { kind: string }): Promise<void> {
  if (e.kind === 'closed') return;
  // Immediate, because a rejected non-immediate command leaves a CmdSN gap the target may wait on (§7.3).
  await textExchange(t, c, [{ key: 'SendTargets', value: 'All' }], { immediate: true });
}
const ADDRESS = /^(\[[0-9a-fA-F:.]+\]|[^:,\s]+)(:\d{1,5})?,\d{1,5}$/;

export default defineSection('rfc7143/4.3', 'iSCSI Session Types', [
  {
    n: 1,
    title: 'a SCSI Command in a Discovery session is rejected',
    level: 'MUST',
    requirement: 'A Discovery session only accepts Text Requests with SendTargets and a Logout "close the session"; all other requests must be rejected.',
    tags: ['discovery'],
    async run(t) {
      const c = await discovery(t);
      command(c, Buffer.alloc(6), { edtl: 0 });
      const e = await t.expect(c, ...refused);
      await stillDiscovers(t, c, e);
    },
  },
  {
    n: 2,
    title: 'a NOP-Out ping in a Discovery session is rejected',
    level: 'MUST',
    requirement: 'All requests other than SendTargets Text Requests and Logout (close the session) must be rejected in a Discovery session; a NOP-In would also be a response other than Text/Logout Response (§7.4.3).',
    tags: ['discovery'],
    async run(t) {
      const c = await discovery(t);
      c.send('NopOut', { immediate: true, final: true, ttt: NO_TAG });
      await t.expect(c, ...refused);
    },
  },
  {
    n: 3,
    title: 'a Task Management request in a Discovery session is rejected',
    level: 'MUST',
    requirement: 'A Task Management Function Request is not SendTargets or Logout, so a Discovery session must reject it.',
    tags: ['discovery'],
    async run(t) {
      const c = await discovery(t);
      c.send('TaskManagementRequest', { immediate: true, final: true, function: 5, referencedTaskTag: NO_TAG, refCmdSN: 0, expDataSN: 0 });
      const e = await t.expect(c, ...refused);
      await stillDiscovers(t, c, e);
    },
  },
  {
    n: 4,
    title: 'a Logout closing the session is accepted in a Discovery session',
    level: 'MUST',
    requirement: 'A Discovery session accepts a Logout Request with reason "close the session" and answers it with a Logout Response.',
    tags: ['discovery'],
    async run(t) {
      const c = await discovery(t);
      await t.expect(c.logout(0), pass(pdu('LogoutResponse', p => p.response === 0, 'Logout Response "connection or session closed successfully"')));
    },
  },
  {
    n: 5,
    title: 'SendTargets=All in a Discovery session names the target under test with a well-formed address',
    level: 'MUST',
    requirement: 'SendTargets=All must be supported on a Discovery session and return all targets the initiator may access, each record a TargetName then TargetAddress=<address>[:<port>],<portal-group-tag> keys.',
    ref: 'rfc7143/C',
    tags: ['discovery', 'sendtargets'],
    async run(t) {
      const c = await discovery(t);
      const x = await textExchange(t, c, [{ key: 'SendTargets', value: 'All' }]);
      t.check(x.pairs.some(p => p.key === 'TargetName' && p.value === t.target.iqn), `TargetName=${t.target.iqn} among the records`, x.pairs.map(p => `${p.key}=${p.value}`).join(' ') || 'empty');
      const bad = x.pairs.find(p => p.key === 'TargetAddress' && !ADDRESS.test(p.value));
      t.check(!bad, 'TargetAddress values of the form address[:port],tag', `TargetAddress=${bad?.value}`);
    },
  },
  {
    n: 6,
    title: 'a SendTargets answer holds only TargetName and TargetAddress keys, each record led by TargetName',
    level: 'MUST',
    requirement: 'A target record begins with TargetName followed by TargetAddress keys; no text keys other than TargetName and TargetAddress are permitted within a SendTargets response.',
    ref: 'rfc7143/C',
    tags: ['discovery', 'sendtargets'],
    async run(t) {
      const c = await discovery(t);
      const x = await textExchange(t, c, [{ key: 'SendTargets', value: 'All' }]);
      t.check(x.pairs.every(p => p.key === 'TargetName' || p.key === 'TargetAddress'), 'only TargetName and TargetAddress', x.pairs.map(p => p.key).join(' '));
      t.check(x.pairs.length === 0 || x.pairs[0]!.key === 'TargetName', 'the first key is TargetName', x.pairs[0]?.key ?? '');
    },
  },
  {
    n: 7,
    title: 'SendTargets=<target name> in a Discovery session returns that target\'s record',
    level: 'MUST',
    requirement: 'A target name as value must be supported on Discovery sessions, answering with addresses for only the named target.',
    ref: 'rfc7143/C',
    tags: ['discovery', 'sendtargets'],
    async run(t) {
      const c = await discovery(t);
      const x = await textExchange(t, c, [{ key: 'SendTargets', value: t.target.iqn }]);
      const names = x.pairs.filter(p => p.key === 'TargetName').map(p => p.value);
      t.check(names.length === 1 && names[0] === t.target.iqn, `only TargetName=${t.target.iqn}`, names.join(', ') || 'no TargetName');
    },
  },
  {
    n: 8,
    title: 'SendTargets naming an unknown target returns no other target',
    level: 'SHOULD',
    requirement: 'With a target name as value the session should respond for only the named target; a name that is not there gets no record of some other target.',
    ref: 'rfc7143/C',
    tags: ['discovery', 'sendtargets'],
    async run(t) {
      const c = await discovery(t);
      const x = await textExchange(t, c, [{ key: 'SendTargets', value: 'iqn.2026-11.org.iscsi-conformance:no-such-target' }]);
      const names = x.pairs.filter(p => p.key === 'TargetName').map(p => p.value);
      t.check(names.length === 0, 'no TargetName', names.join(', '));
    },
  },
  {
    n: 9,
    title: 'SendTargets answers fit our MaxRecvDataSegmentLength of 512',
    level: 'MUST',
    requirement: 'Text Response data must not exceed the initiator\'s MaxRecvDataSegmentLength (512 declared); a longer answer is continued with F=0 and a TTT.',
    ref: 'rfc7143/11.11.6',
    tags: ['discovery', 'sendtargets', 'mrdsl'],
    async run(t) {
      const c = await discovery(t, { MaxRecvDataSegmentLength: '512' });
      const x = await textExchange(t, c, [{ key: 'SendTargets', value: 'All' }]);
      const big = x.responses.find(r => r.data.length > 512);
      t.check(!big, 'every Text Response at most 512 bytes', `${big?.data.length} bytes`);
      if (x.responses.length === 1) t.note('the whole answer fit in one Text Response; continuation is covered by rfc7143/11.11');
    },
  },
  {
    n: 10,
    title: 'a Discovery session with header and data digests answers SendTargets',
    level: 'MUST',
    requirement: 'When CRC32C digests are agreed they are used for every PDU in Full Feature Phase, Discovery sessions included; SendTargets works over them.',
    ref: 'rfc7143/13.1',
    tags: ['discovery', 'digest'],
    async run(t) {
      const c = await discovery(t, { HeaderDigest: 'CRC32C,None', DataDigest: 'CRC32C,None' });
      requireDigests(t, c, true, true);
      const x = await textExchange(t, c, [{ key: 'SendTargets', value: 'All' }]);
      t.check(x.pairs.some(p => p.key === 'TargetName'), 'a target record', 'none');
    },
  },
]);
