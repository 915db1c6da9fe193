// Logging helpers: a console logger for the CLI, a silent one for tests, and one-line PDU prints with secrets redacted.
import { printPdu, type Pdu } from '../harness/pdu/registry.js';
import { decodeText, printText } from '../harness/text/codec.js';
import type { TargetLogger } from './config.js';

/** Drops everything (tests that do not look at logs). */
export const silentLogger: TargetLogger = { info: () => {}, warn: () => {} };

/** Collects lines in memory (tests that assert on logged reasons). */
export function memoryLogger(): TargetLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: m => { lines.push(`info ${m}`); }, warn: m => { lines.push(`warn ${m}`); }, pdu: m => { lines.push(`pdu ${m}`); } };
}

/** Writes to a sink (stderr in the CLI); PDU lines only when `pdus` is set. */
export function streamLogger(write: (line: string) => void, pdus = false): TargetLogger {
  const stamp = () => new Date().toISOString().slice(11, 23);
  return {
    info: m => write(`${stamp()} ${m}\n`),
    warn: m => write(`${stamp()} WARN ${m}\n`),
    ...(pdus ? { pdu: (m: string) => write(`${stamp()} ${m}\n`) } : {}),
  };
}

const TEXT_TYPES = new Set(['LoginRequest', 'LoginResponse', 'TextRequest', 'TextResponse']);

/** One PDU as a log line; text segments are decoded and redacted (CHAP_R never printed). */
export function pduLine(dir: '<-' | '->', connId: number, p: Pdu): string {
  let line = `c${connId} ${dir} ${printPdu(p)}`;
  if (TEXT_TYPES.has(p.type) && p.data.length) line += ` [${printText(decodeText(p.data).pairs).replace(/\n/g, ' ')}]`;
  return line;
}
