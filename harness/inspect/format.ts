// Printing inspect results: one line per PDU for people, one JSON object per PDU for tools.
import type { CheckViolation } from '../check/define-rule.js';
import { printPdu } from '../pdu/registry.js';
import type { InspectedPdu } from './inspect.js';

const arrow = { i2t: 'I->T', t2i: 'T->I' } as const;

/** One human-readable line: time, connection, direction, the PDU's fields, keys, problems. */
export function formatLine(r: InspectedPdu): string {
  const parts = [r.time.toFixed(6).padStart(11), `c${r.conn}`, arrow[r.dir], printPdu(r.pdu)];
  if (r.continued) parts.push('(text continues)');
  if (r.keys?.length) parts.push(`keys: ${r.keys.map(k => `${k.key}=${k.value}`).join(' ')}`);
  if (r.digestOk === false) parts.push('DIGEST MISMATCH');
  for (const v of r.violations) parts.push(`!${v.rule}`);
  return parts.join('  ');
}

/** JSON-safe copy of a value: bigints become decimal strings, buffers hex. */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (Buffer.isBuffer(v)) return v.toString('hex');
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** The checker's findings for one PDU, one indented line each: rule, section, message, level and side tags. */
export function formatChecks(checks: readonly CheckViolation[]): string[] {
  return checks.map(v => `  ! ${v.rule} ${v.ref} ${v.message}${v.level === 'SHOULD' ? ' [SHOULD]' : ''} [${v.side}]`);
}

/**
 * One JSON object per PDU (stable keys: time, conn, dir, type, opcode, fields, dataLength, keys, violations, and
 * `checks` when the checker ran).
 */
export function formatJson(r: InspectedPdu, checks?: readonly CheckViolation[]): string {
  const { type, data, ahs, ...fields } = r.pdu as unknown as Record<string, unknown> & { type: string; data: Buffer; ahs: unknown[] };
  const opcode = r.pdu.type === 'Raw' ? r.pdu.opcode : undefined;
  return JSON.stringify({
    time: Number(r.time.toFixed(6)), conn: r.conn, dir: r.dir, type, ...(opcode === undefined ? {} : { opcode }),
    fields: plain(fields), ahs: plain(ahs), dataLength: data.length,
    ...(r.keys ? { keys: r.keys } : {}), ...(r.continued ? { continued: true } : {}),
    digestOk: r.digestOk, violations: r.violations, ...(checks ? { checks } : {}),
  });
}
