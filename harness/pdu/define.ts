// definePdu: one declaration per RFC 7143 §11 PDU type gives encode, decode, validate,
// generators (valid / edge / near-valid / any) and a one-line printer (STYLE.md habit 1).
import fc from 'fast-check';
import { flag, joinU64, reservedBits, type ArbMode, type Field } from '../codec/fields.js';
import { defineStruct, type Struct, type StructValue } from '../codec/struct.js';
import { violation, type Violation } from '../violation.js';
import { arbitraryAhs, checkAhs, parseAhs, type Ahs } from './ahs.js';
import { EMPTY_BUFFER } from './wire.js';

/** What a PDU's data segment carries; drives printing, generation and the "no data" rule. */
export type DataKind = 'none' | 'text' | 'ping' | 'scsi' | 'response' | 'rejected-header' | 'async';

/** A whole-PDU rule beyond single fields: `ok` says whether the PDU conforms. */
export interface PduRule<V> {
  id: string;
  ref: string;
  /** What conforming means, in our words (used as the violation message with the values). */
  text: string;
  ok(p: V): boolean;
  /** Turns a conforming value into one that breaks only this rule (for near-valid generation). */
  breakIt?(p: V): V;
  level?: 'SHOULD';
}

/** The parts every PDU value has besides its header fields. */
export interface PduCommon<Name extends string> { type: Name; ahs: Ahs[]; data: Buffer }

/** Common byte-0 fields: initiator PDUs have the I bit; in target PDUs bits 7-6 are reserved. */
type InitiatorHead = [Field<`rsv${number}`, number>, Field<'immediate', boolean>];
type TargetHead = [Field<`rsv${number}`, number>];

/** The typed value of a PDU declared with fields F. */
export type PduOf<Name extends string, F extends readonly Field[]> = PduCommon<Name> & StructValue<F>;

/** A declared PDU type. */
export interface PduType<Name extends string = string, V extends PduCommon<Name> = PduCommon<Name> & Record<string, unknown>> {
  readonly name: Name;
  readonly opcode: number;
  readonly from: 'initiator' | 'target';
  readonly ref: string;
  readonly dataKind: DataKind;
  readonly ahsTypes: readonly number[];
  readonly header: Struct<readonly Field[]>;
  readonly rules: readonly PduRule<V>[];
  /** A complete value from a partial one (defaults: zeros, fixed bits set, no AHS, no data). */
  make(v?: Partial<Omit<V, 'type'>>): V;
  /** Decodes from a 48-byte BHS plus the AHS area and data segment (no padding, no digests). */
  decode(bhs: Uint8Array, ahs?: Buffer, data?: Buffer): V;
  /** Writes the BHS (opcode, fields, computed or overridden lengths) into 48 zero bytes. */
  encodeBhs(v: Partial<V>, into: Uint8Array, lengths?: { totalAHSLength?: number; dataSegmentLength?: number }): void;
  validate(v: V): Violation[];
  arbitrary(mode: ArbMode | 'near-valid'): fc.Arbitrary<V>;
  print(v: V): string;
}

/** The declaration an author writes. */
export interface PduDecl<Name extends string, F extends readonly Field[]> {
  name: Name;
  opcode: number;
  from: 'initiator' | 'target';
  ref: string;
  fields: F;
  data: DataKind;
  /** AHS types this PDU may carry (only the SCSI Command has any). */
  ahs?: readonly number[];
  rules?: readonly PduRule<PduOf<Name, readonly [...F, ...InitiatorHead]> & { immediate: boolean }>[];
  /** Data segment bytes for generators (default: none for 'none', else up to 64 random bytes). */
  dataArb?: fc.Arbitrary<Buffer>;
  /** Fields whose own constraints do not apply to this value (e.g. reserved in a Login reject): not judged. */
  unjudged?: (v: PduOf<Name, F> & { immediate: boolean }) => readonly string[];
}

const anyData = fc.uint8Array({ maxLength: 64 }).map(a => Buffer.from(a));

/** Declares a PDU type from its field list; byte 0 (I bit, opcode) and lengths are handled here. */
export function definePdu<const Name extends string, const F extends readonly Field[]>(d: PduDecl<Name, F>):
  PduType<Name, PduOf<Name, F> & { immediate: boolean }> {
  type V = PduOf<Name, F> & { immediate: boolean };
  const head: Field[] = d.from === 'initiator' ? [reservedBits(0, 0x80), flag('immediate', 0, 6)] : [reservedBits(0, 0xc0)];
  const header = defineStruct(d.name, [...head, ...d.fields] as readonly Field[], 48);
  const ahsTypes = d.ahs ?? [];
  const rules = (d.rules ?? []) as unknown as readonly PduRule<V>[];
  // The decoder is generated as one object literal (type, fields, ahs, data) so every value of a
  // type is allocated once with its final hidden class: the BHS hot path of the framer and checker.
  const decodeAll = new Function('joinU64', 'Buffer', 'parseAhs', `return function decode(b, ahs, data) { return { type: ${JSON.stringify(d.name)}, ${
    header.fields.map(f => `${JSON.stringify(f.name)}: ${f.readExpr('b')}`).join(', ')}, ahs: parseAhs(ahs), data }; }`)(joinU64, Buffer, parseAhs) as (b: Uint8Array, ahs: Buffer, data: Buffer) => V;

  // Built the same way and with the same key order as decodeAll, so made and decoded values share one hidden class.
  const makeAll = new Function('D', 'NONE', `return function make(v = {}) { return { type: ${JSON.stringify(d.name)}, ${
    header.fields.map((f, i) => { const k = JSON.stringify(f.name); return `${k}: v[${k}] === undefined ? D[${i}] : v[${k}]`; }).join(', ')
  }, ahs: v.ahs ?? [], data: v.data ?? NONE }; }`)(header.fields.map(f => f.default), EMPTY_BUFFER) as PduType<Name, V>['make'];

  const t: PduType<Name, V> = {
    name: d.name, opcode: d.opcode, from: d.from, ref: d.ref, dataKind: d.data, ahsTypes, header, rules,
    make: makeAll,
    decode(bhs, ahs = EMPTY_BUFFER, data = EMPTY_BUFFER) {
      return decodeAll(bhs, ahs, data);
    },
    encodeBhs(v, into, lengths = {}) {
      header.encodeInto(v as never, into);
      into[0] = (into[0]! & 0xc0) | d.opcode;
      const ahsLen = lengths.totalAHSLength ?? Math.ceil((v.ahs ? ahsBytes(v.ahs) : 0) / 4);
      const dsl = lengths.dataSegmentLength ?? (v.data ? v.data.length : 0);
      into[4] = ahsLen; into[5] = dsl >>> 16; into[6] = dsl >>> 8; into[7] = dsl;
    },
    validate(v) {
      const skip = d.unjudged?.(v) ?? [];
      const out = header.check(v as never, d.ref).filter(x => !x.field || !skip.includes(x.field));
      for (const r of rules) if (!r.ok(v)) out.push(violation(r.id, r.ref, r.text, undefined, r.level));
      out.push(...checkAhs(v.ahs, d.name, ahsTypes));
      if (d.data === 'none' && v.data.length > 0) {
        out.push(violation('pdu/data-not-allowed', d.ref, `${d.name} carries no data segment; DataSegmentLength is ${v.data.length}`, 'data'));
      }
      return out;
    },
    arbitrary(mode) {
      const dataArb = d.data === 'none' ? fc.constant(EMPTY_BUFFER) : d.dataArb ?? anyData;
      const build = (m: ArbMode) => fc.record({
        fields: header.arbitrary(m), ahs: arbitraryAhs(ahsTypes, m), data: m === 'any' ? anyData : dataArb,
      }).map(({ fields, ahs, data }) => Object.assign({ type: d.name }, fields, { ahs, data }) as unknown as V);
      if (mode === 'any') return build('any');
      const valid = mode === 'near-valid' ? build('valid') : build(mode);
      const conforming = valid.filter(v => rules.every(r => r.ok(v)));
      if (mode !== 'near-valid') return conforming;
      // A broken field that this very value leaves unjudged (see `unjudged`) breaks nothing: drawn again.
      return fc.tuple(conforming, fc.nat()).chain(([v, pick]) => breakOne(v, pick, header, rules, d.data))
        .filter(v => !d.unjudged || t.validate(v).length > 0);
    },
    print(v) {
      const parts = [d.name, header.print(v as never)];
      if (v.ahs.length) parts.push(`ahs=${v.ahs.length}`);
      if (v.data.length) parts.push(`data=${v.data.length}B`);
      return parts.filter(Boolean).join(' ');
    },
  };
  return t;
}

function ahsBytes(ahs: readonly Ahs[]): number {
  let n = 0;
  for (const a of ahs) n += 'raw' in a ? a.raw.length : (4 + a.data.length + 3) & ~3;
  return n;
}

/** Breaks exactly one thing in a conforming value: a field's constraint, a rule, or data presence. */
function breakOne<V extends PduCommon<string>>(v: V, pick: number, header: Struct<readonly Field[]>,
  rules: readonly PduRule<V>[], data: DataKind): fc.Arbitrary<V> {
  const options: Array<() => fc.Arbitrary<V>> = [];
  for (const f of header.fields) {
    const brk = f.breaker;
    if (brk) options.push(() => brk.call(f).map(x => ({ ...v, [f.name]: x })));
  }
  for (const r of rules) {
    const b = r.breakIt;
    if (b) options.push(() => fc.constant(b(v)));
  }
  if (data === 'none') options.push(() => fc.uint8Array({ minLength: 1, maxLength: 16 }).map(a => ({ ...v, data: Buffer.from(a) })));
  if (options.length === 0) return fc.constant(v);
  return options[pick % options.length]!();
}
