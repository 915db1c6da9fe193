// SBC-4 READ DEFECT DATA (10, 12): RAM and file media have no defects, so both lists are empty.
// The header echoes the requested DEFECT LIST FORMAT (an empty list is valid in every format, so
// the "cannot return that format" path, RECOVERED ERROR 1C/00, never applies) and sets PLISTV /
// GLISTV for the lists asked for: they are returned, holding no descriptors. The reserved format 7
// never gets here: the CDB declaration refuses it with INVALID FIELD IN CDB.
import { ReadDefectData10, ReadDefectData12 } from '../../../harness/scsi/commands/sbc-media.js';
import { DefectData10, DefectData12 } from '../../../harness/scsi/data/defect.js';
import { defineHandler } from '../handler.js';
import { good } from '../reply.js';

/** The header for a request; ADDRESS DESCRIPTOR INDEX (12 only) is past the end of an empty list anyway. */
const header = (v: { reqPlist: boolean; reqGlist: boolean; defectListFormat: number }) =>
  ({ plistv: v.reqPlist, glistv: v.reqGlist, defectListFormat: v.defectListFormat, defectListLength: 0 });

/** Reading defect data touches no user data: allowed under Write Exclusive, not Exclusive Access (SPC-4 PR table). */
export const handlers = [
  defineHandler({ cdb: ReadDefectData10, access: () => 'read', run: async ({ v }) => good(DefectData10.encode(header(v))) }),
  defineHandler({ cdb: ReadDefectData12, access: () => 'read', run: async ({ v }) => good(DefectData12.encode({ ...header(v), generationCode: 0 })) }),
];
