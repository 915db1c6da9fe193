// Login Status-Class/Status-Detail values the target answers with (RFC 7143 §11.13.5).

/** Status = class << 8 | detail, as in LoginStatus of harness/pdu/types/codes.ts. */
export const Status = {
  success: 0x0000,
  initiatorError: 0x0200,
  authenticationFailure: 0x0201,
  authorizationFailure: 0x0202,
  notFound: 0x0203,
  unsupportedVersion: 0x0205,
  tooManyConnections: 0x0206,
  missingParameter: 0x0207,
  cantIncludeInSession: 0x0208,
  sessionTypeNotSupported: 0x0209,
  sessionDoesNotExist: 0x020a,
  invalidDuringLogin: 0x020b,
  targetError: 0x0300,
  outOfResources: 0x0302,
} as const;

/** A login that ends with a non-zero status; a value, returned by login steps. */
export interface LoginFailure {
  status: number;
  /** Why, for the log (never a secret). */
  reason: string;
}

/** Builds a LoginFailure. */
export const fail = (status: number, reason: string): LoginFailure => ({ status, reason });
