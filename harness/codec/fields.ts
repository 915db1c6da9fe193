// Field kinds for fixed-layout binary structs (iSCSI BHS, SCSI CDBs, parameter data).
// Each kind knows how to read, write, generate, check and print itself once; structs are
// declared as lists of fields and compiled (see struct.ts). Offsets are bytes, bit 7 = MSB.
import fc from 'fast-check';

/** How a generator should behave: conforming values, conforming boundary values, or anything. */
export type ArbMode = 'valid' | 'edge' | 'any';

/** One field of a struct: where it lives, how it is coded, what values are legal. */
export interface Field<N extends string = string, T = unknown> {
  readonly name: N;
  readonly kind: string;
  /** Byte offset of the first byte the field touches. */
  readonly offset: number;
  /** Bytes the field spans (for layout checks). */
  readonly size: number;
  /** For bit fields: the mask of the bits within the byte at `offset`. */
  readonly mask?: number;
  /** Reserved fields are hidden from typed values' required keys and checked to be zero. */
  readonly reserved?: boolean;
  /** JS expression that reads the value from Uint8Array `b` (generated code). */
  readExpr(b: string): string;
  /** JS statements that write value `v` into zero-filled `b`, masking to the width. */
  writeStmt(b: string, v: string): string;
  readonly default: T;
  arbitrary(mode: ArbMode): fc.Arbitrary<T>;
  /** Values that break this field's own constraint; undefined when every value is legal. */
  breaker?(): fc.Arbitrary<T>;
  /** Message when `v` breaks the field's own constraint (reserved not zero, value out of set). */
  check?(v: T): string | undefined;
  /** Rule ID for `check`'s violations. */
  readonly ruleId?: string;
  /** Short text for a one-line printer; undefined hides the field. */
  print(v: T): string | undefined;
}

/** Options shared by numeric kinds. */
export interface NumOpts {
  /** Legal values by name (printing uses the names; other values are violations unless `open`). */
  names?: Readonly<Record<number, string>>;
  /** Inclusive legal range. */
  range?: readonly [number, number];
  /** Values outside `names` are legal (the names only help printing). */
  open?: boolean;
  /** Print as hex. */
  hex?: boolean;
  /** A value this field must always hold (e.g. an F bit the RFC fixes at 1). */
  fixed?: number;
  /** Hide from the printer unless it differs from the default. */
  quiet?: boolean;
  /** Rule ID for out-of-set values; default `field/<name>`. */
  ruleId?: string;
  /** Default value (0 unless given). */
  default?: number;
}

const hex = (v: number, w: number) => '0x' + v.toString(16).padStart(w, '0');

function legalSet(o: NumOpts): ((v: number) => boolean) | undefined {
  if (o.fixed !== undefined) return v => v === o.fixed;
  if (o.range) { const [lo, hi] = o.range; return v => v >= lo && v <= hi; }
  if (o.names && !o.open) { const names = o.names; return v => names[v] !== undefined; }
  return undefined;
}

/** True when some value in 0..max is outside the legal set `legalSet(o)` describes (same precedence). */
function hasIllegal(o: NumOpts, max: number): boolean {
  if (max > 0xffff) return true;
  if (o.fixed !== undefined) return max > 0 || o.fixed !== 0;
  if (o.range) return o.range[0] > 0 || o.range[1] < max;
  const named = new Set(Object.keys(o.names ?? {}).map(Number).filter(v => Number.isInteger(v) && v >= 0 && v <= max));
  return named.size < max + 1;
}

/** Builds a numeric field from its width-specific read/write code. */
function numeric<N extends string>(name: N, kind: string, offset: number, size: number, max: number,
  readExpr: (b: string) => string, writeStmt: (b: string, v: string) => string, o: NumOpts, mask?: number): Field<N, number> {
  const legal = legalSet(o);
  const def = o.default ?? o.fixed ?? 0;
  const legalValues = o.fixed !== undefined ? [o.fixed] : o.names && !o.open ? Object.keys(o.names).map(Number) : undefined;
  const lo = o.range?.[0] ?? 0, hi = o.range?.[1] ?? max;
  const valid = legalValues ? fc.constantFrom(...legalValues) : fc.integer({ min: lo, max: hi });
  const edges = legalValues ? legalValues : [...new Set([lo, Math.min(lo + 1, hi), hi, Math.max(hi - 1, lo)])];
  // A breaker must have something to find: a value set that covers the whole width has none, and
  // filtering for an illegal value would then loop forever. Decided in closed form: enumerating
  // 0..0xffff for every reserved u16 cost ~0.5 s of start-up in each process.
  const breakable = legal !== undefined && hasIllegal(o, max);
  return {
    name, kind, offset, size, ...(mask === undefined ? {} : { mask }), readExpr, writeStmt, default: def,
    ruleId: o.ruleId ?? `field/${name}`,
    arbitrary: mode => mode === 'any' ? fc.integer({ min: 0, max }) : mode === 'edge' ? fc.oneof(fc.constantFrom(...edges), valid) : valid,
    ...(legal && breakable ? {
      breaker: () => fc.integer({ min: 0, max }).filter(v => !legal(v)),
      check: (v: number) => legal(v) ? undefined
        : `${name} is ${o.names?.[v] ?? v}; expected ${o.fixed !== undefined ? o.fixed : o.range ? `${lo}..${hi}` : Object.entries(o.names ?? {}).map(([k, n]) => `${k} (${n})`).join(', ')}`,
    } : {}),
    print: v => (o.quiet && v === def) ? undefined
      : `${name}=${o.names?.[v] ?? (o.hex ? hex(v, size * 2) : String(v))}`,
  };
}

/** Unsigned byte. */
export const u8 = <N extends string>(name: N, off: number, o: NumOpts = {}) =>
  numeric(name, 'u8', off, 1, 0xff, b => `${b}[${off}]`, (b, v) => `${b}[${off}] = ${v};`, o);

/** Unsigned 16-bit big-endian. */
export const u16 = <N extends string>(name: N, off: number, o: NumOpts = {}) =>
  numeric(name, 'u16', off, 2, 0xffff, b => `((${b}[${off}] << 8) | ${b}[${off + 1}])`,
    (b, v) => `${b}[${off}] = ${v} >>> 8; ${b}[${off + 1}] = ${v};`, o);

/** Unsigned 24-bit big-endian. */
export const u24 = <N extends string>(name: N, off: number, o: NumOpts = {}) =>
  numeric(name, 'u24', off, 3, 0xffffff, b => `((${b}[${off}] << 16) | (${b}[${off + 1}] << 8) | ${b}[${off + 2}])`,
    (b, v) => `${b}[${off}] = ${v} >>> 16; ${b}[${off + 1}] = ${v} >>> 8; ${b}[${off + 2}] = ${v};`, o);

/** Unsigned 32-bit big-endian (sequence numbers, tags, lengths). */
export const u32 = <N extends string>(name: N, off: number, o: NumOpts = {}) =>
  numeric(name, 'u32', off, 4, 0xffffffff,
    b => `(((${b}[${off}] << 24) | (${b}[${off + 1}] << 16) | (${b}[${off + 2}] << 8) | ${b}[${off + 3}]) >>> 0)`,
    (b, v) => `${b}[${off}] = ${v} >>> 24; ${b}[${off + 1}] = ${v} >>> 16; ${b}[${off + 2}] = ${v} >>> 8; ${b}[${off + 3}] = ${v};`, o);

/** A run of bits [hi..lo] inside one byte, as a number. */
export const bits = <N extends string>(name: N, off: number, [hiBit, loBit]: readonly [number, number], o: NumOpts = {}) => {
  const width = hiBit - loBit + 1, max = (1 << width) - 1, mask = max << loBit;
  return numeric(name, 'bits', off, 1, max, b => `((${b}[${off}] >>> ${loBit}) & ${max})`,
    (b, v) => `${b}[${off}] |= (${v} & ${max}) << ${loBit};`, o, mask);
};

/** One bit as a boolean. `fixed` pins it (e.g. an F bit that is always 1). */
export function flag<N extends string>(name: N, off: number, bit: number, o: { fixed?: boolean; ruleId?: string } = {}): Field<N, boolean> {
  const fixed = o.fixed;
  return {
    name, kind: 'flag', offset: off, size: 1, mask: 1 << bit, default: fixed ?? false,
    readExpr: b => `((${b}[${off}] & ${1 << bit}) !== 0)`,
    writeStmt: (b, v) => `if (${v}) ${b}[${off}] |= ${1 << bit};`,
    ruleId: o.ruleId ?? `field/${name}`,
    arbitrary: mode => fixed === undefined || mode === 'any' ? fc.boolean() : fc.constant(fixed),
    ...(fixed === undefined ? {} : {
      breaker: () => fc.constant(!fixed),
      check: (v: boolean) => v === fixed ? undefined : `${name} bit is ${v ? 1 : 0}; it must be ${fixed ? 1 : 0}`,
    }),
    print: v => (v && fixed === undefined ? name : undefined),
  };
}

/** Reserved bits inside one byte: must be zero; kept in the value so bad PDUs round-trip. */
export function reservedBits(off: number, mask: number, ruleId = 'field/reserved'): Field<`rsv${number}`, number> {
  const name = `rsv${off}` as const;
  return {
    name, kind: 'reserved', offset: off, size: 1, mask, reserved: true, default: 0, ruleId,
    readExpr: b => `(${b}[${off}] & ${mask})`,
    writeStmt: (b, v) => `${b}[${off}] |= ${v} & ${mask};`,
    arbitrary: mode => mode === 'any' ? fc.integer({ min: 0, max: 0xff }).map(v => v & mask) : fc.constant(0),
    breaker: () => fc.integer({ min: 1, max: 0xff }).map(v => v & mask).filter(v => v !== 0),
    check: v => v === 0 ? undefined : `reserved bits ${hex(mask, 2)} of byte ${off} are ${hex(v, 2)}; they must be 0`,
    print: v => v === 0 ? undefined : `rsv${off}=${hex(v, 2)}`,
  };
}

/** Reserved whole bytes: split into u32/u16/u8 chunks named `rsv<offset>`, each must be zero. */
export function reserved(off: number, len: number, ruleId = 'field/reserved'): Field<`rsv${number}`, number>[] {
  const out: Field<`rsv${number}`, number>[] = [];
  for (let at = off, left = len; left > 0;) {
    const w = left >= 4 ? 4 : left >= 2 ? 2 : 1;
    const base = (w === 4 ? u32 : w === 2 ? u16 : u8)(`rsv${at}` as `rsv${number}`, at, { fixed: 0, ruleId, hex: true });
    out.push({
      ...base, kind: 'reserved', reserved: true,
      check: v => v === 0 ? undefined : `reserved bytes ${at}..${at + w - 1} are ${hex(v, w * 2)}; they must be 0`,
      print: v => v === 0 ? undefined : `rsv${at}=${hex(v, w * 2)}`,
    });
    at += w; left -= w;
  }
  return out;
}

/** Raw bytes (a CDB, an ISID in its parts is separate): copied out so the value owns them. */
export function bytes<N extends string>(name: N, off: number, len: number): Field<N, Buffer> {
  return {
    name, kind: 'bytes', offset: off, size: len, default: Buffer.alloc(len),
    readExpr: b => `Buffer.from(${b}.subarray(${off}, ${off + len}))`,
    writeStmt: (b, v) => `${b}.set(${v}.length <= ${len} ? ${v} : ${v}.subarray(0, ${len}), ${off});`,
    arbitrary: () => fc.uint8Array({ minLength: len, maxLength: len }).map(a => Buffer.from(a)),
    print: v => `${name}=${v.toString('hex')}`,
  };
}

/** A 48-bit number (ISID): fits a double exactly, so no BigInt on the hot path. */
export function u48<N extends string>(name: N, off: number): Field<N, number> {
  return {
    name, kind: 'u48', offset: off, size: 6, default: 0,
    readExpr: b => `((${b}[${off}] << 8 | ${b}[${off + 1}]) * 4294967296 + (((${b}[${off + 2}] << 24) | (${b}[${off + 3}] << 16) | (${b}[${off + 4}] << 8) | ${b}[${off + 5}]) >>> 0))`,
    writeStmt: (b, v) => `{ const hi = Math.floor(${v} / 4294967296) & 0xffff, lo = ${v} >>> 0; ${b}[${off}] = hi >>> 8; ${b}[${off + 1}] = hi; ${b}[${off + 2}] = lo >>> 24; ${b}[${off + 3}] = lo >>> 16; ${b}[${off + 4}] = lo >>> 8; ${b}[${off + 5}] = lo; }`,
    arbitrary: mode => mode === 'edge' ? fc.constantFrom(0, 2 ** 48 - 1, 0x400000000000, 0x800000000000) : fc.integer({ min: 0, max: 2 ** 48 - 1 }),
    print: v => `${name}=${hex(v, 12)}`,
  };
}

// LUN/LBA values repeat a handful of bigints; caching them keeps BigInt allocation off the
// BHS hot path (PERF-NOTES: a BigInt per decode costs more than the rest of the decode).
// A SAM LUN lives in its first two bytes, so "high 16 bits only" values index a small array.
const bigCache: Array<bigint | undefined> = new Array(65536).fill(undefined);
/** Joins two u32 halves into a bigint, cached when only the top 16 bits are set. */
export function joinU64(hi: number, lo: number): bigint {
  if (lo === 0 && (hi & 0xffff) === 0) {
    const k = hi >>> 16;
    return bigCache[k] ?? (bigCache[k] = BigInt(hi) << 32n);
  }
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** Unsigned 64-bit big-endian as bigint (LUN, LBA). */
export function u64<N extends string>(name: N, off: number, o: { hex?: boolean; quiet?: boolean } = {}): Field<N, bigint> {
  const r32 = (b: string, at: number) => `(((${b}[${at}] << 24) | (${b}[${at + 1}] << 16) | (${b}[${at + 2}] << 8) | ${b}[${at + 3}]) >>> 0)`;
  return {
    name, kind: 'u64', offset: off, size: 8, default: 0n,
    readExpr: b => `joinU64(${r32(b, off)}, ${r32(b, off + 4)})`,
    writeStmt: (b, v) => `{ const hi = Number((${v} >> 32n) & 0xffffffffn), lo = Number(${v} & 0xffffffffn); ${b}[${off}] = hi >>> 24; ${b}[${off + 1}] = hi >>> 16; ${b}[${off + 2}] = hi >>> 8; ${b}[${off + 3}] = hi; ${b}[${off + 4}] = lo >>> 24; ${b}[${off + 5}] = lo >>> 16; ${b}[${off + 6}] = lo >>> 8; ${b}[${off + 7}] = lo; }`,
    arbitrary: mode => mode === 'edge' ? fc.constantFrom(0n, 1n, 0x0001000000000000n, 0xffffffffffffffffn)
      : fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }),
    print: v => (o.quiet && v === 0n) ? undefined : `${name}=${o.hex ? '0x' + v.toString(16).padStart(16, '0') : v.toString()}`,
  };
}
