// Response signatures for fuzz coverage (DESIGN.md "Fuzzer"): opcode plus status, sense key/ASC, reject reason, login status.
import type { Pdu } from '../pdu/registry.js';

/** Sense key, ASC and ASCQ from fixed (0x70/0x71) or descriptor (0x72/0x73) sense data (SPC-4 §4.5). */
export function senseKey(sense: Buffer): { key: number; asc: number; ascq: number } | undefined {
  const code = (sense[0] ?? 0) & 0x7f;
  if ((code === 0x70 || code === 0x71) && sense.length >= 14) return { key: sense[2]! & 0x0f, asc: sense[12]!, ascq: sense[13]! };
  if ((code === 0x72 || code === 0x73) && sense.length >= 4) return { key: sense[1]! & 0x0f, asc: sense[2]!, ascq: sense[3]! };
  return undefined;
}

const h2 = (n: number): string => n.toString(16).padStart(2, '0');

/** One short string per distinct kind of answer; the set of them is the fuzzer's coverage figure. */
export function responseSignature(p: Pdu): string {
  switch (p.type) {
    case 'ScsiResponse': {
      const len = p.data.length >= 2 ? p.data.readUInt16BE(0) : 0;
      const s = len ? senseKey(p.data.subarray(2, 2 + len)) : undefined;
      return `ScsiResponse/r${p.response}/s${h2(p.status)}${s ? `/k${s.key}/${h2(s.asc)}${h2(s.ascq)}` : ''}`;
    }
    case 'DataIn': return p.statusPresent ? `DataIn/S/s${h2(p.status)}` : 'DataIn';
    case 'Reject': return `Reject/${p.reason}`;
    case 'LoginResponse': return `LoginResponse/${h2(p.statusClass)}${h2(p.statusDetail)}/${p.transit ? 'T' : ''}${p.csg}${p.nsg}`;
    case 'TaskManagementResponse': return `TaskManagementResponse/${p.response}`;
    case 'LogoutResponse': return `LogoutResponse/${p.response}`;
    case 'TextResponse': return `TextResponse/${p.final ? 'F' : ''}${p.continue ? 'C' : ''}`;
    case 'AsyncMessage': return `AsyncMessage/${p.asyncEvent}`;
    case 'Raw': return `Raw/${h2(p.opcode)}`;
    default: return p.type;
  }
}
