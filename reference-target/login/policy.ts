// What the target wants from negotiation: its limits and choices as a harness/text Policy (RFC 7143 §13).
import { defaultPolicy, type Policy } from '../../harness/text/negotiate.js';
import type { TargetConfig } from '../config.js';

/** The target's side of every key it answers. ERL 0 only: we do not implement SNACK recovery (§7.1.5). */
export function targetPolicy(config: TargetConfig): Policy {
  const l = config.limits;
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
    MaxOutstandingR2T: String(l.maxOutstandingR2T),
    DataPDUInOrder: 'Yes',
    DataSequenceInOrder: 'Yes',
    ErrorRecoveryLevel: '0',
    DefaultTime2Wait: '2',
    DefaultTime2Retain: '0',
    TaskReporting: 'RFC3720',
  };
}
