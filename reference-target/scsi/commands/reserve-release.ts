// SPC-2 RESERVE / RELEASE (6, 10): a whole-LU reservation for one I_T nexus. With persistent
// registrations present they conflict (SPC-3 compatible reservation handling, CRH=1).
import { Release10, Release6, Reserve10, Reserve6 } from '../../../harness/scsi/commands/spc-reservation.js';
import { defineHandler, type Ctx } from '../handler.js';
import { conflict, good, invalidCdbField, type Reply } from '../reply.js';

type V = { thirdParty?: boolean; longId?: boolean };

function reserve({ v, lu, nexus }: Ctx<V>): Reply {
  if (v.thirdParty || v.longId) return invalidCdbField(1, v.thirdParty ? 4 : 1); // third-party reservations not supported
  if (lu.pr.registrations.size > 0) return conflict();
  if (lu.reserve2 !== undefined && lu.reserve2 !== nexus) return conflict();
  lu.reserve2 = nexus;
  return good();
}

function release({ v, lu, nexus }: Ctx<V>): Reply {
  if (v.thirdParty || v.longId) return invalidCdbField(1, v.thirdParty ? 4 : 1);
  if (lu.pr.registrations.size > 0) return conflict();
  // Releasing another nexus's reservation (or none) is GOOD and changes nothing (SPC-2).
  if (lu.reserve2 === nexus) lu.reserve2 = undefined;
  return good();
}

/** RELEASE passes another nexus's reservation (as a no-op); RESERVE meets it inside the handler. */
export const handlers = [
  defineHandler<V>({ cdb: Reserve6, access: () => 'none', reserve2Allowed: () => true, run: async ctx => reserve(ctx) }),
  defineHandler<V>({ cdb: Reserve10, access: () => 'none', reserve2Allowed: () => true, run: async ctx => reserve(ctx) }),
  defineHandler<V>({ cdb: Release6, access: () => 'none', reserve2Allowed: () => true, run: async ctx => release(ctx) }),
  defineHandler<V>({ cdb: Release10, access: () => 'none', reserve2Allowed: () => true, run: async ctx => release(ctx) }),
];
