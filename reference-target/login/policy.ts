// What the target wants from negotiation: its limits and choices as a harness/text Policy (RFC 7143 §13).
import { defaultPolicy, type Policy } from '../../harness/text/negotiate.js';
import type { NegotiatedParams } from '../../harness/text/params.js';
import type { TextPair } from '../../harness/text/codec.js';
import type { TargetConfig } from '../config.js';

/** What this login has offered and concluded so far, for the answers that depend on other keys. */
export interface LoginSoFar {
  /** The keys of the request being answered. */
  pairs: readonly TextPair[];
  /** Values concluded in earlier requests of this login. */
  params: NegotiatedParams;
  /** Keys concluded in earlier requests (negotiated keys appear under their bare name, harness/text/rules). */
  negotiated: ReadonlySet<string>;
}

/** The target's side of every key it answers; ErrorRecoveryLevel up to config.erl (§13.20). */
export function targetPolicy(config: TargetConfig, soFar?: LoginSoFar): Policy {
  const l = config.limits;
  const { erl, maxOutstandingR2T } = erlAndR2t(config, soFar);
  return {
    ...defaultPolicy(),
    AuthMethod: config.chap ? 'CHAP' : 'None',
    CHAP_A: '5,6,7,8',
    // §6.2.1: the first value of the initiator's list that we support wins; supporting only CRC32C forces digests.
    HeaderDigest: config.digests === 'required' ? 'CRC32C' : 'CRC32C,None',
    DataDigest: config.digests === 'required' ? 'CRC32C' : 'CRC32C,None',
    MaxConnections: String(l.maxConnectionsPerSession),
    // OR: our "No" lets the initiator decide; AND: our "Yes" lets it decide too.
    InitialR2T: 'No',
    ImmediateData: 'Yes',
    MaxBurstLength: String(l.maxBurstLength),
    FirstBurstLength: String(l.firstBurstLength),
    MaxOutstandingR2T: String(maxOutstandingR2T),
    DataPDUInOrder: 'Yes',
    DataSequenceInOrder: 'Yes',
    ErrorRecoveryLevel: String(erl),
    DefaultTime2Wait: '2',
    DefaultTime2Retain: '0',
    TaskReporting: 'RFC3720',
  };
}

/**
 * §13.19: with ErrorRecoveryLevel > 0 and DataSequenceInOrder=Yes (which our "Yes" under OR always makes it),
 * MaxOutstandingR2T MUST be 1. The two keys may come in either order across login requests, so: once the initiator
 * offers ERL >= 1 (now or earlier) we answer MaxOutstandingR2T=1; and if MaxOutstandingR2T was already concluded
 * above 1, we answer ERL 0 (Minimum lets us answer lower) rather than break the rule. Sessions at ERL 0 keep the
 * configured limit.
 */
function erlAndR2t(config: TargetConfig, soFar: LoginSoFar | undefined): { erl: number; maxOutstandingR2T: number } {
  const limit = config.limits.maxOutstandingR2T;
  if (config.erl === 0 || !soFar) return { erl: config.erl, maxOutstandingR2T: config.erl === 0 ? limit : 1 };
  const concluded = (key: string): boolean => soFar.negotiated.has(key);
  const r2tEarlier = concluded('MaxOutstandingR2T') && !soFar.pairs.some(p => p.key === 'MaxOutstandingR2T');
  const erl = r2tEarlier && soFar.params.maxOutstandingR2T !== 1 ? 0 : config.erl;
  const offered = soFar.pairs.find(p => p.key === 'ErrorRecoveryLevel')?.value;
  const initiatorErl = offered !== undefined ? Number(offered) : concluded('ErrorRecoveryLevel') ? soFar.params.errorRecoveryLevel : 0;
  return { erl, maxOutstandingR2T: erl >= 1 && initiatorErl >= 1 ? 1 : limit };
}
