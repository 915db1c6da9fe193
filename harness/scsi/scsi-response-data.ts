// RFC 7143 §11.4.7: the SCSI Response data segment is a 2-byte SenseLength, the sense data, then
// response data. Encode and a lenient decode (the checker reports a lying SenseLength).
import { violation, type Violation } from '../violation.js';
import { decodeSense, encodeSense, type DecodedSense, type Sense } from './sense.js';

const REF = 'rfc7143/11.4.7';

/** The parts of a SCSI Response data segment. */
export interface ScsiResponseData {
  /** SenseLength as sent; computed from `sense` when omitted. */
  senseLength?: number;
  sense: Buffer;
  responseData: Buffer;
}

/** Builds the data segment; an empty segment when there is neither sense nor response data. */
export function encodeScsiResponseData(d: { sense?: Buffer | Sense; responseData?: Buffer; senseLength?: number }): Buffer {
  const sense = d.sense === undefined ? Buffer.alloc(0) : Buffer.isBuffer(d.sense) ? d.sense : encodeSense(d.sense);
  const resp = d.responseData ?? Buffer.alloc(0);
  if (sense.length === 0 && resp.length === 0 && d.senseLength === undefined) return Buffer.alloc(0);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(d.senseLength ?? sense.length);
  return Buffer.concat([len, sense, resp]);
}

/** Splits a data segment; never throws. `decoded` is the parsed sense when SenseLength > 0. */
export function decodeScsiResponseData(data: Uint8Array): { value: ScsiResponseData; decoded?: DecodedSense; violations: Violation[] } {
  const out: Violation[] = [];
  if (data.length === 0) return { value: { sense: Buffer.alloc(0), responseData: Buffer.alloc(0) }, violations: out };
  if (data.length < 2) {
    out.push(violation('scsi/response-sense-length', REF, `data segment is ${data.length} byte; SenseLength alone needs 2`, 'senseLength'));
    return { value: { sense: Buffer.alloc(0), responseData: Buffer.from(data) }, violations: out };
  }
  const senseLength = (data[0] << 8) | data[1];
  if (2 + senseLength > data.length) {
    out.push(violation('scsi/response-sense-length', REF, `SenseLength is ${senseLength} but only ${data.length - 2} byte(s) follow`, 'senseLength'));
  }
  const sense = Buffer.from(data.subarray(2, Math.min(2 + senseLength, data.length)));
  const responseData = Buffer.from(data.subarray(Math.min(2 + senseLength, data.length)));
  const value = { senseLength, sense, responseData };
  if (sense.length === 0) return { value, violations: out };
  const decoded = decodeSense(sense);
  out.push(...decoded.violations);
  if (decoded.truncated) out.push(violation('scsi/sense-truncated', REF, `sense announces ${8 + decoded.value.additionalSenseLength} bytes but SenseLength gives ${sense.length}`, 'senseLength'));
  return { value, decoded, violations: out };
}
