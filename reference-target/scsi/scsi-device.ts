// The ScsiDevice the iSCSI layer drives: LUs built from their configuration, one command at a time
// per LU (which makes COMPARE AND WRITE atomic), resets and nexus loss per SAM-5/SPC-4.
import type { LunConfig } from '../config.js';
import { lunFromNumber, lunToNumber } from '../../harness/scsi/lun.js';
import { openLun } from '../lun/index.js';
import type { Nexus, ScsiDevice, ScsiRequest, ScsiReset, ScsiResult } from './device.js';
import { executeCommand, wantedDataOut } from './execute.js';
import type { DeviceInfo } from './handler.js';
import { LogicalUnit } from './logical-unit.js';

/** Identity and fault options of createScsiDevice. */
export interface ScsiDeviceOptions {
  vendor?: string;
  product?: string;
  revision?: string;
  serial?: string;
  targetName?: string;
  /** SCSI fault ids to switch on (faults.ts). */
  faults?: ReadonlySet<string>;
}

/** LUN configuration as reference-target/config.ts defines it. */
export type LunSpec = LunConfig;

/** Builds the device; opens (and creates) every backing store. */
export async function createScsiDevice(specs: readonly LunSpec[], opts: ScsiDeviceOptions = {}): Promise<ScsiDevice> {
  const faults = opts.faults ?? new Set<string>();
  const luns = new Map<number, LogicalUnit>();
  for (const s of specs) {
    if (luns.has(s.lun)) throw new Error(`LUN ${s.lun} configured twice`);
    luns.set(s.lun, new LogicalUnit(s.lun, await openLun(s), !faults.has('fault/ua-never')));
  }
  const dev: DeviceInfo = {
    vendor: opts.vendor ?? 'ISCSICNF', product: opts.product ?? 'reference target', revision: opts.revision ?? '0001',
    serial: opts.serial ?? 'ISCSICNF0001', targetName: opts.targetName ?? 'iqn.2026-11.org.iscsi-conformance:target0', luns, faults,
  };
  // Commands on one LU run one after another: a chain of promises per LU.
  const queues = new Map<number, Promise<unknown>>();
  const serial = <T>(lun: number | undefined, job: () => Promise<T>): Promise<T> => {
    if (lun === undefined || !luns.has(lun)) return job();
    const next = (queues.get(lun) ?? Promise.resolve()).then(job, job);
    queues.set(lun, next.catch(() => undefined));
    return next;
  };
  const affected = (lun?: bigint): LogicalUnit[] => {
    if (lun === undefined) return [...luns.values()];
    const n = lunToNumber(lun);
    const lu = n === undefined ? undefined : luns.get(n);
    return lu ? [lu] : [];
  };

  return {
    luns: () => [...luns.keys()].sort((a, b) => a - b).map(lunFromNumber),
    dataOutLength: req => wantedDataOut(dev, req),
    execute: (req: ScsiRequest): Promise<ScsiResult> => serial(lunToNumber(req.lun), () => executeCommand(dev, req)),
    reset(kind: ScsiReset, _nexus: Nexus, lun?: bigint): void {
      // ABORT TASK SET / CLEAR TASK SET touch only tasks, which the iSCSI layer owns (SAM-5).
      if (kind === 'abort-task-set' || kind === 'clear-task-set') return;
      const scope = kind === 'lun-reset' ? affected(lun) : affected();
      for (const lu of scope) lu.reset();
    },
    nexusLost(nexus: Nexus): void {
      for (const lu of luns.values()) lu.nexusLost(nexus.key);
    },
    async close(): Promise<void> {
      await Promise.all([...queues.values()]);
      for (const lu of luns.values()) { await lu.backend.flush(); await lu.backend.close(); }
    },
  };
}
