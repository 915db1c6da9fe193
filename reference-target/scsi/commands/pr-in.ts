// SPC-4 PERSISTENT RESERVE IN: READ KEYS, READ RESERVATION, REPORT CAPABILITIES, READ FULL STATUS.
// Layouts: SCSI-NOTES PERSISTENT RESERVE IN (checked: libiscsi unmarshalling).
import { PersistentReserveIn } from '../../../harness/scsi/commands/spc-reservation.js';
import { defineHandler } from '../handler.js';
import type { LogicalUnit } from '../logical-unit.js';
import { allRegistrants } from '../pr-state.js';
import { good, invalidCdbField } from '../reply.js';

/** PRGENERATION + ADDITIONAL LENGTH header over a body (the length is not cut by truncation). */
function withHeader(lu: LogicalUnit, body: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt32BE(lu.pr.generation >>> 0, 0);
  h.writeUInt32BE(body.length, 4);
  return Buffer.concat([h, body]);
}

function readKeys(lu: LogicalUnit): Buffer {
  const keys = [...lu.pr.registrations.values()];
  const b = Buffer.alloc(8 * keys.length);
  keys.forEach((k, i) => b.writeBigUInt64BE(k, 8 * i));
  return withHeader(lu, b);
}

function readReservation(lu: LogicalUnit): Buffer {
  const r = lu.pr.reservation;
  if (!r) return withHeader(lu, Buffer.alloc(0));
  const b = Buffer.alloc(16);
  // All-registrants reservations report key 0: no single holder (SPC-4; libiscsi ProutReserve.*AR).
  if (!allRegistrants(r.type)) b.writeBigUInt64BE(lu.pr.registrations.get(r.holder) ?? 0n, 0);
  b[13] = (r.scope << 4) | r.type;
  return withHeader(lu, b);
}

/** CRH=1 (RESERVE/RELEASE handled per SPC-3), no SIP_C/ATP_C/PTPL_C; TMV=1 and every type in the mask. */
function reportCapabilities(): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt16BE(8, 0);
  b[2] = 0x10;
  b[3] = 0x80;
  b.writeUInt16BE(0xea01, 4); // WR_EX_AR, EX_AC_RO, WR_EX_RO, EX_AC, WR_EX, EX_AC_AR
  return b;
}

/** iSCSI TransportID, format 01b: "name,i,0xISID", NUL-terminated, padded to a multiple of 4 (SPC-4 / RFC 7143). */
function transportId(nexus: string): Buffer {
  const name = nexus.split(',t,')[0];
  const raw = Buffer.from(name + '\0', 'utf8');
  const body = Buffer.concat([raw, Buffer.alloc((4 - (raw.length % 4)) % 4)]);
  const h = Buffer.from([0x45, 0, 0, 0]);
  h.writeUInt16BE(body.length, 2);
  return Buffer.concat([h, body]);
}

function readFullStatus(lu: LogicalUnit): Buffer {
  const descs = [...lu.pr.registrations].map(([nexus, key]) => {
    const tid = transportId(nexus);
    const d = Buffer.alloc(24);
    d.writeBigUInt64BE(key, 0);
    const holder = lu.pr.isHolder(nexus);
    d[12] = holder ? 0x01 : 0x00;
    if (holder) d[13] = (lu.pr.reservation!.scope << 4) | lu.pr.reservation!.type;
    d.writeUInt16BE(1, 18); // RELATIVE TARGET PORT IDENTIFIER
    d.writeUInt32BE(tid.length, 20);
    return Buffer.concat([d, tid]);
  });
  return withHeader(lu, Buffer.concat(descs));
}

const ACTIONS = [readKeys, readReservation, () => reportCapabilities(), readFullStatus];

/** PERSISTENT RESERVE IN: never blocked by a persistent reservation (SPC-4). */
export const handlers = [
  defineHandler({
    cdb: PersistentReserveIn, access: () => 'none', serviceActions: [0, 1, 2, 3],
    run: async ({ v, lu }) => {
      const f = ACTIONS[v.serviceAction];
      return f ? good(f(lu)) : invalidCdbField(1, 4);
    },
  }),
];
