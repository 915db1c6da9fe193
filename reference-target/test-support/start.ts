// Starts an in-process target on an ephemeral loopback port with the fake SCSI device, for tests.
import type { TargetConfigInput } from '../config.js';
import { startTarget, type RunningTarget } from '../index.js';
import { memoryLogger } from '../log.js';
import { fakeDevice } from './fake-device.js';

/** The IQN every test target uses. */
export const TEST_IQN = 'iqn.2026-11.test:target';

/** A test target, its fake device and its log lines. */
export async function startTestTarget(cfg: TargetConfigInput = {}) {
  const device = fakeDevice();
  const logger = memoryLogger();
  const crashes: string[] = [];
  const target: RunningTarget = await startTarget({ iqn: TEST_IQN, ...cfg, host: '127.0.0.1', port: 0 },
    { device, logger, onCrash: r => { crashes.push(r); } });
  return { target, device, logger, crashes, port: target.port };
}
