// SPC-4 INQUIRY standard data: VERSION, ADDITIONAL LENGTH, ASCII identification, allocation lengths, absent LUN.
import type { CaseDef } from '../../harness/runner/case.js';
import { informational, nonStrict, pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { Inquiry } from '../../harness/scsi/commands/spc.js';
import { Asc, SenseKey } from '../support.js';
import { absentLun, cmd, hex, standardInquiry } from '../support-spc.js';

const ref = 'spc4 INQUIRY (standard INQUIRY data)';
const tags = ['scsi', 'inquiry'];

/** Bytes outside 0x00 and 0x20..0x7E in an ASCII field (SPC-4 ASCII data fields, libiscsi test_inquiry_standard). */
const badAscii = (b: Buffer): number[] => [...b].filter(x => x !== 0 && (x < 0x20 || x > 0x7e));

const asciiField = (n: number, name: string, from: number, len: number): CaseDef => ({
  n, title: `${name} holds ASCII characters only`, level: 'MUST', ref, tags,
  requirement: `${name} (bytes ${from}..${from + len - 1}) contains graphic ASCII characters (0x20..0x7E), left-aligned and space padded.`,
  async run(t) {
    const d = await standardInquiry(t, await t.login());
    const bad = badAscii(d.subarray(from, from + len));
    t.check(d.length >= from + len && bad.length === 0, `${name} in ASCII`, `${d.length} bytes; non-ASCII bytes ${bad.map(x => hex(x)).join(' ') || 'none'}: ${JSON.stringify(d.subarray(from, from + len).toString('latin1'))}`);
  },
});

export const inquiryStandardCases: CaseDef[] = [
  {
    n: 6, title: 'VERSION claims a SPC standard (SPC-2, SPC-3, SPC-4 or SPC-5)', level: 'SHOULD', ref, tags,
    requirement: 'The VERSION field names the SPC standard the device server claims; 0x00 claims none (libiscsi accepts 0x04-0x06 and warns on 0).',
    async run(t) {
      const c = await t.login();
      await t.expect(cmd(t, c, Inquiry.encode({ allocationLength: 255 }), { read: 255 }),
        pass(scsiStatus(0, x => [4, 5, 6, 7].includes(x.data[2]!), ' with VERSION 0x04..0x07')),
        nonStrict(scsiStatus(0, x => x.data[2] === 0, ' with VERSION 0 (no claim)')));
    },
  },
  {
    n: 7, title: 'ADDITIONAL LENGTH matches the bytes returned', level: 'MUST', ref, tags,
    requirement: 'ADDITIONAL LENGTH is the number of bytes after byte 4; with an ample allocation length the data ends exactly there, and any padding is zero.',
    async run(t) {
      const c = await t.login();
      const e = await cmd(t, c, Inquiry.encode({ allocationLength: 255 }), { read: 255 });
      await t.expect(e,
        pass(scsiStatus(0, x => x.data.length >= 5 && x.data[4]! + 5 === x.data.length, ' with ADDITIONAL LENGTH + 5 = bytes returned')),
        nonStrict(scsiStatus(0, x => x.data.length >= 5 && x.data[4]! + 5 < x.data.length && x.data.subarray(x.data[4]! + 5).every(b => b === 0), ' with zero padding after ADDITIONAL LENGTH')));
    },
  },
  asciiField(8, 'T10 VENDOR IDENTIFICATION', 8, 8),
  asciiField(9, 'PRODUCT IDENTIFICATION', 16, 16),
  asciiField(10, 'PRODUCT REVISION LEVEL', 32, 4),
  {
    n: 11, title: 'INQUIRY with ALLOCATION LENGTH 0 returns GOOD and no data', level: 'MUST', ref: 'spc4 INQUIRY (allocation length)', tags: [...tags, 'boundary'],
    requirement: 'An allocation length of zero is not an error: the command ends GOOD and transfers nothing.',
    async run(t) {
      const c = await t.login();
      await t.expect(cmd(t, c, Inquiry.encode({ allocationLength: 0 })), pass(scsiStatus(0, x => x.data.length === 0, ' with no data')));
    },
  },
  {
    n: 12, title: 'INQUIRY with ALLOCATION LENGTH 36 returns the first 36 bytes of the full data', level: 'MUST', ref: 'spc4 INQUIRY (allocation length)', tags: [...tags, 'boundary'],
    requirement: 'The device server returns min(allocation length, available) bytes, the same bytes the longer answer starts with.',
    async run(t) {
      const c = await t.login();
      const full = await standardInquiry(t, c);
      await t.expect(cmd(t, c, Inquiry.encode({ allocationLength: 36 }), { read: 36 }),
        pass(scsiStatus(0, x => x.data.length === Math.min(36, full.length) && x.data.equals(full.subarray(0, x.data.length)), ' with the first 36 bytes of the 255-byte answer')));
    },
  },
  {
    n: 13, title: 'a 16-bit ALLOCATION LENGTH is honoured (511 and 512 give the same data)', level: 'MUST', ref: 'spc4 INQUIRY (allocation length)', tags: [...tags, 'boundary'],
    requirement: 'Since SPC-3 the allocation length is 16 bits: 512 (low byte 0) must not be read as 0; libiscsi test_inquiry_alloc_length.',
    async run(t) {
      const c = await t.login();
      const std = await standardInquiry(t, c);
      if (std[2]! < 5) t.skip(`VERSION ${hex(std[2]!)} does not claim SPC-3 or later`);
      const a = await cmd(t, c, Inquiry.encode({ allocationLength: 511 }), { read: 511 });
      const b = await cmd(t, c, Inquiry.encode({ allocationLength: 512 }), { read: 512 });
      await t.expect(b, pass(scsiStatus(0, x => a.kind === 'scsi' && a.status === 0 && x.data.equals(a.data), ' with the same data as allocation length 511')));
    },
  },
  {
    n: 14, title: 'a 1-byte ALLOCATION LENGTH returns exactly byte 0', level: 'MUST', ref: 'spc4 INQUIRY (allocation length)', tags: [...tags, 'boundary'],
    requirement: 'Truncation to the allocation length is not an error, however short; the byte returned is the peripheral byte.',
    async run(t) {
      const c = await t.login();
      const full = await standardInquiry(t, c);
      await t.expect(cmd(t, c, Inquiry.encode({ allocationLength: 1 }), { read: 1 }),
        pass(scsiStatus(0, x => x.data.length === 1 && x.data[0] === full[0], ` with 1 byte equal to ${hex(full[0]!)}`)));
    },
  },
  {
    n: 15, title: 'AERC (byte 3 bit 7) is zero when SPC-3 or later is claimed', level: 'MUST', ref, tags,
    requirement: 'AERC is obsolete since SPC-3; a device claiming SPC-3 or later leaves it zero (libiscsi test_inquiry_standard).',
    async run(t) {
      const d = await standardInquiry(t, await t.login());
      if (d[2]! < 5) t.skip(`VERSION ${hex(d[2]!)} does not claim SPC-3 or later`);
      t.check((d[3]! & 0x80) === 0, 'AERC 0', `byte 3 = ${hex(d[3]!)}`);
    },
  },
  {
    n: 16, title: 'INQUIRY to a LUN with no logical unit reports peripheral qualifier 011b, type 0x1F', level: 'MUST', ref: 'spc4 INQUIRY; sam5 (incorrect logical unit selection)', tags: [...tags, 'lun'],
    requirement: 'INQUIRY addressed to a LUN that has no logical unit is still served: GOOD, PERIPHERAL QUALIFIER 011b and PERIPHERAL DEVICE TYPE 0x1F (byte 0 = 0x7F).',
    async run(t) {
      const c = await t.login();
      const lun = await absentLun(t, c);
      const [asc, ascq] = Asc.LOGICAL_UNIT_NOT_SUPPORTED;
      await t.expect(c.scsi(Inquiry.encode({ allocationLength: 96 }), { read: 96, lun }),
        pass(scsiStatus(0, x => x.data[0] === 0x7f, ' with byte 0 = 0x7F')),
        nonStrict(sense(SenseKey.ILLEGAL_REQUEST, asc, ascq)),
        informational(scsiStatus(0, x => x.data[0]! >> 5 === 1, ' with qualifier 001b')));
    },
  },
  {
    n: 17, title: 'the peripheral device type is one a block target serves', level: 'MAY', ref, tags,
    requirement: 'The PERIPHERAL DEVICE TYPE of a connected LU names its command set (0x00 direct access block; 0x0C controller, 0x1E well-known LU elsewhere); noted for the report.',
    async run(t) {
      const d = await standardInquiry(t, await t.login());
      t.check(d[0]! >> 5 === 0, 'qualifier 000b for the LU under test', `byte 0 = ${hex(d[0]!)}`);
      t.note(`peripheral device type ${hex(d[0]! & 0x1f)}${(d[0]! & 0x1f) === 0 ? ' (direct access block)' : ''}`);
    },
  },
];
