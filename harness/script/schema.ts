// The one JSON step format (STYLE.md "Everything replays"): corpus scripts, fuzz findings, replay and cases share it.
import { z } from 'zod';

/** Format tag and version written into every script file; bump the version on a breaking change. */
export const SCRIPT_FORMAT = 'iscsi-conformance/script';
/** Current version of the step format. */
export const SCRIPT_VERSION = 1;

const hex = z.string().regex(/^([0-9a-fA-F]{2})*$/, 'even-length hex');
/** A JSON-safe u64 (LUN, LBA): decimal or 0x-hex string, or a small number. */
const u64 = z.union([z.string().regex(/^(0x[0-9a-fA-F]{1,16}|\d{1,20})$/), z.number().int().nonnegative()]);

/** A PDU by fields: `type` names the declaration; absent fields take defaults, and itt/cmdSN/expStatSN (and login's isid/tsih) come from the session. */
export const pduSpecSchema = z.object({ type: z.string().min(1) }).catchall(z.unknown());
/** A PDU given as raw bytes (BHS + AHS + data + padding, no digests): sent exactly as given. */
export const rawSpecSchema = z.object({ raw: hex });

/** One acceptable outcome of an `expect` step. */
export const outcomeSchema = z.union([
  /** The next PDU has this type and these field values (data given as hex; `status`/`reason` etc. by number). */
  z.object({ pdu: pduSpecSchema }),
  /** The target closed or reset the connection. */
  z.object({ closed: z.literal(true) }),
  /** Nothing arrived before the deadline. */
  z.object({ silence: z.literal(true) }),
]);

const stage = z.enum(['security', 'operational', 'ffp']);

/** Every step the interpreter knows. */
export const stepSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('connect') }),
  z.object({
    op: z.literal('login'),
    /** Extra or overriding operational keys, in order. */
    keys: z.record(z.string(), z.string()).optional(),
    /** Stages to pass through; default: security (only with CHAP) then operational, ending in full feature. */
    stages: z.array(stage).optional(),
    /** Authenticate with CHAP using the URL's credentials (secrets never appear in a script). */
    chap: z.boolean().optional(),
    /** Discovery session (no TargetName). */
    discovery: z.boolean().optional(),
    /** Login must succeed (default) or may fail (the step then records the status). */
    mayFail: z.boolean().optional(),
  }),
  z.object({
    op: z.literal('send'),
    pdu: z.union([rawSpecSchema, pduSpecSchema]),
    /** Lengths written into the BHS instead of the true ones. */
    lengths: z.object({ totalAHSLength: z.number().int().min(0).max(255).optional(), dataSegmentLength: z.number().int().min(0).max(0xffffff).optional() }).optional(),
    /** Send a wrong header digest (only when digests are on). */
    badHeaderDigest: z.boolean().optional(),
    /** Padding bytes to send instead of zeros. */
    pad: hex.optional(),
    /** Cut the wire bytes into TCP writes at these offsets. */
    split: z.array(z.number().int().positive()).max(16).optional(),
    /** Send only the first N wire bytes. */
    truncate: z.number().int().nonnegative().optional(),
    /** Send the same bytes this many times (default 1). */
    repeat: z.number().int().min(1).max(64).optional(),
  }),
  z.object({ op: z.literal('expect'), oneOf: z.array(outcomeSchema).min(1), timeoutMs: z.number().int().positive().max(60_000).optional(), ref: z.string().optional() }),
  z.object({
    op: z.literal('scsi'),
    lun: u64.optional(),
    cdb: hex,
    dataOut: hex.optional(),
    /** Data-In bytes expected (default: from the CDB when known, else 0). */
    readLength: z.number().int().nonnegative().max(16 << 20).optional(),
    /** Initiator Task Tag (default: the session's next). */
    itt: z.number().int().min(0).max(0xffffffff).optional(),
    /** Task attribute (default Simple). */
    attr: z.number().int().min(0).max(7).optional(),
    timeoutMs: z.number().int().positive().max(60_000).optional(),
  }),
  z.object({ op: z.literal('nop'), data: hex.optional(), timeoutMs: z.number().int().positive().max(60_000).optional() }),
  z.object({ op: z.literal('wait'), ms: z.number().int().nonnegative().max(60_000) }),
  z.object({ op: z.literal('disconnect'), reset: z.boolean().optional() }),
  z.object({ op: z.literal('probe'), timeoutMs: z.number().int().positive().max(60_000).optional() }),
]);

/** What fired when a script is a fuzz finding. */
export const findingSchema = z.object({
  oracle: z.object({ kind: z.string(), rule: z.string(), message: z.string(), step: z.number().int().optional() }),
  mode: z.string().optional(),
  seed: z.number().int().optional(),
  path: z.string().optional(),
  ref: z.string().optional(),
  pcap: z.string().optional(),
  foundAt: z.string().optional(),
  originalSteps: z.number().int().optional(),
  /** Why the finding was saved without a re-run (e.g. "target unreachable": the pcap is of the run that found it). */
  notRerun: z.string().optional(),
});

/** A whole script file. */
export const scriptSchema = z.object({
  format: z.literal(SCRIPT_FORMAT).default(SCRIPT_FORMAT),
  version: z.literal(SCRIPT_VERSION).default(SCRIPT_VERSION),
  name: z.string().optional(),
  description: z.string().optional(),
  steps: z.array(stepSchema),
  finding: findingSchema.optional(),
});

/** One step. */
export type Step = z.infer<typeof stepSchema>;
/** One acceptable outcome. */
export type Outcome = z.infer<typeof outcomeSchema>;
/** A PDU given by fields. */
export type PduSpec = z.infer<typeof pduSpecSchema>;
/** A script (parsed). */
export type Script = z.infer<typeof scriptSchema>;
/** What a finding records. */
export type FindingInfo = z.infer<typeof findingSchema>;
