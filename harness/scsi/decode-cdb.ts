// Decodes any CDB by its opcode (and service action) through the registry; unknown commands come
// back as raw values, because a target under test must answer them and the checker must log them.
import { DecodeError } from '../errors.js';
import type { Violation } from '../violation.js';
import { cdbLength, lookupCdb, usesServiceAction, type Cdb, type CdbValue } from './cdb.js';
import './commands/index.js';

/** A CDB whose command is declared: its value and what breaks the declaration. */
export interface KnownCdb { known: true; cdb: Cdb; value: CdbValue; violations: Violation[] }
/** A CDB the registry does not know: opcode, SA (when the opcode uses one) and its bytes. */
export interface UnknownCdb { known: false; reason: 'unknown-opcode' | 'unknown-service-action'; opcode: number; serviceAction?: number; raw: Buffer }

/** Decodes `b` (e.g. the 16-byte BHS CDB field); DecodeError only for empty or short input. */
export function decodeCdb(b: Uint8Array): KnownCdb | UnknownCdb {
  if (b.length === 0) throw new DecodeError('CDB is empty: no operation code', 0, 'opcode', 'ERR_SHORT_CDB');
  const opcode = b[0];
  const sa = b.length > 1 ? b[1] & 0x1f : undefined;
  const cdb = lookupCdb(opcode, usesServiceAction(opcode) ? sa : undefined);
  const raw = Buffer.from(b.subarray(0, Math.min(b.length, cdbLength(opcode) ?? b.length)));
  if (!cdb) {
    return usesServiceAction(opcode)
      ? { known: false, reason: 'unknown-service-action', opcode, ...(sa === undefined ? {} : { serviceAction: sa }), raw }
      : { known: false, reason: 'unknown-opcode', opcode, raw };
  }
  const value = cdb.decode(b);
  return { known: true, cdb, value, violations: cdb.validate(value) };
}
