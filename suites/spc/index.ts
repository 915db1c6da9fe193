// The SPC sections in run order; state-changing cases (mode select, reservations) are marked exclusive,
// so the runner keeps every other case out of flight while they run.
import type { Section } from '../../harness/runner/case.js';
import testUnitReady from './test-unit-ready.js';
import inquiry from './inquiry.js';
import reportLuns from './report-luns.js';
import requestSense from './request-sense.js';
import unitAttention from './unit-attention.js';
import invalidOpcode from './invalid-opcode.js';
import lunNotSupported from './lun-not-supported.js';
import modeSense6 from './mode-sense6.js';
import modeSense10 from './mode-sense10.js';
import modeSelect6 from './mode-select6.js';
import modeSelect10 from './mode-select10.js';
import reportSupportedOperationCodes from './report-supported-operation-codes.js';
import persistentReserveIn from './persistent-reserve-in.js';
import persistentReserveOut from './persistent-reserve-out.js';
import reserve6 from './reserve6.js';
import reserve10 from './reserve10.js';

/** Every SPC section. */
export const spcSections: readonly Section[] = [
  testUnitReady, inquiry, reportLuns, requestSense, unitAttention,
  invalidOpcode, lunNotSupported, modeSense6, modeSense10, modeSelect6, modeSelect10,
  reportSupportedOperationCodes, persistentReserveIn, persistentReserveOut, reserve6, reserve10,
];
