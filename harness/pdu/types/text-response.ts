// Text Response, RFC 7143 §11.11: key=value answers; F=0 with a TTT when more text follows.
import { flag, reservedBits, reserved, u32, u64 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { NO_TAG } from './codes.js';

/** Text Response (0x24). */
export const TextResponse = definePdu({
  name: 'TextResponse', opcode: 0x24, from: 'target', ref: 'rfc7143/11.11', data: 'text',
  fields: [
    flag('final', 1, 7), flag('continue', 1, 6), reservedBits(1, 0x3f), ...reserved(2, 2),
    u64('lun', 8, { hex: true, quiet: true }), u32('itt', 16, { hex: true }), u32('ttt', 20, { hex: true }),
    u32('statSN', 24), u32('expCmdSN', 28), u32('maxCmdSN', 32), ...reserved(36, 12),
  ],
  rules: [
    { id: 'pdu/text-f-and-c', ref: 'rfc7143/11.11.2', text: 'F and C must not both be 1',
      ok: p => !(p.final && p.continue), breakIt: p => ({ ...p, final: true, continue: true }) },
    { id: 'pdu/text-response-ttt-when-not-final', ref: 'rfc7143/11.11.4',
      text: 'a Text Response with F=0 carries a Target Transfer Tag other than 0xffffffff',
      ok: p => p.final || p.ttt !== NO_TAG, breakIt: p => ({ ...p, final: false, continue: false, ttt: NO_TAG }) },
  ],
});
