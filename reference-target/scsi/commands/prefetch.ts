// SBC-4 PRE-FETCH (10, 16): a range-checked request to stage blocks in a volatile cache.
//
// The reference target keeps no cache of its own for PRE-FETCH to fill: a RAM LU's medium already
// is memory, and a file LU's page cache belongs to the OS (the device server can neither lock it
// nor tell what fits). SBC-4 ends a PRE-FETCH whose blocks do not all fit in the cache with GOOD
// ("transfer as many as fit": here none), and CONDITION MET only when they all did; so GOOD is the
// honest status, with or without IMMED. It is also the one libiscsi's test_prefetch*.c accept: its
// check_result fails any status but GOOD when it expects GOOD, CONDITION MET (0x04) included.
import type { Cdb, CdbValue } from '../../../harness/scsi/cdb.js';
import { PreFetch10, PreFetch16 } from '../../../harness/scsi/commands/sbc-media.js';
import { defineHandler, type Ctx } from '../handler.js';
import { good, type Reply } from '../reply.js';
import { rangeError } from './sbc-common.js';

async function prefetch(cdb: Cdb<CdbValue>, ctx: Ctx<CdbValue>): Promise<Reply> {
  // PREFETCH LENGTH 0 means "to the last block", so only the LBA itself can then be out of range.
  // MAXIMUM PREFETCH LENGTH in Block Limits is 0 (no limit reported), so no length is too long.
  return rangeError(ctx.lu, cdb.lba!(ctx.v), cdb.blocks!(ctx.v)) ?? good();
}

/** PRE-FETCH reads the medium: it conflicts with Exclusive Access reservations only (SPC-4 PR table). */
export const handlers = [PreFetch10, PreFetch16].map(c =>
  defineHandler<CdbValue>({ cdb: c as Cdb<CdbValue>, access: () => 'read', run: ctx => prefetch(c as Cdb<CdbValue>, ctx) }));
