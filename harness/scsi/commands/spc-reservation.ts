// SPC-4 PERSISTENT RESERVE IN/OUT and SPC-2 RESERVE/RELEASE (6 and 10) CDBs. (checked: libiscsi, tgt)
import { bits, flag, reserved, reservedBits, u16, u32, u8 } from '../../codec/fields.js';
import { defineCdb } from '../cdb.js';

/** PERSISTENT RESERVE IN service actions. */
export const PrInAction = { 0: 'READ KEYS', 1: 'READ RESERVATION', 2: 'REPORT CAPABILITIES', 3: 'READ FULL STATUS' } as const;
/** PERSISTENT RESERVE OUT service actions. */
export const PrOutAction = {
  0: 'REGISTER', 1: 'RESERVE', 2: 'RELEASE', 3: 'CLEAR', 4: 'PREEMPT', 5: 'PREEMPT AND ABORT',
  6: 'REGISTER AND IGNORE EXISTING KEY', 7: 'REGISTER AND MOVE',
} as const;
/** Persistent reservation TYPE codes (0, 2, 4 and 9..F are reserved or obsolete). */
export const PrType = {
  1: 'Write Exclusive', 3: 'Exclusive Access', 5: 'Write Exclusive - Registrants Only',
  6: 'Exclusive Access - Registrants Only', 7: 'Write Exclusive - All Registrants', 8: 'Exclusive Access - All Registrants',
} as const;

/** PERSISTENT RESERVE IN 0x5E: one declaration for all four service actions. */
export const PersistentReserveIn = defineCdb({
  name: 'PERSISTENT RESERVE IN', opcode: 0x5e, ref: 'spc4/persistent-reserve-in', direction: 'read', destructive: false,
  fields: [reservedBits(1, 0xe0), bits('serviceAction', 1, [4, 0], { names: PrInAction }), ...reserved(2, 5), u16('allocationLength', 7)],
  transferLength: v => v.allocationLength,
});

/**
 * PERSISTENT RESERVE OUT 0x5F. SCOPE and TYPE are ignored by REGISTER / CLEAR, so TYPE is open
 * here (names only print); a bad TYPE for RESERVE is the target's 24/00, not a malformed CDB.
 */
export const PersistentReserveOut = defineCdb({
  name: 'PERSISTENT RESERVE OUT', opcode: 0x5f, ref: 'spc4/persistent-reserve-out', direction: 'write', destructive: true,
  fields: [reservedBits(1, 0xe0), bits('serviceAction', 1, [4, 0], { names: PrOutAction }), bits('scope', 2, [7, 4]), bits('type', 2, [3, 0], { names: PrType, open: true }),
    ...reserved(3, 2), u32('parameterListLength', 5)],
  transferLength: v => v.parameterListLength,
});

/** RESERVE(6) 0x16: LU reservation; the SPC-2 extent/third-party bits are obsolete, so reserved. */
export const Reserve6 = defineCdb({
  name: 'RESERVE(6)', opcode: 0x16, ref: 'spc2/reserve6', direction: 'none', destructive: false,
  fields: [...reserved(1, 4)],
});

/** RELEASE(6) 0x17. */
export const Release6 = defineCdb({
  name: 'RELEASE(6)', opcode: 0x17, ref: 'spc2/release6', direction: 'none', destructive: false,
  fields: [...reserved(1, 4)],
});

/** RESERVE/RELEASE(10) byte 1: 3RDPTY (4), LONGID (1), bit 0 obsolete EXTENT; third-party ID byte 3 (SPC-2, unverified). */
const rr10 = [reservedBits(1, 0xed), flag('thirdParty', 1, 4), flag('longId', 1, 1), ...reserved(2, 1), u8('thirdPartyDeviceId', 3),
  ...reserved(4, 3), u16('parameterListLength', 7)] as const;

/** RESERVE(10) 0x56: a parameter list only travels for LONGID third-party reservations. */
export const Reserve10 = defineCdb({
  name: 'RESERVE(10)', opcode: 0x56, ref: 'spc2/reserve10', direction: 'write', destructive: false,
  fields: rr10, transferLength: v => v.parameterListLength,
});

/** RELEASE(10) 0x57. */
export const Release10 = defineCdb({
  name: 'RELEASE(10)', opcode: 0x57, ref: 'spc2/release10', direction: 'write', destructive: false,
  fields: rr10, transferLength: v => v.parameterListLength,
});
