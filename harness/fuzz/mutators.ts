// Mutators wrap a valid `send` step (STYLE.md "Fuzzing"): one field set to any value, a reserved bit flipped,
// a lying length, a truncation, a split across TCP segments, a duplicate, odd padding. Each says whether it
// leaves the byte stream out of step with the target (then the run must end the connection, not ping).
import fc from 'fast-check';
import { pduTypeNamed } from '../pdu/registry.js';
import { u64Json } from '../script/pdu-json.js';
import type { PduSpec, Step } from '../script/schema.js';

type Send = Extract<Step, { op: 'send' }>;

/** Steps for one fuzzed PDU and whether framing is lost after them. */
export interface Mutated { steps: Step[]; desync: boolean }

/** Names of the mutators, for --list-modes and finding paths. */
export const MUTATORS = ['none', 'field', 'reserved', 'ahs', 'length', 'ahs-length', 'truncate', 'split', 'duplicate', 'pad'] as const;

/** A field value as step JSON. */
export const jsonValue = (x: unknown): unknown => typeof x === 'bigint' ? u64Json(x) : Buffer.isBuffer(x) ? x.toString('hex') : x;

const wireLength = (spec: PduSpec): number => 48 + Math.ceil(String(spec.data ?? '').length / 2 / 4) * 4;

/** One mutation of a send step (or none), chosen by fast-check so it shrinks toward 'none'. */
export function mutateSend(step: Send): fc.Arbitrary<Mutated> {
  const spec = 'raw' in step.pdu ? undefined : step.pdu as PduSpec;
  const decl = spec ? pduTypeNamed(spec.type) : undefined;
  const same = (s: Send): Mutated => ({ steps: [s], desync: false });
  const options: Array<fc.Arbitrary<Mutated>> = [fc.constant(same(step))];
  if (spec && decl) {
    const named = decl.header.fields.filter(f => !f.reserved && f.name !== 'immediate');
    options.push(fc.nat().chain(i => {
      const f = named[i % named.length]!;
      return f.arbitrary('any').map(v => same({ ...step, pdu: { ...spec, [f.name]: jsonValue(v) } }));
    }));
    const rsv = decl.header.fields.filter(f => f.reserved && f.breaker);
    if (rsv.length) {
      options.push(fc.nat().chain(i => {
        const f = rsv[i % rsv.length]!;
        return f.breaker!().map(v => same({ ...step, pdu: { ...spec, [f.name]: v } }));
      }));
    }
    // An AHS on a PDU that takes none (only the SCSI Command may carry one, §11.2.2).
    options.push(fc.record({ ahsType: fc.nat(255), specific: fc.nat(255), data: fc.uint8Array({ maxLength: 16 }) })
      .map(a => same({ ...step, pdu: { ...spec, ahs: [{ ahsType: a.ahsType, specific: a.specific, data: Buffer.from(a.data).toString('hex') }] } })));
    const dataLen = String(spec.data ?? '').length / 2;
    options.push(fc.integer({ min: 0, max: 0xffffff }).filter(n => n !== dataLen)
      .map(n => ({ steps: [{ ...step, lengths: { ...step.lengths, dataSegmentLength: n } }], desync: true })));
    options.push(fc.integer({ min: 1, max: 255 }).map(n => ({ steps: [{ ...step, lengths: { ...step.lengths, totalAHSLength: n } }], desync: true })));
    options.push(fc.integer({ min: 0, max: wireLength(spec) - 1 }).map(n => ({ steps: [{ ...step, truncate: n }], desync: true })));
    options.push(fc.uniqueArray(fc.integer({ min: 1, max: wireLength(spec) - 1 }), { minLength: 1, maxLength: 4 }).map(split => same({ ...step, split })));
    if (dataLen % 4 !== 0) options.push(fc.uint8Array({ minLength: 4 - (dataLen % 4), maxLength: 4 - (dataLen % 4) }).map(p => same({ ...step, pad: Buffer.from(p).toString('hex') })));
  }
  options.push(fc.integer({ min: 2, max: 3 }).map(repeat => same({ ...step, repeat })));
  return fc.oneof({ depthSize: 'small', withCrossShrink: true }, ...options);
}

/** Body items to steps: a desyncing item ends the connection, and nothing after it is sent. */
export function sequence(items: readonly Mutated[], sync: (i: number) => Step[]): Step[] {
  const out: Step[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    out.push(...it.steps);
    if (it.desync) { out.push({ op: 'wait', ms: 20 }, { op: 'disconnect', reset: true }); return out; }
    out.push(...sync(i));
  }
  return out;
}
