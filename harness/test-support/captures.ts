// Access to the golden captures in ../shared/captures (real libiscsi <-> tgtd traffic). Tests
// that use them fail loudly when the folder is missing: a skipped golden test proves nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Folder holding the captures (pcap + .pdus.jsonl). */
export const capturesDir = fileURLToPath(new URL('../../../shared/captures/', import.meta.url));

/** One PDU line of a `.pdus.jsonl` file: exact wire bytes split into parts. */
export interface CapturedPdu {
  conn: number; t: number; dir: 'i2t' | 't2i'; opcode: string; name: string;
  bhs: string; ahs: string; headerDigest: string | null; data: string; pad: string; dataDigest: string | null;
  digestOk: boolean | null;
}

/** Names of the captures (without extension); throws when the folder is missing. */
export function captureNames(): string[] {
  if (!existsSync(capturesDir)) throw new Error(`golden captures not found at ${capturesDir}: ../shared must sit beside the repo`);
  return readdirSync(capturesDir).filter(f => f.endsWith('.pdus.jsonl')).map(f => f.replace(/\.pdus\.jsonl$/, '')).sort();
}

/** The PDUs of one capture, in file order. */
export function capturedPdus(name: string): CapturedPdu[] {
  return readFileSync(`${capturesDir}${name}.pdus.jsonl`, 'utf8').trim().split('\n').map(l => JSON.parse(l) as CapturedPdu);
}

/** Hex to bytes. */
export const hex = (s: string | null): Buffer => Buffer.from(s ?? '', 'hex');
