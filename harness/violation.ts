// A broken rule found in bytes or values: a value, never an exception (STYLE.md habit 3).

/** One rule that a PDU, key answer or parameter block breaks. */
export interface Violation {
  /** Rule ID: `pdu/<kebab>`, `text/<kebab>`, `scsi/<kebab>`, `check/<kebab>`. */
  rule: string;
  /** Where the rule is written: `rfc7143/11.12`, `spc4/inquiry`, ... */
  ref: string;
  /** Expected vs actual, in words, with the field. */
  message: string;
  /** Field name the rule is about, when there is one. */
  field?: string;
  /** How strongly the text puts it; absent means MUST. */
  level?: 'MUST' | 'SHOULD';
}

/** Builds a violation; keeps call sites one line long. */
export const violation = (rule: string, ref: string, message: string, field?: string, level?: 'SHOULD'): Violation => ({
  rule, ref, message, ...(field === undefined ? {} : { field }), ...(level === undefined ? {} : { level }),
});
