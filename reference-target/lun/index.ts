// Builds the backend a LUN's configuration asks for.
import type { LunConfig } from '../config.js';
import type { LunBackend } from './backend.js';
import { FileLun } from './file.js';
import { RamLun } from './ram.js';

export type { LunBackend, ProvisioningRun } from './backend.js';

/** Opens a RAM or file backend sized `size / blockSize` blocks. */
export async function openLun(spec: LunConfig): Promise<LunBackend> {
  const blocks = Math.floor(spec.size / spec.blockSize);
  if (spec.backing === 'file') {
    if (!spec.path) throw new Error(`LUN ${spec.lun}: a file LUN needs a path`);
    return FileLun.open(spec.path, blocks, spec.blockSize);
  }
  return new RamLun(blocks, spec.blockSize);
}
