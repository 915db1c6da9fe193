// Runs the checker over inspected capture PDUs: one checker per TCP connection, in capture order.
import type { InspectedPdu } from '../inspect/inspect.js';
import { createChecker, type CheckerOptions, type CheckSummary } from './checker.js';
import type { CheckViolation } from './define-rule.js';

/** Checker findings of one capture: per PDU (same order as the input) and a summary over all connections. */
export interface CaptureCheck {
  checks: CheckViolation[][];
  summary: CheckSummary;
}

/** Checks the PDUs of an inspect result (passive mode unless told otherwise). */
export function checkInspected(pdus: readonly InspectedPdu[], opts: Partial<CheckerOptions> = {}): CaptureCheck {
  const checkers = new Map<number, ReturnType<typeof createChecker>>();
  const checks = pdus.map(r => {
    let c = checkers.get(r.conn);
    if (!c) checkers.set(r.conn, (c = createChecker({ mode: 'passive', ...opts })));
    const framed = r.framed;
    return r.dir === 'i2t' ? c.onInitiatorPdu(r.pdu, framed) : c.onTargetPdu(r.pdu, framed);
  });
  for (const c of checkers.values()) c.onClose('end of capture');
  const summary: CheckSummary = { pdus: 0, violations: 0, must: 0, should: 0, byRule: {} };
  for (const c of checkers.values()) {
    summary.pdus += c.summary.pdus; summary.violations += c.summary.violations;
    summary.must += c.summary.must; summary.should += c.summary.should;
    for (const [k, n] of Object.entries(c.summary.byRule)) summary.byRule[k] = (summary.byRule[k] ?? 0) + n;
  }
  return { checks, summary };
}
