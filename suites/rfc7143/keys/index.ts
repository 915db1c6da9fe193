// The operational-key sections of RFC 7143 §13, in section order (imported explicitly, report order).
import type { Section } from '../../../harness/runner/case.js';
import digests from './13.1-header-digest-data-digest.js';
import maxConnections from './13.2-max-connections.js';
import sendTargets from './13.3-send-targets.js';
import initiatorAlias from './13.7-initiator-alias.js';
import initialR2T from './13.10-initial-r2t.js';
import immediateData from './13.11-immediate-data.js';
import maxRecvDataSegmentLength from './13.12-max-recv-data-segment-length.js';
import maxBurstLength from './13.13-max-burst-length.js';
import firstBurstLength from './13.14-first-burst-length.js';
import defaultTime2Wait from './13.15-default-time2wait.js';
import defaultTime2Retain from './13.16-default-time2retain.js';
import maxOutstandingR2T from './13.17-max-outstanding-r2t.js';
import dataPduInOrder from './13.18-data-pdu-in-order.js';
import dataSequenceInOrder from './13.19-data-sequence-in-order.js';
import errorRecoveryLevel from './13.20-error-recovery-level.js';
import privateKeys from './13.22-private-extension-keys.js';
import taskReporting from './13.23-task-reporting.js';
import protocolLevel from './13.24-iscsi-protocol-level.js';
import obsoleted from './13.25-obsoleted-keys.js';
import nodeArchitecture from './13.26-x-node-architecture.js';

/** Every key section, §13 order. */
export const keysSections: readonly Section[] = [
  digests, maxConnections, sendTargets, initiatorAlias, initialR2T, immediateData, maxRecvDataSegmentLength,
  maxBurstLength, firstBurstLength, defaultTime2Wait, defaultTime2Retain, maxOutstandingR2T, dataPduInOrder,
  dataSequenceInOrder, errorRecoveryLevel, privateKeys, taskReporting, protocolLevel, obsoleted, nodeArchitecture,
];
