// The few CHECK CONDITIONs the iSCSI layer raises itself (RFC 7143 §11.4.7.2 table), as fixed-format sense.
import { makePdu, type PduNamed } from '../../harness/pdu/registry.js';
import type { Connection } from '../connection.js';

/** Fixed-format sense data (SPC-4 §4.5.3): response code 70h, key, additional length 10, ASC, ASCQ. */
export function fixedSense(key: number, asc: number, ascq: number): Buffer {
  const s = Buffer.alloc(18);
  s[0] = 0x70; s[2] = key; s[7] = 10; s[12] = asc; s[13] = ascq;
  return s;
}

/** §11.4.7.2: ABORTED COMMAND with the iSCSI conditions' ASC/ASCQ. */
export const IscsiSense = {
  unexpectedUnsolicitedData: () => fixedSense(0x0b, 0x0c, 0x0c),
  incorrectAmountOfData: () => fixedSense(0x0b, 0x0c, 0x0d),
  protocolServiceCrcError: () => fixedSense(0x0b, 0x47, 0x05),
  /** Not in the iSCSI table: SPC-4 ILLEGAL REQUEST / INSUFFICIENT RESOURCES (55h/03h), for transfers we will not buffer. */
  insufficientResources: () => fixedSense(0x05, 0x55, 0x03),
} as const;

/** Sends a SCSI Response with a status and optional sense (data segment = SenseLength + sense, §11.4.7). */
export function sendStatus(conn: Connection, cmd: Pick<PduNamed<'ScsiCommand'>, 'itt'>, status: number, sense?: Buffer): void {
  const data = sense ? Buffer.concat([Buffer.from([sense.length >> 8, sense.length & 0xff]), sense]) : Buffer.alloc(0);
  conn.send(makePdu('ScsiResponse', { final: true, response: 0, status, itt: cmd.itt, data }), true);
}
