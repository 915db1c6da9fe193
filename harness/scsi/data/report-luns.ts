// SPC-4 REPORT LUNS parameter data: LUN LIST LENGTH (counts every LUN, even those cut off by the
// allocation length), 4 reserved bytes, 8-byte LUNs. (checked: libiscsi, tgt)
import { reserved, u32, u64 } from '../../codec/fields.js';
import { defineStruct } from '../../codec/struct.js';
import { defineListData } from './param.js';

/** REPORT LUNS data; items are `{ lun: bigint }` (see ../lun.ts for numbers). */
export const ReportLunsData = defineListData(
  defineStruct('REPORT LUNS header', [u32('lunListLength', 0), ...reserved(4, 4)] as const, 8),
  defineStruct('LUN', [u64('lun', 0, { hex: true })] as const, 8),
  'spc4/report-luns', { length: 'lunListLength', countsFrom: 8, rule: 'scsi/report-luns' },
);
