// The catalogue of every `--fault` the reference target knows, looked up by ID.
import { UsageError } from '../../harness/errors.js';
import { dataFaults } from './data.js';
import type { FaultDef } from './define.js';
import { loginFaults } from './login.js';
import { miscFaults } from './misc.js';
import { numberingFaults } from './numbering.js';

/** Every fault, in listing order. */
export const catalogue: readonly FaultDef[] = [...loginFaults, ...numberingFaults, ...dataFaults, ...miscFaults];

/** The faults with these IDs (the `fault/` prefix may be left out); UsageError for an unknown one. */
export function faultsById(ids: readonly string[]): FaultDef[] {
  return ids.map(raw => {
    const id = raw.startsWith('fault/') ? raw : `fault/${raw}`;
    const f = catalogue.find(x => x.id === id);
    if (!f) throw new UsageError(`unknown fault '${raw}' (see: target --list-faults)`, 'ERR_UNKNOWN_FAULT');
    return f;
  });
}
