// The harness's small error family (STYLE.md "Errors"): tests assert on `code`, never on text.

/** Base of every error the harness throws on purpose; anything else is a bug. */
export class HarnessError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command line or configuration: exit 2, nothing run. */
export class UsageError extends HarnessError {
  constructor(message: string, code = 'ERR_USAGE') { super(code, message); }
}

/** Bytes that cannot be framed or decoded at all; says where. */
export class DecodeError extends HarnessError {
  constructor(message: string, readonly offset: number, readonly field?: string, code = 'ERR_DECODE') {
    super(code, message);
  }
}

/** The peer or the socket misbehaved (closed, timed out, sent a length we refuse to buffer). */
export class TransportError extends HarnessError {
  constructor(message: string, code = 'ERR_TRANSPORT') { super(code, message); }
}

/** The target could not be reached at all at the start of a run: exit 3. */
export class TargetUnreachable extends HarnessError {
  constructor(message: string) { super('ERR_TARGET_UNREACHABLE', message); }
}

/** A fault of the harness itself: verdict `error`, stack kept for the JSON report. */
export class InternalError extends HarnessError {
  constructor(message: string) { super('ERR_INTERNAL', message); }
}
