// Code tables of RFC 7143 §11 (PDU-LAYOUTS.md "Code tables"): names for printing and legal sets.

/** The reserved tag value 0xffffffff (ITT/TTT "none"). */
export const NO_TAG = 0xffffffff;

/** Login stages (§11.12: CSG/NSG); 2 is reserved. */
export const Stage = { 0: 'Security', 1: 'Operational', 3: 'FullFeature' } as const;

/** SCSI Command task attributes (§11.3.1: ATTR); 5-7 reserved. */
export const TaskAttr = { 0: 'Untagged', 1: 'Simple', 2: 'Ordered', 3: 'HeadOfQueue', 4: 'ACA' } as const;

/** SCSI Response "Response" codes (§11.4.3); 0x80-0xff vendor specific. */
export const ScsiResponseCode: Record<number, string> = { 0: 'Completed', 1: 'TargetFailure' };
for (let v = 0x80; v <= 0xff; v++) ScsiResponseCode[v] = `Vendor${v.toString(16)}`;

/** SAM status byte values that may appear in iSCSI responses. */
export const ScsiStatus = { 0x00: 'GOOD', 0x02: 'CHECK_CONDITION', 0x04: 'CONDITION_MET', 0x08: 'BUSY', 0x18: 'RESERVATION_CONFLICT', 0x28: 'TASK_SET_FULL', 0x30: 'ACA_ACTIVE', 0x40: 'TASK_ABORTED' } as const;

/** Task management functions (§11.5.1); 9-12 come from RFC 7144. */
export const TmfFunction = { 1: 'ABORT_TASK', 2: 'ABORT_TASK_SET', 3: 'CLEAR_ACA', 4: 'CLEAR_TASK_SET', 5: 'LOGICAL_UNIT_RESET', 6: 'TARGET_WARM_RESET', 7: 'TARGET_COLD_RESET', 8: 'TASK_REASSIGN', 9: 'QUERY_TASK', 10: 'QUERY_TASK_SET', 11: 'I_T_NEXUS_RESET', 12: 'QUERY_ASYNC_EVENT' } as const;

/** Task management responses (§11.6.1); 7 comes from RFC 7144. */
export const TmfResponse = { 0: 'FunctionComplete', 1: 'TaskDoesNotExist', 2: 'LunDoesNotExist', 3: 'TaskStillAllegiant', 4: 'ReassignmentNotSupported', 5: 'TmfNotSupported', 6: 'AuthorizationFailed', 7: 'FunctionSucceeded', 255: 'FunctionRejected' } as const;

/** Asynchronous events (§11.9.1). */
export const AsyncEvent = { 0: 'ScsiEvent', 1: 'LogoutRequest', 2: 'DropConnection', 3: 'DropAllConnections', 4: 'RequestNegotiation', 5: 'TaskTermination', 248: 'VendorSpecific', 255: 'VendorSpecific255' } as const;

/** Logout reason codes (§11.14.1). */
export const LogoutReason = { 0: 'CloseSession', 1: 'CloseConnection', 2: 'RemoveConnectionForRecovery' } as const;

/** Logout response codes (§11.15.1). */
export const LogoutResponse = { 0: 'Success', 1: 'CidNotFound', 2: 'RecoveryNotSupported', 3: 'CleanupFailed' } as const;

/** SNACK types (§11.16.1). */
export const SnackType = { 0: 'DataR2T', 1: 'Status', 2: 'DataACK', 3: 'RData' } as const;

/** Reject reasons (§11.17.1). */
export const RejectReason = { 2: 'DataDigestError', 3: 'SnackReject', 4: 'ProtocolError', 5: 'CommandNotSupported', 6: 'ImmediateCommandReject', 7: 'TaskInProgress', 8: 'InvalidDataAck', 9: 'InvalidPduField', 10: 'LongOpReject', 11: 'NegotiationReset', 12: 'WaitingForLogout' } as const;

/** Login Status-Class (§11.13.5). */
export const LoginStatusClass = { 0: 'Success', 1: 'Redirection', 2: 'InitiatorError', 3: 'TargetError' } as const;

/** Login status (class << 8 | detail) names, §11.13.5. */
export const LoginStatus: Record<number, string> = {
  0x0000: 'Success', 0x0101: 'TargetMovedTemporarily', 0x0102: 'TargetMovedPermanently',
  0x0200: 'InitiatorError', 0x0201: 'AuthenticationFailure', 0x0202: 'AuthorizationFailure', 0x0203: 'NotFound',
  0x0204: 'TargetRemoved', 0x0205: 'UnsupportedVersion', 0x0206: 'TooManyConnections', 0x0207: 'MissingParameter',
  0x0208: 'CantIncludeInSession', 0x0209: 'SessionTypeNotSupported', 0x020a: 'SessionDoesNotExist', 0x020b: 'InvalidDuringLogin',
  0x0300: 'TargetError', 0x0301: 'ServiceUnavailable', 0x0302: 'OutOfResources',
};
