// RFC 1982 serial-number arithmetic on 32-bit sequence numbers (RFC 7143 §4.2.2.1: CmdSN, StatSN, DataSN compare this way).

/** a + n modulo 2^32. */
export const snAdd = (a: number, n: number): number => (a + n) >>> 0;

/** a < b in serial arithmetic (undefined for a distance of exactly 2^31, taken as false). */
export const snLt = (a: number, b: number): boolean => a !== b && ((b - a) >>> 0) < 0x80000000;

/** a <= b in serial arithmetic. */
export const snLe = (a: number, b: number): boolean => a === b || snLt(a, b);

/** Whether sn lies in the window [lo, hi] (both inclusive, serial). */
export const snInWindow = (sn: number, lo: number, hi: number): boolean => snLe(lo, sn) && snLe(sn, hi);
