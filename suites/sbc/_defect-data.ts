// READ DEFECT DATA (10) and (12) as one family (SBC-4): the defect list header, the requested
// format echoed, header-only requests, the allocation length, reserved values and bits.
// A device server that cannot return the requested format or list may end with CHECK CONDITION,
// RECOVERED ERROR and a DEFECT LIST NOT FOUND code (ASC 1C) after the data, so that also passes.
// READ DEFECT DATA is optional: INVALID COMMAND OPERATION CODE skips the case.
import type { CaseApi } from '../../harness/runner/case-api.js';
import type { CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, sense, type CaseEvent, type ScsiEvent } from '../../harness/runner/outcomes.js';
import { ReadDefectData10, ReadDefectData12 } from '../../harness/scsi/commands/sbc-media.js';
import { DefectData10, DefectData12 } from '../../harness/scsi/data/defect.js';
import { scsi } from '../support.js';
import { unsupported } from '../support-spc.js';
import { good, invalidField, withBits } from '../support-sbc.js';

type Args = { plist?: boolean; glist?: boolean; format?: number; alloc?: number };
type Header = { plistv: boolean; glistv: boolean; defectListFormat: number; defectListLength: number };
/** One of the two commands: its encoder, header size and decoder, where its request byte is. */
export interface DdSpec { id: string; name: string; headerSize: number; requestByte: number; encode(a: Args): Buffer; header(b: Buffer): Header }

const req = (a: Args) => ({ reqPlist: a.plist ?? false, reqGlist: a.glist ?? false, defectListFormat: a.format ?? 0, allocationLength: a.alloc ?? 32 });
export const Dd10: DdSpec = {
  id: 'readdefectdata10', name: 'READ DEFECT DATA(10)', headerSize: 4, requestByte: 2,
  encode: a => ReadDefectData10.encode(req(a)), header: b => DefectData10.decode(b).value,
};
export const Dd12: DdSpec = {
  id: 'readdefectdata12', name: 'READ DEFECT DATA(12)', headerSize: 8, requestByte: 1,
  encode: a => ReadDefectData12.encode(req(a)), header: b => DefectData12.decode(b).value,
};

/** Sends the command; a target that does not implement it makes the case not applicable. */
async function send(t: CaseApi, s: DdSpec, a: Args, cdb = s.encode(a)): Promise<CaseEvent> {
  const c = await t.login();
  const e = await scsi(t, c, cdb, { read: a.alloc ?? 32 });
  if (unsupported(e)) t.skip(`${s.name} is not supported (INVALID COMMAND OPERATION CODE)`);
  return e;
}
/** RECOVERED ERROR with any DEFECT LIST NOT FOUND code (1C/00, PRIMARY 1C/01, GROWN 1C/02). */
const listNotFound = () => sense(0x1, 0x1c);
/** GOOD whose header, when present in full, satisfies `ok`. */
const goodHeader = (s: DdSpec, ok: (h: Header, e: ScsiEvent) => boolean, what: string) =>
  good(e => e.data.length >= s.headerSize && ok(s.header(e.data), e), ` with ${what}`);

type Row = Omit<CaseDef, 'n'>;
const row = (s: DdSpec, title: string, level: Row['level'], requirement: string, run: Row['run'], tag?: string): Row => ({
  title: `${s.name} ${title}`, level, requirement, ref: `sbc4 ${s.name}; libiscsi test_${s.id}_simple`,
  tags: ['scsi', 'defect-data', ...(tag ? [tag] : [])], run,
});

/** The rows a command file can ask for. */
export const ddRows = {
  simple: (s: DdSpec) => row(s, 'with no list requested returns a defect list header in the requested format', 'MUST',
    'GOOD means the requested DEFECT LIST FORMAT is the one returned in the header (short block, 0, here); a device server that cannot return it ends with RECOVERED ERROR, DEFECT LIST NOT FOUND instead.', async t => {
      await t.expect(send(t, s, {}), pass(goodHeader(s, h => h.defectListFormat === 0, 'a full header in short block format')), pass(listNotFound()));
    }),
  headerOnly: (s: DdSpec) => row(s, 'with REQ_PLIST=0 and REQ_GLIST=0 returns the header alone, PLISTV=0 and GLISTV=0', 'SHOULD',
    'With neither list requested only the defect list header is returned, and it says it holds neither list.', async t => {
      await t.expect(send(t, s, {}), pass(goodHeader(s, (h, e) => !h.plistv && !h.glistv && e.data.length === s.headerSize, `exactly ${s.headerSize} bytes and PLISTV=GLISTV=0`)), pass(listNotFound()));
    }),
  bothLists: (s: DdSpec) => row(s, 'of both lists in long block format returns whole 8-byte descriptors in that format', 'MUST',
    'With REQ_PLIST=1, REQ_GLIST=1 and the long block format (3), GOOD data is in that format and its DEFECT LIST LENGTH is a multiple of the 8-byte descriptor; a device server without that format or list ends with RECOVERED ERROR, DEFECT LIST NOT FOUND.', async t => {
      await t.expect(send(t, s, { plist: true, glist: true, format: 3, alloc: 1024 }),
        pass(goodHeader(s, h => h.defectListFormat === 3 && h.defectListLength % 8 === 0, 'format 3 and a DEFECT LIST LENGTH that is a multiple of 8')), pass(listNotFound()));
    }),
  alloc: (s: DdSpec) => row(s, 'with ALLOCATION LENGTH 2 returns at most 2 bytes', 'MUST',
    'The device server returns no more than ALLOCATION LENGTH bytes of parameter data (SPC-4 allocation length).', async t => {
      await t.expect(send(t, s, { alloc: 2 }), pass(good(e => e.data.length <= 2, ' with at most 2 data bytes')), pass(listNotFound()));
    }, 'boundary'),
  reservedFormat: (s: DdSpec) => row(s, 'with the reserved DEFECT LIST FORMAT 7 is rejected', 'SHOULD',
    'DEFECT LIST FORMAT 111b is reserved: INVALID FIELD IN CDB, or the default format with RECOVERED ERROR, DEFECT LIST NOT FOUND. Returning GOOD is tolerated (fails under --strict).', async t => {
      await t.expect(send(t, s, { format: 7 }), pass(invalidField()), pass(listNotFound()), nonStrict(good()));
    }, 'reserved'),
  reserved: (s: DdSpec) => row(s, `with a reserved bit set (byte ${s.requestByte}, mask 0x80) is rejected with INVALID FIELD IN CDB`, 'SHOULD',
    'A reserved CDB bit set to one may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB; completing the command anyway is tolerated (fails under --strict).', async t => {
      await t.expect(send(t, s, {}, withBits(s.encode({}), s.requestByte, 0x80)), pass(invalidField()), nonStrict(good()), nonStrict(listNotFound()));
    }, 'reserved'),
} as const;

/** Builds the chosen rows with their explicit numbers. */
export function ddCases(s: DdSpec, numbers: Partial<Record<keyof typeof ddRows, number>>): CaseDef[] {
  return Object.entries(numbers).map(([r, n]) => ({ n: n!, ...ddRows[r as keyof typeof ddRows](s) }));
}
