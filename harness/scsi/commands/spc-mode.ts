// SPC-4 MODE SENSE and MODE SELECT (6 and 10) CDBs. (checked: libiscsi; errors: tgt)
import { bits, flag, reserved, reservedBits, u16, u8 } from '../../codec/fields.js';
import { defineCdb } from '../cdb.js';

/** PC (page control): which copy of the mode pages MODE SENSE returns. Every 2-bit value is named, so the field is `open` (a closed set with no illegal value would leave nothing to break). */
export const PageControl = { 0: 'current', 1: 'changeable', 2: 'default', 3: 'saved' } as const;

/** MODE SENSE(6) 0x1A: byte 1 bits 7..5 held the LUN before SAM-2 and are reserved now. */
export const ModeSense6 = defineCdb({
  name: 'MODE SENSE(6)', opcode: 0x1a, ref: 'spc4/mode-sense6', direction: 'read', destructive: false,
  fields: [reservedBits(1, 0xf7), flag('dbd', 1, 3), bits('pc', 2, [7, 6], { names: PageControl, open: true }), bits('pageCode', 2, [5, 0], { hex: true }),
    u8('subpageCode', 3, { hex: true }), u8('allocationLength', 4)],
  transferLength: v => v.allocationLength,
});

/** MODE SENSE(10) 0x5A: LLBAA allows 16-byte block descriptors. */
export const ModeSense10 = defineCdb({
  name: 'MODE SENSE(10)', opcode: 0x5a, ref: 'spc4/mode-sense10', direction: 'read', destructive: false,
  fields: [reservedBits(1, 0xe7), flag('llbaa', 1, 4), flag('dbd', 1, 3), bits('pc', 2, [7, 6], { names: PageControl, open: true }), bits('pageCode', 2, [5, 0], { hex: true }),
    u8('subpageCode', 3, { hex: true }), ...reserved(4, 3), u16('allocationLength', 7)],
  transferLength: v => v.allocationLength,
});

/** MODE SELECT(6) 0x15: PF page format, SP save pages. */
export const ModeSelect6 = defineCdb({
  name: 'MODE SELECT(6)', opcode: 0x15, ref: 'spc4/mode-select6', direction: 'write', destructive: true,
  fields: [reservedBits(1, 0xee), flag('pf', 1, 4), flag('sp', 1, 0), ...reserved(2, 2), u8('parameterListLength', 4)],
  transferLength: v => v.parameterListLength,
});

/** MODE SELECT(10) 0x55. */
export const ModeSelect10 = defineCdb({
  name: 'MODE SELECT(10)', opcode: 0x55, ref: 'spc4/mode-select10', direction: 'write', destructive: true,
  fields: [reservedBits(1, 0xee), flag('pf', 1, 4), flag('sp', 1, 0), ...reserved(2, 5), u16('parameterListLength', 7)],
  transferLength: v => v.parameterListLength,
});
