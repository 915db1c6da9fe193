// SendTargets (RFC 7143 Appendix C): target records for a Discovery session, or this target in a Normal one.
import type { TextPair } from '../../harness/text/codec.js';
import type { TargetContext } from '../context.js';

/**
 * The answer to SendTargets=<value>. `All` lists every target in a Discovery session and MUST NOT be supported in a
 * Normal one: there it gets zero records, since a SendTargets response holds only TargetName and TargetAddress
 * (Appendix C) and SendTargets is sent by initiators only (§13.3), so SendTargets=Reject is no answer. A name lists
 * that target if it is ours; an empty value names the target the session is logged in to.
 */
export function sendTargets(ctx: TargetContext, value: string, type: 'Normal' | 'Discovery'): TextPair[] {
  const { config, portal } = ctx;
  const host = portal.host.includes(':') ? `[${portal.host}]` : portal.host;
  const record = [{ key: 'TargetName', value: config.iqn }, { key: 'TargetAddress', value: `${host}:${portal.port},${config.tpgt}` }];
  if (value === 'All') return type === 'Discovery' ? record : [];
  if (value === '') return type === 'Normal' ? record : [];
  return value === config.iqn ? record : [];
}
