// Starts an in-process target on an ephemeral loopback port with the fake SCSI device, for tests.
import type { TextPair } from '../../harness/text/codec.js';
import type { TargetConfigInput } from '../config.js';
import { RawClient } from './raw-client.js';
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

/** Something a test closes when it ends. */
export interface Closable { close(): unknown }

/**
 * A test target with one client logged in to Full Feature Phase (its CmdSN taken from the response); both are put on
 * `open` for the test's afterEach to close.
 */
export async function loggedInClient(open: Closable[], cfg: TargetConfigInput = {}, keys: TextPair[] = []) {
  const t = await startTestTarget(cfg);
  open.push({ close: () => t.target.close(0) });
  const c = await RawClient.connect(t.port);
  open.push(c);
  const login = await c.login(TEST_IQN, keys);
  if (login.rsp.statusClass !== 0) throw new Error(`test login failed: status 0x${login.rsp.statusClass.toString(16)}${login.rsp.statusDetail.toString(16).padStart(2, '0')}`);
  c.cmdSN = login.rsp.expCmdSN;
  return { ...t, c, login };
}
