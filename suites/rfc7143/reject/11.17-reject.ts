// RFC 7143 §11.17 Reject, §7.3: header returned, StatSN advanced, ITT reserved, a rejected command leaves a CmdSN gap.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, informational, nonStrict, pass, pdu, silence } from '../../../harness/runner/outcomes.js';
import type { CaseApi } from '../../../harness/runner/case-api.js';
import type { Conn } from '../../../harness/runner/conn.js';
import type { PduNamed } from '../../../harness/pdu/registry.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { alive, aliveUnlessClosed, want } from '../../support-ffp.js';

/** An unassigned-opcode header (0x16) with our numbering; I bit as asked. */
function unknown(c: Conn, immediate: boolean, cmdSN = c.cmdSN): Buffer {
  const bhs = Buffer.alloc(48);
  bhs[0] = (immediate ? 0x40 : 0) | 0x16;
  bhs[1] = 0x80;
  bhs.writeUInt32BE(c.nextItt(), 16);
  bhs.writeUInt32BE(cmdSN, 24);
  bhs.writeUInt32BE(c.expStatSN, 28);
  bhs.write('conformance', 32, 'latin1'); // recognisable bytes that must come back unchanged
  return bhs;
}

/** The Reject of the unassigned opcode; a target that drops the connection instead leaves nothing to examine here (judged by rfc7143/11.2.1.2). */
async function rejectOrSkip(t: CaseApi, c: Conn): Promise<PduNamed<'Reject'>> {
  const e = await t.expect(c, pass(pdu('Reject', () => true, 'Reject of the unassigned opcode')), informational(closed()));
  if (e.kind !== 'pdu' || e.pdu.type !== 'Reject') t.skip('the target closes the connection on an unassigned opcode instead of rejecting it (see rfc7143/11.2.1.2)');
  return (e as { pdu: PduNamed<'Reject'> }).pdu;
}

export default defineSection('rfc7143/11.17', 'Reject', [
  {
    n: 1,
    title: 'a Reject carries the next StatSN and advances it',
    level: 'MUST',
    requirement: 'StatSN, ExpCmdSN and MaxCmdSN carry their usual values in a Reject, and the StatSN is advanced after it.',
    ref: 'rfc7143/11.17.3',
    tags: ['reject', 'ffp', 'statsn'],
    async run(t) {
      const c = await t.login();
      const s = c.expStatSN;
      c.sendRaw(unknown(c, true));
      const r = await rejectOrSkip(t, c);
      const n = await alive(t, c);
      t.check(r.statSN === s && n.statSN === ((s + 1) >>> 0), `Reject StatSN ${s}, next NOP-In ${(s + 1) >>> 0}`, `Reject ${r.statSN}, NOP-In ${n.statSN}`);
    },
  },
  {
    n: 2,
    title: 'a Reject has ITT 0xffffffff and returns the whole rejected header unchanged',
    level: 'MUST',
    requirement: 'The Reject carries the reserved ITT 0xffffffff and returns the header of the PDU in error (48 bytes, no digest) as its data.',
    ref: 'rfc7143/11.17.4',
    tags: ['reject', 'ffp'],
    async run(t) {
      const c = await t.login();
      const bhs = unknown(c, true);
      c.sendRaw(bhs);
      const r = await rejectOrSkip(t, c);
      t.check(r.itt === NO_TAG && r.data.length >= 48 && r.data.subarray(0, 48).equals(bhs), 'Reject with ITT 0xffffffff and the 48 header bytes', `ITT 0x${r.itt.toString(16)}, ${r.data.length} data bytes`);
    },
  },
  {
    n: 3,
    title: 'the CmdSN of a rejected non-immediate command is not taken as received',
    level: 'MUST',
    requirement: 'The CmdSN of a rejected non-immediate command must not be considered received: ExpCmdSN does not move past it, and the initiator plugs the gap by sending a command with the same CmdSN, which is then answered.',
    ref: 'rfc7143/7.3',
    tags: ['reject', 'ffp', 'cmdsn'],
    async run(t) {
      const c = await t.login();
      const sn = c.cmdSN;
      c.sendRaw(unknown(c, false, sn));
      const r = await rejectOrSkip(t, c);
      t.check(r.expCmdSN === sn, `ExpCmdSN still ${sn} in the Reject`, `ExpCmdSN ${r.expCmdSN}`);
      const plug = c.send('NopOut', { immediate: false, final: true, ttt: NO_TAG });
      t.check(plug.cmdSN === sn, `plug carries CmdSN ${sn}`, `CmdSN ${plug.cmdSN}`);
      await want(t, c, 'NopIn', p => p.itt === plug.itt && p.expCmdSN === ((sn + 1) >>> 0), `NOP-In for the plug with ExpCmdSN ${(sn + 1) >>> 0}`);
    },
  },
  {
    n: 4,
    title: 'nothing but the Reject answers a rejected command',
    level: 'SHOULD',
    requirement: 'When the Reject is for the command PDU itself, the command is discarded and the target should send no further response for it.',
    ref: 'rfc7143/7.3',
    tags: ['reject', 'ffp'],
    async run(t) {
      const c = await t.login();
      const bhs = unknown(c, true);
      c.sendRaw(bhs);
      await rejectOrSkip(t, c);
      await t.expect(c, pass(silence(200)));
      await alive(t, c);
    },
  },
  {
    n: 5,
    title: 'a Data-Out for a task that does not exist gets Reject 0x09',
    level: 'SHOULD',
    requirement: 'Reason 0x09 (Invalid PDU field) should be used for invalid values of fields that describe a task or a data transfer, such as an unknown ITT/TTT.',
    ref: 'rfc7143/11.17.1',
    tags: ['reject', 'ffp', 'data'],
    async run(t) {
      const c = await t.login();
      c.send('DataOut', { itt: 0x7777_0001, ttt: 0x7777_0002, dataSN: 0, bufferOffset: 0, final: true, data: Buffer.alloc(512) });
      const e = await t.expect(c, pass(pdu('Reject', p => p.reason === 0x09, 'Reject 0x09 (Invalid PDU field)')),
        nonStrict(pdu('Reject', p => p.reason === 0x04, 'Reject 0x04')), nonStrict(silence(300)), nonStrict(closed()));
      await aliveUnlessClosed(t, c, e);
    },
  },
]);
