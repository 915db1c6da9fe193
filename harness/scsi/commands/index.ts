// Loads every CDB declaration so the (opcode, SA) registry is complete; re-exports them by name.
export * from './spc.js';
export * from './spc-mode.js';
export * from './spc-reservation.js';
export * from './sbc-rw.js';
export * from './sbc-other.js';
export * from './sbc-media.js';
