// SBC-4 READ DEFECT DATA (10) and (12) parameter data: the defect list header. Address descriptors
// (whose size depends on the format) stay undecoded in `trailing`; DEFECT LIST LENGTH counts them.
import { bits, flag, reserved, reservedBits, u16, u32 } from '../../codec/fields.js';
import { defineStruct } from '../../codec/struct.js';
import { DefectListFormat } from '../commands/sbc-media.js';
import { defineFixedData } from './param.js';

/** Byte 1 of both headers: PLISTV (4), GLISTV (3) say which lists the data holds; the format returned. */
const listByte = [reservedBits(1, 0xe0), flag('plistv', 1, 4), flag('glistv', 1, 3), bits('defectListFormat', 1, [2, 0], { names: DefectListFormat })] as const;

/** READ DEFECT DATA(10): 4-byte header, DEFECT LIST LENGTH (bytes 2..3) counts from byte 4. */
export const DefectData10 = defineFixedData(defineStruct('READ DEFECT DATA(10) data', [
  ...reserved(0, 1), ...listByte, u16('defectListLength', 2),
] as const, 4), 'sbc4/read-defect-data10', { length: 'defectListLength', countsFrom: 4, rule: 'scsi/read-defect-data10' });

/** READ DEFECT DATA(12): 8-byte header with GENERATION CODE (0 = not supported); DEFECT LIST LENGTH counts from byte 8. */
export const DefectData12 = defineFixedData(defineStruct('READ DEFECT DATA(12) data', [
  ...reserved(0, 1), ...listByte, u16('generationCode', 2), u32('defectListLength', 4),
] as const, 8), 'sbc4/read-defect-data12', { length: 'defectListLength', countsFrom: 8, rule: 'scsi/read-defect-data12' });
