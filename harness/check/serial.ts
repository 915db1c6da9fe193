// RFC 1982 serial-number arithmetic on 32-bit sequence numbers (CmdSN, StatSN, DataSN), as RFC 7143 §4.2.2.1 asks.

/** a - b as a signed distance in (-2^31, 2^31]: positive when a is after b. */
export const snDiff = (a: number, b: number): number => ((a - b) | 0);

/** a + n modulo 2^32. */
export const snAdd = (a: number, n: number): number => (a + n) >>> 0;

/** True when a comes strictly after b in serial order. */
export const snGt = (a: number, b: number): boolean => snDiff(a, b) > 0;

/** True when a comes strictly before b in serial order. */
export const snLt = (a: number, b: number): boolean => snDiff(a, b) < 0;

/** The later of two serial numbers (the first when undefined). */
export const snMax = (a: number | undefined, b: number): number => (a === undefined || snGt(b, a) ? b : a);
