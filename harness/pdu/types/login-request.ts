// Login Request, RFC 7143 §11.12: stages, T/C bits, versions, ISID/TSIH/CID; always immediate.
import { bits, flag, reservedBits, reserved, u8, u16, u32, u48 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { Stage } from './codes.js';

/** Login Request (0x03). */
export const LoginRequest = definePdu({
  name: 'LoginRequest', opcode: 0x03, from: 'initiator', ref: 'rfc7143/11.12', data: 'text',
  fields: [
    flag('transit', 1, 7), flag('continue', 1, 6), reservedBits(1, 0x30),
    bits('csg', 1, [3, 2], { names: { 0: 'Security', 1: 'Operational' }, ruleId: 'field/login-stage' }),
    bits('nsg', 1, [1, 0], { names: Stage, open: true }),
    u8('versionMax', 2), u8('versionMin', 3), u48('isid', 8), u16('tsih', 14), u32('itt', 16, { hex: true }),
    u16('cid', 20), ...reserved(22, 2), u32('cmdSN', 24), u32('expStatSN', 28), ...reserved(32, 16),
  ],
  rules: [
    { id: 'pdu/login-immediate', ref: 'rfc7143/11.12', text: 'a Login Request always has the I bit set',
      ok: p => p.immediate, breakIt: p => ({ ...p, immediate: false }) },
    { id: 'pdu/login-t-and-c', ref: 'rfc7143/11.12.2', text: 'T and C must not both be 1',
      ok: p => !(p.transit && p.continue), breakIt: p => ({ ...p, transit: true, continue: true }) },
    { id: 'pdu/login-nsg-forward', ref: 'rfc7143/11.12.3',
      text: 'with T=1, NSG names a later stage than CSG and is not the reserved stage 2',
      ok: p => !p.transit || (p.nsg > p.csg && p.nsg !== 2), breakIt: p => ({ ...p, transit: true, continue: false, nsg: 2 }) },
    { id: 'pdu/login-version-order', ref: 'rfc7143/11.12.4',
      text: 'Version-min is not above Version-max', ok: p => p.versionMin <= p.versionMax,
      breakIt: p => ({ ...p, versionMax: 0, versionMin: 1 }) },
  ],
});
