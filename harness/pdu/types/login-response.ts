// Login Response, RFC 7143 §11.13: stage transitions, TSIH, status class and detail.
import { bits, flag, reservedBits, reserved, u8, u16, u32, u48 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { LoginStatusClass, Stage } from './codes.js';

/** Login Response (0x23). */
export const LoginResponse = definePdu({
  name: 'LoginResponse', opcode: 0x23, from: 'target', ref: 'rfc7143/11.13', data: 'text',
  fields: [
    flag('transit', 1, 7), flag('continue', 1, 6), reservedBits(1, 0x30),
    bits('csg', 1, [3, 2], { names: { 0: 'Security', 1: 'Operational' }, ruleId: 'field/login-stage' }),
    bits('nsg', 1, [1, 0], { names: Stage, open: true }),
    u8('versionMax', 2), u8('versionActive', 3), u48('isid', 8), u16('tsih', 14), u32('itt', 16, { hex: true }),
    ...reserved(20, 4), u32('statSN', 24), u32('expCmdSN', 28), u32('maxCmdSN', 32),
    u8('statusClass', 36, { names: LoginStatusClass, ruleId: 'field/login-status-class' }), u8('statusDetail', 37),
    ...reserved(38, 10),
  ],
  // §6.3.1: in a Login reject "the T bit, the CSG field, and the NSG field are reserved", so a reject may echo
  // whatever stages the request named.
  unjudged: p => (p.statusClass !== 0 ? ['transit', 'csg', 'nsg'] : []),
  rules: [
    { id: 'pdu/login-t-and-c', ref: 'rfc7143/11.13.7', text: 'T and C must not both be 1',
      ok: p => !(p.transit && p.continue), breakIt: p => ({ ...p, transit: true, continue: true }) },
    { id: 'pdu/login-nsg-forward', ref: 'rfc7143/11.12.3',
      text: 'with T=1, NSG names a later stage than CSG and is not the reserved stage 2',
      ok: p => p.statusClass !== 0 || !p.transit || (p.nsg > p.csg && p.nsg !== 2),
      breakIt: p => ({ ...p, transit: true, continue: false, nsg: 2, statusClass: 0 }) },
    { id: 'pdu/login-response-tsih-on-success', ref: 'rfc7143/11.13.3',
      text: 'the final successful Login Response (T=1, NSG=3, status 0) carries a non-zero TSIH',
      ok: p => !(p.transit && p.nsg === 3 && p.statusClass === 0) || p.tsih !== 0,
      breakIt: p => ({ ...p, transit: true, continue: false, csg: 1, nsg: 3, statusClass: 0, statusDetail: 0, tsih: 0 }) },
  ],
});
