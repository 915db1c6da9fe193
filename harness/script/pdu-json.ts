// PDU values <-> the JSON of script steps: bigints as strings, buffers as hex, defaults left out so findings stay short.
import type { Ahs } from '../pdu/ahs.js';
import { makePdu, pduTypeNamed, type KnownPdu, type Pdu } from '../pdu/registry.js';
import { UsageError } from '../errors.js';
import type { PduSpec } from './schema.js';

/** Fields the interpreter fills from session state when a step leaves them out. */
export const AUTO_FIELDS = ['itt', 'cmdSN', 'expStatSN'] as const;

/** Parses a JSON u64 (decimal or 0x-hex string, or number) into a bigint. */
export function parseU64(v: unknown, what = 'value'): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return BigInt(v);
  if (typeof v === 'string' && /^(0x[0-9a-fA-F]{1,16}|\d{1,20})$/.test(v)) return BigInt(v);
  throw new UsageError(`${what}: expected a u64 as a decimal or 0x-hex string, got ${JSON.stringify(v)}`, 'ERR_SCRIPT');
}

/** A u64 as it goes into JSON: 0x-hex (LUNs read better that way). */
export const u64Json = (v: bigint): string => '0x' + v.toString(16).padStart(16, '0');

const hexBuf = (v: unknown, what: string): Buffer => {
  if (typeof v !== 'string' || !/^([0-9a-fA-F]{2})*$/.test(v)) throw new UsageError(`${what}: expected even-length hex, got ${JSON.stringify(v)}`, 'ERR_SCRIPT');
  return Buffer.from(v, 'hex');
};

function ahsFromJson(v: unknown): Ahs[] {
  if (!Array.isArray(v)) throw new UsageError('ahs: expected an array', 'ERR_SCRIPT');
  return v.map((a: Record<string, unknown>) => 'raw' in a ? { raw: hexBuf(a.raw, 'ahs.raw') }
    : { ahsType: Number(a.ahsType), specific: Number(a.specific ?? 0), data: hexBuf(a.data ?? '', 'ahs.data') });
}

/**
 * Builds a PDU from a step's fields. `auto` supplies session-derived values for the fields the step
 * leaves out (itt, cmdSN, expStatSN); explicit values always win, bad ones included.
 */
export function pduFromSpec(spec: PduSpec, auto: Partial<Record<string, unknown>> = {}): KnownPdu {
  const decl = pduTypeNamed(spec.type);
  if (!decl) throw new UsageError(`unknown PDU type "${spec.type}"`, 'ERR_SCRIPT');
  const kinds = new Map(decl.header.fields.map(f => [f.name, f.kind]));
  const v: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(auto)) if (kinds.has(k) && !(k in spec)) v[k] = x;
  for (const [k, x] of Object.entries(spec)) {
    if (k === 'type') continue;
    if (k === 'data') { v.data = hexBuf(x, 'data'); continue; }
    if (k === 'ahs') { v.ahs = ahsFromJson(x); continue; }
    const kind = kinds.get(k);
    if (kind === undefined) throw new UsageError(`${spec.type} has no field "${k}"`, 'ERR_SCRIPT');
    v[k] = kind === 'u64' ? parseU64(x, k) : kind === 'bytes' ? hexBuf(x, k) : x;
  }
  return makePdu(spec.type as KnownPdu['type'], v as never);
}

/** A PDU as step JSON; fields equal to the declaration's default are left out unless `full`. */
export function pduToSpec(p: Pdu, opts: { full?: boolean; omit?: readonly string[] } = {}): PduSpec {
  if (p.type === 'Raw') return { type: 'Raw', opcode: p.opcode, bhs: p.bhs.toString('hex'), data: p.data.toString('hex') };
  const decl = pduTypeNamed(p.type)!;
  const out: PduSpec = { type: p.type };
  const rec = p as unknown as Record<string, unknown>;
  for (const f of decl.header.fields) {
    if (opts.omit?.includes(f.name)) continue;
    const x = rec[f.name];
    if (x === undefined) continue;
    const isDefault = typeof x === 'bigint' ? x === f.default : Buffer.isBuffer(x) ? x.equals(f.default as Buffer) : x === f.default;
    if (isDefault && !opts.full) continue;
    out[f.name] = typeof x === 'bigint' ? u64Json(x) : Buffer.isBuffer(x) ? x.toString('hex') : x;
  }
  if (p.ahs.length) out.ahs = p.ahs.map(a => 'raw' in a ? { raw: a.raw.toString('hex') } : { ahsType: a.ahsType, specific: a.specific, data: a.data.toString('hex') });
  if (p.data.length) out.data = p.data.toString('hex');
  return out;
}

/** True when every field the spec names has that value in `p` (what an `expect` outcome matches). */
export function pduMatches(p: Pdu, spec: PduSpec): boolean {
  if (p.type !== spec.type) return false;
  const rec = p as unknown as Record<string, unknown>;
  for (const [k, want] of Object.entries(spec)) {
    if (k === 'type') continue;
    const got = rec[k];
    if (typeof got === 'bigint') { if (got !== parseU64(want, k)) return false; continue; }
    if (Buffer.isBuffer(got)) { if (got.toString('hex') !== String(want).toLowerCase()) return false; continue; }
    if (Array.isArray(want)) { if (!want.includes(got)) return false; continue; }
    if (got !== want) return false;
  }
  return true;
}
