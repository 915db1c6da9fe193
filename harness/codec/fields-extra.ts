// Extra field kinds for SCSI parameter data (SPC-4 ASCII identification fields) on top of fields.ts.
import fc from 'fast-check';
import type { Field } from './fields.js';

/** Printable ASCII (0x20..0x7E) is what SPC allows in INQUIRY / VPD identification fields. */
const printable = (c: number) => c >= 0x20 && c <= 0x7e;

/**
 * Fixed-width ASCII text (e.g. INQUIRY T10 VENDOR IDENTIFICATION). The value keeps every byte,
 * padding included, so bad padding (NULs) round-trips and is reported instead of being hidden;
 * a shorter string is space-padded on encode, as SPC asks for left-aligned text.
 */
export function ascii<N extends string>(name: N, off: number, len: number, o: { ruleId?: string } = {}): Field<N, string> {
  return {
    name, kind: 'ascii', offset: off, size: len, default: ' '.repeat(len),
    readExpr: b => `Buffer.from(${b}.subarray(${off}, ${off + len})).toString('latin1')`,
    writeStmt: (b, v) => `for (let i = 0; i < ${len}; i++) ${b}[${off} + i] = i < ${v}.length ? ${v}.charCodeAt(i) & 0xff : 0x20;`,
    ruleId: o.ruleId ?? `field/${name}`,
    arbitrary: mode => mode === 'any'
      ? fc.uint8Array({ minLength: len, maxLength: len }).map(a => Buffer.from(a).toString('latin1'))
      : fc.array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: len, maxLength: len }).map(a => String.fromCharCode(...a)),
    breaker: () => fc.array(fc.integer({ min: 0, max: 0xff }), { minLength: len, maxLength: len })
      .filter(a => a.some(c => !printable(c))).map(a => Buffer.from(a).toString('latin1')),
    check: v => {
      for (let i = 0; i < v.length; i++) {
        if (!printable(v.charCodeAt(i))) return `${name} byte ${i} is 0x${v.charCodeAt(i).toString(16).padStart(2, '0')}; expected printable ASCII (0x20..0x7E), space-padded`;
      }
      return undefined;
    },
    print: v => `${name}=${JSON.stringify(v.trimEnd())}`,
  };
}
