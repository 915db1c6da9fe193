// Every generator mode, in the order `fuzz --list-modes` shows them; `all` draws from each in turn.
import fc from 'fast-check';
import { bhsMode } from './bhs.js';
import { cdbMode } from './cdb.js';
import { ffpMode } from './ffp.js';
import { loginMode } from './login.js';
import type { FuzzMode } from './mode.js';
import { seedsMode } from './seeds.js';
import { sessionMode } from './session.js';
import { textMode } from './text.js';

export type { FuzzMode, ModeContext } from './mode.js';

/** The modes by name. */
export const MODES: readonly FuzzMode[] = [loginMode, textMode, ffpMode, cdbMode, bhsMode, seedsMode, sessionMode];

/** Every mode name plus `all`. */
export const MODE_NAMES = [...MODES.map(m => m.name), 'all'] as const;

/**
 * How often `all` draws each mode. Scripts that reach full feature phase and carry SCSI commands (cdb, session) find
 * the most per second; a `seeds` script costs several times another mode's (whole captured sessions), so it gets less.
 */
export const ALL_WEIGHTS: Readonly<Record<string, number>> = { login: 2, text: 1, ffp: 2, cdb: 5, bhs: 2, seeds: 1, session: 3 };

/** `all`: each script comes from one mode picked by fast-check (so it shrinks within its mode). */
export const allMode: FuzzMode = {
  name: 'all',
  describe: 'Each script from one of the modes above, picked by the seed (weighted toward cdb and session).',
  arbitrary: ctx => fc.oneof(...MODES.filter(m => m.name !== 'seeds' || ctx.seeds.length > 0)
    .map(m => ({ weight: ALL_WEIGHTS[m.name] ?? 1, arbitrary: m.arbitrary(ctx) }))),
};

/** The mode named `name` (or `all`). */
export function modeNamed(name: string): FuzzMode | undefined {
  return name === 'all' ? allMode : MODES.find(m => m.name === name);
}
