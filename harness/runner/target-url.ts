// Target URL -> TargetInfo through the initiator's libiscsi URL parser (harness/initiator/url.ts);
// a malformed URL, or one without target and LUN, is a UsageError (exit 2, nothing run).
import { UsageError } from '../errors.js';
import { parseUrl } from '../initiator/url.js';
import type { TargetInfo } from './target-info.js';

/** Our default initiator name (a second one for two-nexus cases). */
export const DEFAULT_INITIATOR = 'iqn.2026-11.org.iscsi-conformance:initiator';
const DEFAULT_INITIATOR2 = 'iqn.2026-11.org.iscsi-conformance:initiator2';

/** Parses a libiscsi target URL; never echoes the secret in its error messages. */
export function parseTargetUrl(url: string): TargetInfo {
  const u = parseUrl(url);
  if (u.target === undefined || u.lun === undefined) throw new UsageError('the target URL needs a target name and a LUN: iscsi://host[:port]/<target-iqn>/<lun>', 'ERR_BAD_URL');
  const info: TargetInfo = {
    host: u.host, port: u.port, iqn: u.target, lun: u.lun,
    initiatorName: u.initiatorName ?? DEFAULT_INITIATOR, initiatorName2: u.initiatorName2 ?? DEFAULT_INITIATOR2,
  };
  if (u.user !== undefined) info.user = u.user;
  if (u.secret !== undefined) info.secret = u.secret;
  if (u.targetUser !== undefined) info.targetUser = u.targetUser;
  if (u.targetSecret !== undefined) info.targetSecret = u.targetSecret;
  return info;
}
