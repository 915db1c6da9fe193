// Generic parameter-data codecs (SPC-4 Data-In/Data-Out blocks): a fixed struct, or a header with
// a length field and a list of fixed items. Decoding never throws: allocation-length truncation is
// legal, so short data is zero-padded, flagged `truncated`, and remembered in `received`.
import type { Field } from '../../codec/fields.js';
import type { Struct, StructValue } from '../../codec/struct.js';
import { violation, type Violation } from '../../violation.js';

/** What every parameter-data decoder returns. */
export interface Parsed<T> { value: T; violations: Violation[]; truncated: boolean }

/** Bytes present when fewer than the value's full encoding (encode cuts its output to this). */
export interface Received { received?: number; trailing?: Buffer }

type S = Struct<readonly Field[]>;

/** Zero-pads `b` to `n` bytes so a struct decodes from truncated data. */
export const pad = (b: Uint8Array, n: number): Buffer => { const p = Buffer.alloc(Math.max(n, b.length)); p.set(b); return p; };

/** Cuts an encoding to `received` bytes when the value came from truncated data. */
export const cut = (b: Buffer, v: Received): Buffer => v.received !== undefined && v.received < b.length ? b.subarray(0, v.received) : b;

/** A fixed-size block, optionally with a length field counting bytes from `countsFrom`. */
export interface FixedData<F extends readonly Field[]> {
  readonly struct: Struct<F>;
  decode(b: Uint8Array): Parsed<StructValue<F> & Received>;
  encode(v: Partial<StructValue<F>> & Received): Buffer;
}

/** Declares a fixed-size block; a length the standard fixes is a `fixed` option on the field itself. */
export function defineFixedData<F extends readonly Field[]>(struct: Struct<F>, ref: string, o: { length?: string; countsFrom?: number; rule: string; validate?: (v: StructValue<F>) => Violation[] }): FixedData<F> {
  const size = struct.size;
  return {
    struct,
    decode(b) {
      const v = struct.decode(pad(b, size)) as StructValue<F> & Received;
      const out = struct.check(v, ref, o.rule);
      let natural = size;
      if (o.length) {
        const len = (v as Record<string, number>)[o.length];
        const declared = len + (o.countsFrom ?? 0);
        if (declared > size && b.length > size) { v.trailing = Buffer.from(b.subarray(size, Math.min(declared, b.length))); natural = size + v.trailing.length; }
      }
      if (b.length < natural) v.received = b.length;
      out.push(...(o.validate?.(v) ?? []));
      return { value: v, violations: out, truncated: b.length < size };
    },
    encode(v) {
      const trailing = v.trailing ?? Buffer.alloc(0);
      const full = { ...v } as Record<string, unknown>;
      if (o.length && full[o.length] === undefined) full[o.length] = size + trailing.length - (o.countsFrom ?? 0);
      return cut(Buffer.concat([struct.encode(full as Partial<StructValue<F>>), trailing]), v);
    },
  };
}

/** A header, then items of one fixed size up to the length the header announces. */
export interface ListData<H extends readonly Field[], I extends readonly Field[]> {
  readonly header: Struct<H>;
  readonly item: Struct<I>;
  decode(b: Uint8Array): Parsed<StructValue<H> & Received & { items: StructValue<I>[] }>;
  encode(v: Partial<StructValue<H>> & Received & { items: Partial<StructValue<I>>[] }): Buffer;
}

/** Options of a list: which header field is the length and where its count starts. */
export interface ListOpts {
  length: string; countsFrom: number; rule: string;
  /** Items stop here even if the length goes on (INQUIRY's 8 version descriptors). */
  maxItems?: number;
  /** Shortest legal length value + countsFrom (default: the header size). */
  minTotal?: number;
}

/** Declares header + list; a length that is not a whole number of items is a violation. */
export function defineListData<H extends readonly Field[], I extends readonly Field[]>(header: Struct<H>, item: Struct<I>, ref: string, o: ListOpts): ListData<H, I> {
  return {
    header, item,
    decode(b) {
      const h = header.decode(pad(b, header.size)) as StructValue<H> & Received;
      const out = header.check(h, ref, o.rule);
      const declared = (h as Record<string, number>)[o.length] + o.countsFrom;
      const end = Math.min(declared, b.length);
      const items: StructValue<I>[] = [];
      let at = header.size;
      while (at + item.size <= end && (o.maxItems === undefined || items.length < o.maxItems)) {
        const it = item.decode(b.subarray(at, at + item.size));
        out.push(...item.check(it, ref, o.rule).map(x => ({ ...x, message: `item ${items.length}: ${x.message}` })));
        items.push(it); at += item.size;
      }
      if (at < end) {
        h.trailing = Buffer.from(b.subarray(at, end));
        if (o.maxItems === undefined && b.length >= declared) out.push(violation(`${o.rule}-length`, ref, `${o.length} ${declared - o.countsFrom} leaves ${end - at} byte(s) that are not a whole ${item.size}-byte item`, o.length));
      }
      if (declared < (o.minTotal ?? header.size)) out.push(violation(`${o.rule}-length`, ref, `${o.length} ${declared - o.countsFrom} is shorter than the ${header.size}-byte header`, o.length));
      const natural = Math.max(header.size, at + (h.trailing?.length ?? 0));
      if (b.length < natural) h.received = b.length;
      return { value: { ...h, items }, violations: out, truncated: b.length < declared };
    },
    encode(v) {
      const body = Buffer.concat([...v.items.map(i => item.encode(i)), v.trailing ?? Buffer.alloc(0)]);
      const full = { ...v } as Record<string, unknown>;
      if (full[o.length] === undefined) full[o.length] = header.size + body.length - o.countsFrom;
      return cut(Buffer.concat([header.encode(full as Partial<StructValue<H>>), body]), v);
    },
  };
}
