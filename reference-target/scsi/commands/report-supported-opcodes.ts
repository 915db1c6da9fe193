// SPC-4 REPORT SUPPORTED OPERATION CODES: the command list and per-command CDB usage data, both
// derived from the harness/scsi declarations the dispatch table serves. (SCSI-NOTES)
import type { Cdb } from '../../../harness/scsi/cdb.js';
import { ReportSupportedOperationCodes } from '../../../harness/scsi/commands/spc.js';
import { defineHandler, type Handler } from '../handler.js';
import { good, invalidCdbField } from '../reply.js';

/** Fields a target does not act on or refuses (obsolete / ACA / vendor bits): left out of the usage map. */
const UNUSED = new Set(['vendorSpecific', 'obsoleteFlag', 'link', 'naca', 'cmdDt']);

/** CDB USAGE DATA: 1 for every bit some declared, non-reserved field covers; byte 0 the opcode, SA bits carry the SA. */
export function usageData(cdb: Cdb, sa: number | undefined): Buffer {
  const b = Buffer.alloc(cdb.size);
  for (const f of cdb.struct.fields) {
    if (f.reserved || UNUSED.has(f.name)) continue;
    for (let i = f.offset; i < f.offset + f.size; i++) b[i] |= f.size === 1 && f.mask !== undefined ? f.mask : 0xff;
  }
  b[0] = cdb.opcode;
  if (sa !== undefined) b[1] = (b[1] & 0xe0) | sa;
  return b;
}

/** Timeouts descriptor (RCTD=1): length 0x0A, no command-specific data, timeouts unspecified (0). */
const timeouts = (): Buffer => Buffer.from([0x00, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

/** Every (opcode, SA) the table serves, SA undefined for commands without one. */
export function served(table: readonly Handler[]): Array<{ cdb: Cdb; sa: number | undefined }> {
  const out: Array<{ cdb: Cdb; sa: number | undefined }> = [];
  for (const h of table) {
    const cdb = h.cdb as Cdb;
    if (h.serviceActions) for (const sa of h.serviceActions) out.push({ cdb, sa });
    else out.push({ cdb, sa: cdb.serviceAction });
  }
  return out.sort((a, b) => a.cdb.opcode - b.cdb.opcode || (a.sa ?? 0) - (b.sa ?? 0));
}

/** Builds the handler over the final table (it lists itself too). */
export function rsocHandler(table: () => readonly Handler[]): Handler {
  return defineHandler({
    cdb: ReportSupportedOperationCodes, access: () => 'none', reserve2Allowed: () => true,
    run: async ({ v }) => {
      const all = served(table());
      const usesSa = (op: number) => all.some(e => e.cdb.opcode === op && e.sa !== undefined);
      if (v.reportingOptions === 0) {
        const descs = all.map(({ cdb, sa }) => {
          const d = Buffer.alloc(8);
          d[0] = cdb.opcode;
          d.writeUInt16BE(sa ?? 0, 2);
          d[5] = (v.rctd ? 0x02 : 0) | (sa !== undefined ? 0x01 : 0);
          d.writeUInt16BE(cdb.size, 6);
          return v.rctd ? Buffer.concat([d, timeouts()]) : d;
        });
        const body = Buffer.concat(descs);
        const h = Buffer.alloc(4);
        h.writeUInt32BE(body.length, 0);
        return good(Buffer.concat([h, body]));
      }
      const op = v.requestedOperationCode;
      const bySa = v.reportingOptions === 2 || (v.reportingOptions === 3 && usesSa(op));
      // Options 1 and 2 must match whether the opcode has service actions (libiscsi ReportSupportedOpcodes.OneCommand).
      if (v.reportingOptions === 1 && usesSa(op)) return invalidCdbField(2, 2);
      if (v.reportingOptions === 2 && !usesSa(op) && all.some(e => e.cdb.opcode === op)) return invalidCdbField(2, 2);
      if (v.reportingOptions > 3) return invalidCdbField(2, 2);
      const hit = all.find(e => e.cdb.opcode === op && (bySa ? e.sa === v.requestedServiceAction : e.sa === undefined));
      const h = Buffer.alloc(4);
      if (!hit) { h[1] = 0x01; return good(h); } // SUPPORT 001b: not supported
      const usage = usageData(hit.cdb, hit.sa);
      h[1] = (v.rctd ? 0x80 : 0) | 0x03;           // SUPPORT 011b: supported as the standard says
      h.writeUInt16BE(usage.length, 2);
      return good(Buffer.concat([h, usage, ...(v.rctd ? [timeouts()] : [])]));
    },
  });
}
