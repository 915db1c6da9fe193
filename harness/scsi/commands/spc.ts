// SPC-4 basic commands: TEST UNIT READY, INQUIRY, REQUEST SENSE, REPORT LUNS and the MAINTENANCE
// IN reports (REPORT SUPPORTED OPERATION CODES, REPORT TARGET PORT GROUPS). (checked: libiscsi)
import { bits, flag, reserved, reservedBits, u16, u32, u8 } from '../../codec/fields.js';
import { defineCdb } from '../cdb.js';

/** TEST UNIT READY 0x00: no fields, no data. */
export const TestUnitReady = defineCdb({
  name: 'TEST UNIT READY', opcode: 0x00, ref: 'spc4/test-unit-ready', direction: 'none', destructive: false,
  fields: [...reserved(1, 4)],
});

/** INQUIRY 0x12: EVPD selects a VPD page; CMDDT is obsolete and must be 0. */
export const Inquiry = defineCdb({
  name: 'INQUIRY', opcode: 0x12, ref: 'spc4/inquiry', direction: 'read', destructive: false,
  fields: [reservedBits(1, 0xfc), flag('cmdDt', 1, 1, { fixed: false }), flag('evpd', 1, 0), u8('pageCode', 2, { hex: true }), u16('allocationLength', 3)],
  transferLength: v => v.allocationLength,
  rules: [{ id: 'inquiry-page-code-without-evpd', field: 'pageCode', message: 'PAGE CODE is not 0 while EVPD is 0', ok: v => v.evpd || v.pageCode === 0 }],
});

/** REQUEST SENSE 0x03: DESC asks for descriptor-format sense. (positions unverified, see SCSI-NOTES) */
export const RequestSense = defineCdb({
  name: 'REQUEST SENSE', opcode: 0x03, ref: 'spc4/request-sense', direction: 'read', destructive: false,
  fields: [reservedBits(1, 0xfe), flag('desc', 1, 0), ...reserved(2, 2), u8('allocationLength', 4)],
  transferLength: v => v.allocationLength,
});

/** SELECT REPORT values the reference target serves (SPC-4 adds 0x10..0x12 for administrative LUs). */
export const SelectReport = { 0: 'all-but-well-known', 1: 'well-known', 2: 'all' } as const;

/** REPORT LUNS 0xA0. */
export const ReportLuns = defineCdb({
  name: 'REPORT LUNS', opcode: 0xa0, ref: 'spc4/report-luns', direction: 'read', destructive: false,
  fields: [...reserved(1, 1), u8('selectReport', 2, { names: SelectReport }), ...reserved(3, 3), u32('allocationLength', 6), ...reserved(10, 1)],
  transferLength: v => v.allocationLength,
});

/** REPORTING OPTIONS of REPORT SUPPORTED OPERATION CODES (3 = SPC-4 opcode + optional SA). */
export const ReportingOptions = { 0: 'all', 1: 'opcode', 2: 'opcode-sa', 3: 'opcode-optional-sa' } as const;

/** REPORT SUPPORTED OPERATION CODES: MAINTENANCE IN 0xA3 / SA 0x0C. */
export const ReportSupportedOperationCodes = defineCdb({
  name: 'REPORT SUPPORTED OPERATION CODES', opcode: 0xa3, serviceAction: 0x0c, ref: 'spc4/report-supported-operation-codes',
  direction: 'read', destructive: false,
  fields: [reservedBits(1, 0xe0), flag('rctd', 2, 7), reservedBits(2, 0x78), bits('reportingOptions', 2, [2, 0], { names: ReportingOptions }),
    u8('requestedOperationCode', 3, { hex: true }), u16('requestedServiceAction', 4, { hex: true }), u32('allocationLength', 6), ...reserved(10, 1)],
  transferLength: v => v.allocationLength,
});

/**
 * REPORT TARGET PORT GROUPS: MAINTENANCE IN 0xA3 / SA 0x0A. Byte 1 bits 7..5 are SPC-4's
 * PARAMETER DATA FORMAT (unverified), kept open so an extended-header request is not a violation.
 */
export const ReportTargetPortGroups = defineCdb({
  name: 'REPORT TARGET PORT GROUPS', opcode: 0xa3, serviceAction: 0x0a, ref: 'spc4/report-target-port-groups',
  direction: 'read', destructive: false,
  fields: [bits('parameterDataFormat', 1, [7, 5]), ...reserved(2, 4), u32('allocationLength', 6), ...reserved(10, 1)],
  transferLength: v => v.allocationLength,
});
