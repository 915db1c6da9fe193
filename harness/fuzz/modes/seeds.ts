// Mode `seeds`: real sessions from corpus/seeds (extracted from the golden captures), with some of their
// PDUs mutated (field, reserved bit, lying length, AHS, truncation, split, duplicate, padding).
import fc from 'fast-check';
import type { Step } from '../../script/schema.js';
import { mutateSend, type Mutated } from '../mutators.js';
import type { FuzzMode } from './mode.js';

type Send = Extract<Step, { op: 'send' }>;

/** The seed's steps with each send mutated or kept; after a desyncing mutation the connection is dropped. */
function mutateSeed(steps: readonly Step[]): fc.Arbitrary<Step[]> {
  const items: Array<fc.Arbitrary<Mutated>> = steps.map(s => s.op === 'send'
    ? fc.oneof({ depthSize: 'small' }, fc.constant<Mutated>({ steps: [s], desync: false }), mutateSend(s as Send))
    : fc.constant<Mutated>({ steps: [s], desync: false }));
  return fc.tuple(...items).map(ms => {
    const out: Step[] = [];
    let mutated = false;
    for (const [i, m] of ms.entries()) {
      // The seed's expectation was for the original PDU; after a mutated one a Reject is a legal answer too (§11.17).
      const s = m.steps[0]!;
      const loosened = mutated && s.op === 'expect' && !s.oneOf.some(o => 'pdu' in o && o.pdu.type === 'Reject')
        ? { ...s, oneOf: [...s.oneOf, { pdu: { type: 'Reject' } }] } : undefined;
      out.push(...(loosened ? [loosened] : m.steps));
      mutated = steps[i]!.op === 'send' && JSON.stringify(m.steps) !== JSON.stringify([steps[i]]);
      if (m.desync) { out.push({ op: 'wait', ms: 20 }, { op: 'disconnect', reset: true }, { op: 'probe' }); return out; }
    }
    return out;
  });
}

/** The mode. */
export const seedsMode: FuzzMode = {
  name: 'seeds',
  describe: 'Real sessions extracted from the golden captures (corpus/seeds: discovery, INQUIRY, READ CAPACITY, CmdSN, TMF) replayed with some of their PDUs mutated (field, reserved bit, AHS, lying length, truncation, split, duplicate, padding).',
  arbitrary: ctx => {
    if (ctx.seeds.length === 0) throw new Error('the seeds mode needs corpus/seeds/*.json');
    return fc.nat({ max: ctx.seeds.length - 1 }).chain(i => mutateSeed(ctx.seeds[i]!.steps));
  },
};
