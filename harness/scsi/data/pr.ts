// SPC-4 PERSISTENT RESERVE IN data (READ KEYS, READ RESERVATION, REPORT CAPABILITIES, READ FULL
// STATUS) and the PERSISTENT RESERVE OUT basic parameter list. (checked: libiscsi, tgt; full status unverified)
import { bits, flag, reserved, reservedBits, u16, u32, u64 } from '../../codec/fields.js';
import { defineStruct } from '../../codec/struct.js';
import { defineFixedData, defineListData } from './param.js';

const header = defineStruct('PR IN header', [u32('prGeneration', 0), u32('additionalLength', 4)] as const, 8);

/** READ KEYS: one 8-byte key per registered I_T nexus; ADDITIONAL LENGTH counts from byte 8. */
export const ReadKeysData = defineListData(header, defineStruct('reservation key', [u64('key', 0, { hex: true })] as const, 8),
  'spc4/persistent-reserve-in', { length: 'additionalLength', countsFrom: 8, rule: 'scsi/pr-read-keys' });

/** READ RESERVATION: 8 bytes when nothing is held, 24 with ADDITIONAL LENGTH 0x10 when one is. */
export const ReadReservationData = defineFixedData(defineStruct('READ RESERVATION data', [
  u32('prGeneration', 0), u32('additionalLength', 4, { names: { 0: 'none', 0x10: 'held' } }), u64('reservationKey', 8, { hex: true }),
  u32('obsolete16', 16, { quiet: true }), ...reserved(20, 1), bits('scope', 21, [7, 4]), bits('type', 21, [3, 0]), u16('obsolete22', 22, { quiet: true }),
] as const, 24), 'spc4/persistent-reserve-in', { rule: 'scsi/pr-read-reservation' });

/** REPORT CAPABILITIES: LENGTH 8, capability bits, PERSISTENT RESERVATION TYPE MASK. */
export const ReportCapabilitiesData = defineFixedData(defineStruct('REPORT CAPABILITIES data', [
  u16('length', 0, { fixed: 8 }), reservedBits(2, 0xe2), flag('crh', 2, 4), flag('sipC', 2, 3), flag('atpC', 2, 2), flag('ptplC', 2, 0),
  flag('tmv', 3, 7), bits('allowCommands', 3, [6, 4]), reservedBits(3, 0x0e), flag('ptplA', 3, 0),
  u16('typeMask', 4, { hex: true }), ...reserved(6, 2),
] as const, 8), 'spc4/persistent-reserve-in', { length: 'length', rule: 'scsi/pr-report-capabilities' });

/** READ FULL STATUS descriptor head (24 bytes); the TransportID follows (layout unverified). */
export const FullStatusDescriptor = defineStruct('full status descriptor', [
  u64('reservationKey', 0, { hex: true }), ...reserved(8, 4), reservedBits(12, 0xfc), flag('allTgPt', 12, 1), flag('rHolder', 12, 0),
  bits('scope', 13, [7, 4]), bits('type', 13, [3, 0]), ...reserved(14, 4), u16('relativeTargetPortIdentifier', 18), u32('additionalDescriptorLength', 20),
] as const, 24);

/** PERSISTENT RESERVE OUT basic parameter list (24 bytes); SPEC_I_PT TransportIDs stay in `trailing`. */
export const PrOutParameterList = defineFixedData(defineStruct('PR OUT parameter list', [
  u64('reservationKey', 0, { hex: true }), u64('serviceActionReservationKey', 8, { hex: true }), u32('obsolete16', 16, { quiet: true }),
  reservedBits(20, 0xf2), flag('specIPt', 20, 3), flag('allTgPt', 20, 2), flag('aptpl', 20, 0), ...reserved(21, 1), u16('obsolete22', 22, { quiet: true }),
] as const, 24), 'spc4/persistent-reserve-out', { rule: 'scsi/pr-out' });
