// Mode `session`: model-based sessions (fc.commands) interleaving legal steps (writes, reads of what was written,
// pings, TMFs, re-logins) with illegal PDUs; the model turns the command list into a script, so a shrunk
// counterexample is a replayable script and a READ that disagrees with the model fires the "data" oracle.
import fc from 'fast-check';
import type { Step } from '../../script/schema.js';
import { IllegalCommand } from '../session/illegal-command.js';
import { REGION_BLOCKS, type SessionModel, type StepSink } from '../session/model.js';
import { NopCommand } from '../session/nop-command.js';
import { ReadCommand } from '../session/read-command.js';
import { ReloginCommand } from '../session/relogin-command.js';
import { TmfCommand } from '../session/tmf-command.js';
import { WriteCommand } from '../session/write-command.js';
import { mutateSend } from '../mutators.js';
import { arbitrarySend } from './ffp.js';
import { arbitraryBlockCount } from './cdb-values.js';
import { arbitraryLogin, arbitraryReady, type FuzzMode } from './mode.js';

const lba = fc.nat({ max: REGION_BLOCKS - 4 });
const commands = [
  fc.tuple(lba, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 255 })).map(([l, n, f]) => new WriteCommand(l, n, f)),
  // Reads mostly of a few blocks, sometimes long ones (burst-limit boundaries): a read spanning several Data-In
  // sequences is where DataSN, BufferOffset and F-bit bookkeeping across sequences gets exercised.
  fc.tuple(lba, fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: arbitraryBlockCount() }))
    .map(([l, n]) => new ReadCommand(l, n)),
  fc.uint8Array({ maxLength: 8 }).map(d => new NopCommand(Buffer.from(d).toString('hex'))),
  fc.tuple(fc.integer({ min: 1, max: 14 }), fc.oneof(fc.constant(0xffffffff), fc.nat())).map(([f, r]) => new TmfCommand(f, r)),
  fc.boolean().map(r => new ReloginCommand(r)),
  arbitrarySend().chain(mutateSend).map(m => new IllegalCommand(m)),
];

/** Runs the commands against the model only (fast-check's modelRun), collecting the steps they stand for. */
function toSteps(cmds: Iterable<fc.Command<SessionModel, StepSink>>, login: Step, ready: Step[]): Step[] {
  const sink: StepSink = { steps: [] };
  fc.modelRun(() => ({ model: { written: new Map(), loggedIn: true }, real: sink }), cmds);
  return [{ op: 'connect' }, login, ...ready, ...sink.steps, { op: 'disconnect' }, { op: 'probe' }];
}

/** The mode. */
export const sessionMode: FuzzMode = {
  name: 'session',
  describe: 'Model-based sessions (fast-check commands): WRITE(10)s of patterns, READ(10)s of blocks written earlier, some spanning several bursts (checked against the model), pings, task management, re-logins, interleaved with illegal PDUs; shrinks to the shortest command list.',
  arbitrary: ctx => fc.tuple(arbitraryLogin(), arbitraryReady, fc.commands(commands, { maxCommands: ctx.maxBody * 2 }))
    .map(([login, ready, cmds]) => toSteps(cmds, login, ready)),
};
