// SPC-4 REPORT SUPPORTED OPERATION CODES data: the all-commands list (8-byte descriptors, +12 with
// a timeouts descriptor when CTDP=1) and the one-command form. (checked: libiscsi; tgt captures)
import { bits, flag, reserved, reservedBits, u16, u32, u8 } from '../../codec/fields.js';
import { defineStruct, type StructValue } from '../../codec/struct.js';
import { violation, type Violation } from '../../violation.js';
import { cut, pad, type Parsed, type Received } from './param.js';

const REF = 'spc4/report-supported-operation-codes';

/** Command descriptor of the all-commands form. */
export const CommandDescriptor = defineStruct('command descriptor', [
  u8('operationCode', 0, { hex: true }), ...reserved(1, 1), u16('serviceAction', 2, { hex: true }), ...reserved(4, 1),
  reservedBits(5, 0xfc), flag('ctdp', 5, 1), flag('servactv', 5, 0), u16('cdbLength', 6),
] as const, 8);
/** Command timeouts descriptor: DESCRIPTOR LENGTH is 0x0A. */
export const TimeoutsDescriptor = defineStruct('timeouts descriptor', [
  u16('descriptorLength', 0, { fixed: 0x0a }), ...reserved(2, 1), u8('commandSpecific', 3), u32('nominalTimeout', 4), u32('recommendedTimeout', 8),
] as const, 12);

/** One command of the all-commands list. */
export type CommandEntry = StructValue<typeof CommandDescriptor.fields> & { timeouts?: StructValue<typeof TimeoutsDescriptor.fields> };

/** All-commands data: COMMAND DATA LENGTH counts from byte 4. */
export const AllCommandsData = {
  decode(b: Uint8Array): Parsed<Received & { commandDataLength: number; commands: CommandEntry[] }> {
    const out: Violation[] = [];
    const commandDataLength = pad(b, 4).readUInt32BE(0);
    const end = Math.min(4 + commandDataLength, b.length);
    const commands: CommandEntry[] = [];
    let at = 4;
    while (at + 8 <= end) {
      const c: CommandEntry = CommandDescriptor.decode(b.subarray(at, at + 8));
      const size = c.ctdp ? 20 : 8;
      if (at + size > end) break;
      out.push(...CommandDescriptor.check(c, REF, 'scsi/rsoc'));
      if (c.ctdp) { c.timeouts = TimeoutsDescriptor.decode(b.subarray(at + 8, at + 20)); out.push(...TimeoutsDescriptor.check(c.timeouts, REF, 'scsi/rsoc')); }
      commands.push(c); at += size;
    }
    const value: Received & { commandDataLength: number; commands: CommandEntry[] } = { commandDataLength, commands };
    if (at < end) {
      value.trailing = Buffer.from(b.subarray(at, end));
      if (b.length >= 4 + commandDataLength) out.push(violation('scsi/rsoc-length', REF, `${end - at} byte(s) at ${at} are not a whole command descriptor`, 'commandDataLength'));
    }
    if (b.length < 4) value.received = b.length;
    return { value, violations: out, truncated: b.length < 4 + commandDataLength };
  },
  encode(v: Received & { commandDataLength?: number; commands: CommandEntry[] }): Buffer {
    const body = Buffer.concat([...v.commands.flatMap(c => [CommandDescriptor.encode(c), ...(c.ctdp && c.timeouts ? [TimeoutsDescriptor.encode(c.timeouts)] : [])]), v.trailing ?? Buffer.alloc(0)]);
    const h = Buffer.alloc(4); h.writeUInt32BE(v.commandDataLength ?? body.length);
    return cut(Buffer.concat([h, body]), v);
  },
};

/** SUPPORT values of the one-command form (SPC-4; unverified). */
export const Support = { 0: 'not-available', 1: 'not-supported', 3: 'standard', 5: 'vendor' } as const;

/** One-command data head; CDB USAGE DATA (CDB SIZE bytes) and a timeouts descriptor follow. */
export const OneCommandHeader = defineStruct('one-command header', [
  ...reserved(0, 1), flag('ctdp', 1, 7), reservedBits(1, 0x78), bits('support', 1, [2, 0], { names: Support }), u16('cdbSize', 2),
] as const, 4);
