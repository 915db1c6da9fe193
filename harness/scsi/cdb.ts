// SPC-4 command descriptor blocks: defineCdb turns one declaration per command into encode,
// decode, validate, fast-check generators and a printer, and registers it by (opcode, SA).
import fc from 'fast-check';
import { bits, flag, reservedBits, u8, type ArbMode, type Field } from '../codec/fields.js';
import { defineStruct, type Struct, type StructValue } from '../codec/struct.js';
import { violation, type Violation } from '../violation.js';

/** Which way data moves for a command (SAM: Data-In = read, Data-Out = write). */
export type Direction = 'none' | 'read' | 'write' | 'bidi';

/** Any CDB value: field name to value; the declaration knows the real shape. */
export type CdbValue = Record<string, unknown> & { opcode: number };

/** A cross-field rule a well-formed CDB keeps (e.g. INQUIRY PAGE CODE needs EVPD). */
export interface CdbRule<V> {
  /** Rule ID without the `scsi/` prefix, kebab-case. */
  id: string;
  /** The field a failure is reported against (the one a fix would change). */
  field: string;
  message: string;
  ok(v: V): boolean;
}

/** What a command declaration says. `fields` cover bytes 1..n-1 (opcode, SA, CONTROL are added). */
export interface CdbSpec<F extends readonly Field[]> {
  name: string;
  opcode: number;
  /** Fixed service action in byte 1 bits 4..0; commands with several SAs declare the field themselves. */
  serviceAction?: number;
  /** Where the layout is written, e.g. `sbc3/read10`. */
  ref: string;
  fields: F;
  direction: Direction;
  /** Bytes the command moves, from its own fields; 0 when none. */
  transferLength?(cdb: StructValue<F>, blockSize: number): number;
  /** First LBA the command touches (for range checks). */
  lba?(cdb: StructValue<F>): bigint;
  /** Blocks the command touches from `lba` (0 keeps the command's own meaning of 0). */
  blocks?(cdb: StructValue<F>): number;
  /** Changes medium or LU state: needs --dataloss. */
  destructive: boolean;
  rules?: readonly CdbRule<StructValue<F>>[];
}

/** Arbitrary modes a CDB offers; `near-valid` is valid except one field with a broken value. */
export type CdbArbMode = ArbMode | 'near-valid';

/** A compiled command declaration. */
export interface Cdb<V extends CdbValue = CdbValue> {
  readonly name: string;
  readonly opcode: number;
  readonly serviceAction: number | undefined;
  readonly ref: string;
  /** CDB length from the opcode's group code (6, 10, 12 or 16). */
  readonly size: number;
  readonly direction: Direction;
  readonly destructive: boolean;
  readonly struct: Struct<readonly Field[]>;
  /** Reads the CDB from b[0..size); bytes past `size` are ignored. DecodeError when short. */
  decode(b: Uint8Array): V;
  /** Encodes any value, broken ones included; opcode and SA default to the declaration's. */
  encode(v: Partial<V>): Buffer;
  make(v?: Partial<V>): V;
  /** Field constraints (reserved, fixed, value sets, CONTROL) plus the cross-field rules. */
  validate(v: Partial<V>): Violation[];
  arbitrary(mode: ArbMode): fc.Arbitrary<V>;
  /** A valid value with exactly one field broken, and that field's name. */
  nearValid(): fc.Arbitrary<{ value: V; broken: string }>;
  print(v: Partial<V>): string;
  /** Expected data bytes for this CDB at `blockSize` bytes per block. */
  transferLength(v: V, blockSize: number): number;
  lba?(v: V): bigint;
  blocks?(v: V): number;
}

/** CDB length from the group code in opcode bits 7..5 (SPC-4); undefined for the variable/vendor groups. */
export function cdbLength(opcode: number): number | undefined {
  switch (opcode >> 5) {
    case 0: return 6;
    case 1: case 2: return 10;
    case 4: return 16;
    case 5: return 12;
    default: return undefined;
  }
}

/** The CONTROL byte (SAM-5): NACA is legal; FLAG and LINK are obsolete and so must be 0. */
function controlFields(off: number) {
  return [
    bits('vendorSpecific', off, [7, 6], { quiet: true }), reservedBits(off, 0x38),
    flag('naca', off, 2), flag('obsoleteFlag', off, 1, { fixed: false }), flag('link', off, 0, { fixed: false }),
  ] as const;
}

const registry = new Map<string, Cdb>();
const key = (opcode: number, sa?: number) => sa === undefined ? `${opcode}` : `${opcode}/${sa}`;

/** Compiles and registers a command; throws at load time on a layout error or a duplicate. */
export function defineCdb<const F extends readonly Field[]>(spec: CdbSpec<F>): Cdb<StructValue<F> & CdbValue> {
  type V = StructValue<F> & CdbValue;
  const size = cdbLength(spec.opcode);
  if (size === undefined) throw new Error(`${spec.name}: opcode 0x${spec.opcode.toString(16)} has no fixed CDB length`);
  const sa = spec.serviceAction;
  const fixed: Field[] = [u8('opcode', 0, { fixed: spec.opcode, hex: true, quiet: true })];
  if (sa !== undefined) fixed.push(bits('serviceAction', 1, [4, 0], { fixed: sa, hex: true, quiet: true }));
  const all = [...fixed, ...spec.fields, ...controlFields(size - 1)];
  const struct = defineStruct(spec.name, all, size) as unknown as Struct<readonly Field[]>;
  const rules = spec.rules ?? [];
  const pinned = (v: Record<string, unknown>) => ({ ...v, opcode: spec.opcode, ...(sa === undefined ? {} : { serviceAction: sa }) }) as V;
  const rulesOk = (v: V) => rules.every(r => r.ok(v as StructValue<F>));
  // Fields a near-valid value may break: not the opcode/SA (that is another command, not a broken one).
  const breakable = all.filter(f => f.breaker && f.name !== 'opcode' && !(sa !== undefined && f.name === 'serviceAction'));

  const cdb: Cdb<V> = {
    name: spec.name, opcode: spec.opcode, serviceAction: sa, ref: spec.ref, size,
    direction: spec.direction, destructive: spec.destructive, struct,
    decode: b => struct.decode(b) as unknown as V,
    encode: v => struct.encode(pinned(v as Record<string, unknown>) as never),
    make: v => struct.make(pinned((v ?? {}) as Record<string, unknown>) as never) as unknown as V,
    validate(v) {
      const full = cdb.make(v);
      const out = struct.check(full as never, spec.ref, 'scsi/cdb');
      for (const r of rules) if (!r.ok(full as StructValue<F>)) out.push(violation(`scsi/${r.id}`, spec.ref, r.message, r.field));
      return out;
    },
    arbitrary(mode) {
      const base = struct.arbitrary(mode).map(v => pinned(v as Record<string, unknown>));
      return mode === 'any' ? base : base.filter(rulesOk);
    },
    nearValid() {
      if (breakable.length === 0) throw new Error(`${spec.name} has no field that can be broken`);
      return fc.tuple(cdb.arbitrary('valid'), fc.constantFrom(...breakable)).chain(([v, f]) =>
        f.breaker!().map(bad => ({ value: { ...v, [f.name]: bad } as V, broken: f.name })));
    },
    print: v => `${spec.name} ${struct.print(pinned(v as Record<string, unknown>) as never)}`.trimEnd(),
    transferLength: (v, bs) => spec.transferLength ? spec.transferLength(v as StructValue<F>, bs) : 0,
    ...(spec.lba ? { lba: (v: V) => spec.lba!(v as StructValue<F>) } : {}),
    ...(spec.blocks ? { blocks: (v: V) => spec.blocks!(v as StructValue<F>) } : {}),
  };
  const k = key(spec.opcode, sa);
  if (registry.has(k)) throw new Error(`${spec.name}: opcode/SA ${k} already declared by ${registry.get(k)!.name}`);
  registry.set(k, cdb as unknown as Cdb);
  return cdb;
}

/** The declaration for (opcode, SA): an exact SA match first, then an opcode-wide declaration. */
export function lookupCdb(opcode: number, serviceAction?: number): Cdb | undefined {
  return (serviceAction === undefined ? undefined : registry.get(key(opcode, serviceAction))) ?? registry.get(key(opcode));
}

/** True when some declaration of this opcode carries a fixed service action (byte 1 bits 4..0). */
export function usesServiceAction(opcode: number): boolean {
  for (const c of registry.values()) if (c.opcode === opcode && c.serviceAction !== undefined) return true;
  return false;
}

/** Every registered declaration (import ./commands/index.js first to load them all). */
export function registeredCdbs(): Cdb[] {
  return [...registry.values()];
}
