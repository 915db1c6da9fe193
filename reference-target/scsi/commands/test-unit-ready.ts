// SPC-4 TEST UNIT READY: GOOD once the unit attentions are drained (the dispatcher reports them).
import { TestUnitReady } from '../../../harness/scsi/commands/spc.js';
import { defineHandler } from '../handler.js';
import { good } from '../reply.js';

/** TEST UNIT READY: RAM and file media are always ready; no medium access, so no reservation conflict (SPC-4). */
export const handlers = [
  defineHandler({ cdb: TestUnitReady, access: () => 'none', run: async () => good() }),
];
