// The dispatch table: every command family's handlers keyed by (opcode, service action) from their
// harness/scsi declarations. Adding a command means adding a family file and listing it here.
import { usesServiceAction } from '../../harness/scsi/cdb.js';
import '../../harness/scsi/commands/index.js';
import * as compareAndWrite from './commands/compare-and-write.js';
import * as getLbaStatus from './commands/get-lba-status.js';
import * as inquiry from './commands/inquiry.js';
import * as modeSelect from './commands/mode-select.js';
import * as modeSense from './commands/mode-sense.js';
import * as orWrite from './commands/orwrite.js';
import * as prIn from './commands/pr-in.js';
import * as prOut from './commands/pr-out.js';
import * as prefetch from './commands/prefetch.js';
import * as readCapacity from './commands/read-capacity.js';
import * as readDefectData from './commands/read-defect-data.js';
import * as readWrite from './commands/read-write.js';
import { rsocHandler } from './commands/report-supported-opcodes.js';
import * as reportLuns from './commands/report-luns.js';
import * as requestSense from './commands/request-sense.js';
import * as reserveRelease from './commands/reserve-release.js';
import * as startStop from './commands/start-stop.js';
import * as syncCache from './commands/sync-cache.js';
import * as testUnitReady from './commands/test-unit-ready.js';
import * as unmap from './commands/unmap.js';
import * as verify from './commands/verify.js';
import * as writeSame from './commands/write-same.js';
import type { Handler } from './handler.js';

const families = [
  testUnitReady, inquiry, requestSense, reportLuns, modeSense, modeSelect, readCapacity, readWrite, verify,
  writeSame, unmap, compareAndWrite, orWrite, syncCache, prefetch, startStop, getLbaStatus, readDefectData, prIn, prOut, reserveRelease,
];

/** Every handler, REPORT SUPPORTED OPERATION CODES included. */
export const HANDLERS: readonly Handler[] = (() => {
  const list: Handler[] = families.flatMap(f => f.handlers as Handler[]);
  list.push(rsocHandler(() => HANDLERS));
  return list;
})();

const key = (opcode: number, sa?: number) => (sa === undefined ? `${opcode}` : `${opcode}/${sa}`);
const byKey = new Map<string, Handler>();
for (const h of HANDLERS) {
  const k = key(h.cdb.opcode, h.cdb.serviceAction);
  if (byKey.has(k)) throw new Error(`two handlers for ${h.cdb.name}`);
  byKey.set(k, h);
}

/** The handler for a CDB's opcode (and service action, when the opcode has them); undefined when unsupported. */
export function lookupHandler(cdb: Buffer): { handler?: Handler; unknownServiceAction: boolean } {
  const opcode = cdb[0];
  const sa = cdb.length > 1 ? cdb[1] & 0x1f : 0;
  if (usesServiceAction(opcode)) {
    const h = byKey.get(key(opcode, sa)) ?? byKey.get(key(opcode));
    return h ? { handler: h, unknownServiceAction: false } : { unknownServiceAction: true };
  }
  const h = byKey.get(key(opcode));
  return h ? { handler: h, unknownServiceAction: false } : { unknownServiceAction: false };
}
