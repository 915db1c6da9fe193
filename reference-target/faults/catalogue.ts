// The catalogue of every `--fault` the reference target knows, looked up by ID.
import { UsageError } from '../../harness/errors.js';
import { dataFaults } from './data.js';
import type { FaultDef } from './define.js';
import { loginFaults } from './login.js';
import { miscFaults } from './misc.js';
import { numberingFaults } from './numbering.js';

/** Every fault, in listing order. */
export const catalogue: readonly FaultDef[] = [...loginFaults, ...numberingFaults, ...dataFaults, ...miscFaults];

/** `fault/` prefixed form of a fault name. */
export const faultId = (raw: string): string => (raw.startsWith('fault/') ? raw : `fault/${raw}`);

/**
 * The iSCSI-layer faults with these IDs (the `fault/` prefix may be left out). IDs in `elsewhere` (the SCSI layer's
 * own faults) are skipped; any other unknown ID is a UsageError.
 */
export function faultsById(ids: readonly string[], elsewhere: ReadonlySet<string> = new Set()): FaultDef[] {
  const out: FaultDef[] = [];
  for (const raw of ids) {
    const id = faultId(raw);
    const f = catalogue.find(x => x.id === id);
    if (f) out.push(f);
    else if (!elsewhere.has(id)) throw new UsageError(`unknown fault '${raw}' (see: target --list-faults)`, 'ERR_UNKNOWN_FAULT');
  }
  return out;
}
