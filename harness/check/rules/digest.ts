// Header and data digests (CRC32C) that do not match the bytes they cover, in either direction.
import { verifyDigest } from '../../pdu/crc32c.js';
import type { FramedPdu } from '../../pdu/framer.js';
import { violation, type Violation } from '../../violation.js';
import { defineRule, type RuleContext } from '../define-rule.js';

/** Which digest of a framed PDU is wrong (the framer only says that one is). */
export function digestFindings(f: FramedPdu | undefined, rule: string): Violation[] {
  if (!f || f.digestOk !== false) return [];
  const out: Violation[] = [];
  if (f.headerDigest && !verifyDigest(f.headerDigest, f.bhs, f.ahs))
    out.push(violation(rule, 'rfc7143/13.1', 'header digest does not match the CRC32C of BHS and AHS', 'headerDigest'));
  if (f.dataDigest && !verifyDigest(f.dataDigest, f.data, f.pad))
    out.push(violation(rule, 'rfc7143/13.1', 'data digest does not match the CRC32C of the data segment and padding', 'dataDigest'));
  if (!out.length) out.push(violation(rule, 'rfc7143/13.1', 'a digest does not match the bytes it covers'));
  return out;
}

const check = (id: string) => (_p: unknown, ctx: RuleContext) => digestFindings(ctx.framed, id);

/** A target PDU's digests match (RFC 7143 §13.1: "The CRC MUST be calculated by a method that produces the same results"; coverage §11.2.3; a receiver handles a mismatch per §7.8). */
export const targetDigest = defineRule({
  id: 'check/digest', ref: 'rfc7143/13.1', level: 'MUST', side: 'target', appliesTo: '*',
  text: 'negotiated CRC32C digests on target PDUs match what they cover', check: check('check/digest'),
});

/** An initiator PDU's digests match (passive mode). */
export const initiatorDigest = defineRule({
  id: 'check/initiator-digest', ref: 'rfc7143/13.1', level: 'MUST', side: 'initiator', appliesTo: '*',
  text: 'negotiated CRC32C digests on initiator PDUs match what they cover', check: check('check/initiator-digest'),
});
