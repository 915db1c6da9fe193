// Small formatting helpers shared by the rules.

/** 0x-prefixed 8-digit hex, as tags are printed everywhere else. */
export const hex8 = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;
