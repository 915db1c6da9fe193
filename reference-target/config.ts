// Reference target configuration: LUNs, credentials, ACLs, limits; validated with zod, parsed from CLI strings.
import { z } from 'zod';
import { UsageError } from '../harness/errors.js';

/** One exported logical unit as the SCSI layer needs it (reference-target/scsi builds its backends from this). */
export interface LunConfig {
  /** LUN number (0..16383, flat/peripheral addressing). */
  lun: number;
  backing: 'ram' | 'file';
  /** Backing file path (file LUNs only); created and sized when missing. */
  path?: string;
  /** Capacity in bytes, a multiple of blockSize. */
  size: number;
  blockSize: 512 | 4096;
}

/** A CHAP identity: the name sent in CHAP_N and its secret (never logged). */
export interface ChapCredentials {
  user: string;
  secret: string;
}

/** Where the target writes what happens; connection errors always go here with their reason. */
export interface TargetLogger {
  info(msg: string): void;
  warn(msg: string): void;
  /** One PDU line (`--log pdus`), already redacted. */
  pdu?(line: string): void;
}

const lunSchema = z.object({
  lun: z.number().int().min(0).max(16383),
  backing: z.enum(['ram', 'file']),
  path: z.string().min(1).optional(),
  size: z.number().int().positive(),
  blockSize: z.union([z.literal(512), z.literal(4096)]),
}).refine(l => l.size % l.blockSize === 0, { message: 'size must be a multiple of the block size' })
  .refine(l => l.backing === 'ram' || l.path !== undefined, { message: 'a file LUN needs a path' });

const chapSchema = z.object({ user: z.string().min(1), secret: z.string().min(1) });

/** Limits that bound what hostile or broken initiators can make us hold. */
export const limitsSchema = z.object({
  maxSessions: z.number().int().positive().default(64),
  maxConnections: z.number().int().positive().default(256),
  /** MaxConnections we accept per session (§13.2). */
  maxConnectionsPerSession: z.number().int().min(1).max(65535).default(4),
  /** CmdSN window size (MaxCmdSN - ExpCmdSN + 1), RFC 7143 §4.2.2.1. */
  cmdWindow: z.number().int().min(1).max(1024).default(128),
  /** Our MaxRecvDataSegmentLength declaration (§13.12). */
  maxRecvDataSegmentLength: z.number().int().min(512).max(16777215).default(262144),
  maxBurstLength: z.number().int().min(512).max(16777215).default(1048576),
  firstBurstLength: z.number().int().min(512).max(16777215).default(262144),
  maxOutstandingR2T: z.number().int().min(1).max(65535).default(4),
  /** Write data the whole target may hold for tasks still collecting Data-Out. */
  maxBufferedBytes: z.number().int().positive().default(256 * 1024 * 1024),
  /** Bytes of login/text key data we collect across continuations before refusing. */
  maxTextBytes: z.number().int().positive().default(65536),
  loginTimeoutMs: z.number().int().positive().default(15000),
  /** Close an FFP connection silent for this long; 0 = never. */
  idleTimeoutMs: z.number().int().min(0).default(0),
  /** Send a NOP-In ping after this much silence; 0 = never. */
  nopInIntervalMs: z.number().int().min(0).default(0),
  /** ERL >= 1: numbered responses kept per connection for Status SNACK until ExpStatSN acknowledges them (§11.16). */
  maxHeldResponses: z.number().int().min(1).default(1024),
  /** ERL >= 1: read tasks whose Data-In is kept per connection for Data SNACK until their status is acknowledged. */
  maxHeldReads: z.number().int().min(1).default(256),
  /**
   * ERL >= 1: Data-In bytes kept per connection for Data SNACK (oldest tasks lose theirs first past this); with
   * maxConnections this bounds the whole target (256 x 4 MiB by default).
   */
  maxHeldReadBytes: z.number().int().min(0).default(4 * 1024 * 1024),
});

/** Everything `startTarget` accepts; see targetConfigSchema for defaults. */
export const targetConfigSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(3260),
  iqn: z.string().min(1).max(223).default('iqn.2026-11.org.iscsi-conformance:target0'),
  alias: z.string().optional(),
  tpgt: z.number().int().min(1).max(65535).default(1),
  luns: z.array(lunSchema).default([{ lun: 0, backing: 'ram', size: 64 * 1024 * 1024, blockSize: 512 }]),
  chap: chapSchema.optional(),
  mutualChap: chapSchema.optional(),
  /** Initiator names allowed to log in to the normal session; empty = anybody (§9.5 access control). */
  allow: z.array(z.string()).default([]),
  /** 'required': answer HeaderDigest/DataDigest with CRC32C only, so initiators offering None,CRC32C get digests. */
  digests: z.enum(['optional', 'required']).default('optional'),
  /**
   * The highest ErrorRecoveryLevel we offer (§13.20: the session runs at the minimum of both offers). 1 adds SNACK
   * retransmission and digest-error recovery (§7.1.5); 2 (connection recovery) is not implemented.
   */
  erl: z.union([z.literal(0), z.literal(1)]).default(1),
  /** IDs of deliberate deviations to switch on (reference-target/faults). */
  faults: z.array(z.string()).default([]),
  limits: limitsSchema.default(limitsSchema.parse({})),
}).refine(c => !c.mutualChap || c.chap, { message: '--mutual-chap needs --chap as well' })
  .refine(c => new Set(c.luns.map(l => l.lun)).size === c.luns.length, { message: 'LUN numbers must be unique' });

/** Validated configuration with every default filled in. */
export type TargetConfig = z.output<typeof targetConfigSchema>;
/** What callers may pass (defaults optional). */
export type TargetConfigInput = z.input<typeof targetConfigSchema>;

/** Validates a config; throws UsageError (exit 2) naming the first bad field. */
export function parseTargetConfig(input: TargetConfigInput): TargetConfig {
  const r = targetConfigSchema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new UsageError(`invalid target config at ${issue.path.join('.') || '(root)'}: ${issue.message}`, 'ERR_TARGET_CONFIG');
}

const units: Record<string, number> = { '': 1, B: 1, K: 1024, KIB: 1024, M: 1024 ** 2, MIB: 1024 ** 2, G: 1024 ** 3, GIB: 1024 ** 3, T: 1024 ** 4, TIB: 1024 ** 4 };

/** Parses `64MiB`, `1GiB`, `512KiB`, `4096` into bytes; throws UsageError otherwise. */
export function parseSize(text: string): number {
  const m = /^(\d+)\s*([a-zA-Z]*)$/.exec(text.trim());
  const mult = m ? units[m[2]!.toUpperCase()] : undefined;
  if (!m || mult === undefined) throw new UsageError(`bad size '${text}' (use e.g. 64MiB, 1GiB, 512KiB)`, 'ERR_TARGET_CONFIG');
  return Number(m[1]) * mult;
}

/**
 * Parses one `--lun` value: `N:ram:SIZE` or `N:file:PATH:SIZE`, with an optional `:bs=512|4096` suffix
 * (or `defaultBlockSize`).
 */
export function parseLunSpec(spec: string, defaultBlockSize: 512 | 4096 = 512): LunConfig {
  const parts = spec.split(':');
  let blockSize = defaultBlockSize;
  const last = parts[parts.length - 1]!;
  if (/^bs=/.test(last)) {
    const bs = Number(last.slice(3));
    if (bs !== 512 && bs !== 4096) throw new UsageError(`bad block size in --lun '${spec}' (512 or 4096)`, 'ERR_TARGET_CONFIG');
    blockSize = bs;
    parts.pop();
  }
  const lun = Number(parts[0]);
  if (!/^\d+$/.test(parts[0] ?? '')) throw new UsageError(`bad LUN number in --lun '${spec}'`, 'ERR_TARGET_CONFIG');
  if (parts[1] === 'ram' && parts.length === 3) return { lun, backing: 'ram', size: parseSize(parts[2]!), blockSize };
  if (parts[1] === 'file' && parts.length >= 4) {
    const size = parseSize(parts[parts.length - 1]!);
    return { lun, backing: 'file', path: parts.slice(2, -1).join(':'), size, blockSize };
  }
  throw new UsageError(`bad --lun '${spec}' (use N:ram:SIZE or N:file:PATH:SIZE)`, 'ERR_TARGET_CONFIG');
}

/** Parses `user:secret` (the secret may itself contain ':'). */
export function parseCredentials(text: string, option: string): ChapCredentials {
  const i = text.indexOf(':');
  if (i <= 0 || i === text.length - 1) throw new UsageError(`${option} wants user:secret`, 'ERR_TARGET_CONFIG');
  return { user: text.slice(0, i), secret: text.slice(i + 1) };
}
