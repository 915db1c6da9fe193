// CHECK CONDITION comes with autosense data: a SenseLength-framed, well-formed sense buffer in the data segment.
import { defineRule } from '../define-rule.js';

const CHECK_CONDITION = 0x02;

/** Problems with the sense data of a SCSI Response data segment (SenseLength + sense + response data). */
export function senseProblems(data: Buffer, checkCondition: boolean): string[] {
  if (data.length === 0) return checkCondition ? ['CHECK CONDITION without sense data (the data segment is empty)'] : [];
  if (data.length < 2) return [`a ${data.length}-byte data segment cannot hold the 2-byte SenseLength`];
  const len = data.readUInt16BE(0);
  if (len > data.length - 2) return [`SenseLength ${len} exceeds the ${data.length - 2} bytes after it`];
  if (len === 0) return checkCondition ? ['CHECK CONDITION with SenseLength 0'] : [];
  const code = data[2]! & 0x7f;
  if (code < 0x70 || code > 0x73) return [`sense response code 0x${code.toString(16)} is not 0x70-0x73 (SPC fixed or descriptor format)`];
  const minimum = 8; // fixed and descriptor formats both start with an 8-byte header
  if (len < minimum) return [`sense data of ${len} bytes is shorter than the ${minimum}-byte header of its format`];
  return [];
}

/**
 * With CHECK CONDITION the data segment carries sense data (RFC 7143 §11.4.7: "If Status is CHECK CONDITION (0x02), then
 * the data segment MUST contain sense data"), framed by SenseLength (§11.4.7.1) in SPC format (§11.4.7.2).
 */
export const senseData = defineRule({
  id: 'check/sense-data', ref: 'rfc7143/11.4.7', level: 'MUST', side: 'target', appliesTo: ['ScsiResponse'],
  text: 'a SCSI Response with CHECK CONDITION carries autosense data; SenseLength frames it; its format is SPC fixed or descriptor',
  check(pdu) {
    if (pdu.response !== 0) return undefined;
    const p = senseProblems(pdu.data, pdu.status === CHECK_CONDITION);
    return p.length ? p.join('; ') : undefined;
  },
});
