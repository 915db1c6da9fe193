// The reference target as a library: startTarget(config) -> { url, port, close() }, run in-process by tests and the CLI.
import { parseTargetConfig, type TargetConfig, type TargetConfigInput, type TargetLogger } from './config.js';
import { TargetContext } from './context.js';
import { catalogue, faultId, faultsById } from './faults/catalogue.js';
import { FaultSet } from './faults/define.js';
import { silentLogger } from './log.js';
import type { ScsiDevice } from './scsi/device.js';
import { createScsiDevice, SCSI_FAULT_IDS, SCSI_FAULTS } from './scsi/index.js';
import { TargetServer } from './server.js';

export { parseTargetConfig, type LunConfig, type TargetConfig, type TargetConfigInput } from './config.js';
export { catalogue as faultCatalogue } from './faults/catalogue.js';

/** Extra wiring that is not configuration. */
export interface StartOptions {
  /** The SCSI layer; by default reference-target/scsi builds one from config.luns (tests pass a fake). */
  device?: ScsiDevice;
  logger?: TargetLogger;
  /** What a `crash` fault does; default: process.exit(70) (the point of the fault). */
  onCrash?: (reason: string) => void;
}

/** A running target. */
export interface RunningTarget {
  /** libiscsi-style URL of the first LUN: iscsi://127.0.0.1:3260/iqn.../0 */
  url: string;
  host: string;
  port: number;
  config: TargetConfig;
  /** Asks initiators to log out, then closes everything (bounded by graceMs). */
  close(graceMs?: number): Promise<void>;
}

/** Every fault either layer knows: ID, clause, description, and the rare trigger if any. */
export function listFaults(): { id: string; ref: string; description: string; trigger?: string }[] {
  const ours = catalogue.map(f => ({ id: f.id, ref: f.ref, description: f.description, ...(f.trigger ? { trigger: f.trigger } : {}) }));
  return [...ours, ...SCSI_FAULTS];
}

/** Validates the config, builds the SCSI device, listens, and returns the running target. */
export async function startTarget(input: TargetConfigInput, opts: StartOptions = {}): Promise<RunningTarget> {
  const config = parseTargetConfig(input);
  const faults = new FaultSet(faultsById(config.faults, SCSI_FAULT_IDS));
  const device = opts.device ?? (await createScsiDevice(config.luns, {
    targetName: config.iqn, faults: new Set(config.faults.map(faultId).filter(id => SCSI_FAULT_IDS.has(id))),
  }));
  const log = opts.logger ?? silentLogger;
  const crash = opts.onCrash ?? ((reason: string) => { log.warn(`crashing on purpose: ${reason}`); process.exit(70); });
  const ctx = new TargetContext(config, device, log, faults, crash);
  const server = new TargetServer(ctx);
  const addr = await server.listen(config.host, config.port);
  ctx.portal = addr;
  const host = addr.host.includes(':') ? `[${addr.host}]` : addr.host;
  const lun0 = config.luns[0]?.lun ?? 0;
  let closing: Promise<void> | undefined;
  return {
    url: `iscsi://${host}:${addr.port}/${config.iqn}/${lun0}`, host: addr.host, port: addr.port, config,
    close: (graceMs?: number) => (closing ??= server.close(graceMs).then(() => device.close())),
  };
}
