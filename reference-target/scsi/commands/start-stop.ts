// SBC-3 START STOP UNIT and PREVENT ALLOW MEDIUM REMOVAL on a non-removable LU: the medium never
// leaves, but an eject (LOEJ=1, START=0) while removal is prevented is refused with 53/02.
import { PreventAllowMediumRemoval, StartStopUnit } from '../../../harness/scsi/commands/sbc-other.js';
import { defineHandler } from '../handler.js';
import { check, good, invalidCdbField, SenseKey } from '../reply.js';

/** POWER CONDITION values SBC-3 defines (0 START_VALID, 1 ACTIVE, 2 IDLE, 3 STANDBY, 7 LU_CONTROL, 0xA/0xB FORCE_*_0). */
const POWER_CONDITIONS = new Set([0x0, 0x1, 0x2, 0x3, 0x7, 0xa, 0xb]);

/** START STOP UNIT: stopping or ejecting conflicts with reservations; a plain start does not. */
export const handlers = [
  defineHandler({
    cdb: StartStopUnit,
    access: v => (v.start && !v.loej && v.powerCondition === 0 ? 'none' : 'write'),
    run: async ({ v, lu }) => {
      if (!POWER_CONDITIONS.has(v.powerCondition)) return invalidCdbField(4, 7);
      if (v.loej && !v.start && v.powerCondition === 0 && lu.preventers.size > 0) {
        return check(SenseKey.ILLEGAL_REQUEST, 0x53, 0x02); // MEDIUM REMOVAL PREVENTED
      }
      return good(); // RAM and file media stay loaded and spinning
    },
  }),
  defineHandler({
    cdb: PreventAllowMediumRemoval,
    access: v => (v.prevent === 0 ? 'none' : 'write'),
    reserve2Allowed: v => v.prevent === 0, // allowing removal never conflicts (SPC-2)
    run: async ({ v, lu, nexus }) => {
      if (v.prevent === 1) lu.preventers.add(nexus); else lu.preventers.delete(nexus);
      return good();
    },
  }),
];
