// libiscsi URL syntax, iscsi://[user[%secret]@]host[:port]/iqn/lun[?target_user=..&target_password=..
// &initiator_name=..&initiator_name2=..]; a malformed URL is a UsageError (exit 2, nothing run).
import { UsageError } from '../errors.js';
import type { TargetInfo } from './target-info.js';

/** Our default initiator name (a second one for two-nexus cases). */
export const DEFAULT_INITIATOR = 'iqn.2026-11.org.iscsi-conformance:initiator';
const DEFAULT_INITIATOR2 = 'iqn.2026-11.org.iscsi-conformance:initiator2';

/** Parses a libiscsi target URL; never echoes the secret in its error messages. */
export function parseTargetUrl(url: string): TargetInfo {
  const m = /^iscsi:\/\/(?:([^@/]*)@)?(\[[0-9a-fA-F:.]+\]|[^/:?#\[\]@]+)(?::(\d+))?\/([^/?#]+)\/(\d+)\/?(?:\?(.*))?$/.exec(url);
  if (!m) throw new UsageError('malformed target URL: expected iscsi://[user[%secret]@]host[:port]/<target-iqn>/<lun>', 'ERR_BAD_URL');
  const [, auth, host, port, iqn, lun, query] = m;
  const portNum = port === undefined ? 3260 : Number(port);
  if (!Number.isInteger(portNum) || portNum < 1 || portNum > 65535) throw new UsageError(`malformed target URL: port ${port} is out of range`, 'ERR_BAD_URL');
  const lunNum = Number(lun);
  if (lunNum > 16383) throw new UsageError(`malformed target URL: LUN ${lun} is above 16383`, 'ERR_BAD_URL');
  const info: TargetInfo = { host: host!.replace(/^\[|\]$/g, ''), port: portNum, iqn: decodeURIComponent(iqn!), lun: lunNum, initiatorName: DEFAULT_INITIATOR, initiatorName2: DEFAULT_INITIATOR2 };
  if (auth !== undefined && auth !== '') {
    const pct = auth.indexOf('%');
    info.user = decodeURIComponent(pct < 0 ? auth : auth.slice(0, pct));
    if (pct >= 0) info.secret = auth.slice(pct + 1);
  }
  for (const part of (query ?? '').split('&').filter(Boolean)) {
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
    if (k === 'target_user') info.targetUser = v;
    else if (k === 'target_password') info.targetSecret = v;
    else if (k === 'initiator_name' || k === 'initiator-name') info.initiatorName = v;
    else if (k === 'initiator_name2' || k === 'initiator-name2') info.initiatorName2 = v;
    else if (k !== 'header_digest') throw new UsageError(`malformed target URL: unknown parameter ${k}`, 'ERR_BAD_URL');
  }
  if ((info.targetUser === undefined) !== (info.targetSecret === undefined)) throw new UsageError('malformed target URL: target_user and target_password go together', 'ERR_BAD_URL');
  return info;
}
