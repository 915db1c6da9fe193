// Mode `ffp`: full-feature PDUs from the PDU declarations (valid, boundary, near-valid with one rule broken,
// any) wrapped in a mutator, each followed by a NOP-Out ping so a hang or crash is pinned to its PDU.
import fc from 'fast-check';
import { pduTypeNamed, type Pdu } from '../../pdu/registry.js';
import type { PduType } from '../../pdu/define.js';
import { pduToSpec } from '../../script/pdu-json.js';
import type { Step } from '../../script/schema.js';
import { mutateSend, sequence } from '../mutators.js';
import { inDrawnSession, SYNC, withoutAuto, type FuzzMode } from './mode.js';

/** Initiator PDU types that are legal in full feature phase (Login is the `login` mode's). */
export const FFP_TYPES = ['NopOut', 'ScsiCommand', 'TaskManagementRequest', 'TextRequest', 'DataOut', 'SnackRequest', 'LogoutRequest'] as const;

const decls = FFP_TYPES.map(n => pduTypeNamed(n)!) as PduType[];
const genMode = fc.constantFrom('valid', 'edge', 'near-valid', 'any') as fc.Arbitrary<'valid' | 'edge' | 'near-valid' | 'any'>;

/** One fuzzed send step for a PDU drawn from `types` (auto fields left to the session unless the mode is `any`). */
export function arbitrarySend(types: readonly PduType[] = decls): fc.Arbitrary<Extract<Step, { op: 'send' }>> {
  return fc.tuple(genMode, fc.nat({ max: types.length - 1 }), fc.boolean(), fullData).chain(([m, i, keepAuto, data]) =>
    (types[i]!.arbitrary(m) as unknown as fc.Arbitrary<Pdu>).map(p => {
      // The declarations' data generators are sized 'small' (<= 10 bytes); half the time use the full range instead.
      const q = data && (types[i]!.dataKind !== 'none' || m === 'any') ? { ...p, data } : p;
      return { op: 'send' as const, pdu: withoutAuto(pduToSpec(q), m === 'any' && keepAuto) };
    }));
}

/** Data segments over their whole declared range (size 'max'), or null to keep the declaration's own. */
const fullData = fc.option(fc.uint8Array({ maxLength: 128, size: 'max' }).map(a => Buffer.from(a)), { freq: 2 });

/** The mode. */
export const ffpMode: FuzzMode = {
  name: 'ffp',
  describe: 'Full-feature PDUs (NOP-Out, SCSI Command, TMF, Text, Data-Out, SNACK, Logout) from the PDU declarations: valid, boundary, near-valid (one rule broken) or any field values, then one mutator (field, reserved bit, lying length, truncate, split, duplicate, padding); a NOP-Out ping after each.',
  arbitrary: ctx => inDrawnSession(fc.array(arbitrarySend().chain(mutateSend), { minLength: 1, maxLength: ctx.maxBody })
    .map(items => sequence(items, () => [SYNC]))),
};
