// Mode pages the reference target offers, page_0 format with bytes 0..1 included: Read-Write Error
// Recovery 0x01, Caching 0x08, Control 0x0A, Informational Exceptions Control 0x1C.
// (Caching/Control/IEC checked: libiscsi marshall/parse; 0x01 from SBC-3, unverified)
import { bits, flag, reserved, reservedBits, u16, u32, u8 } from '../../codec/fields.js';
import { defineStruct } from '../../codec/struct.js';

const head = (code: number, len: number) => [flag('ps', 0, 7), flag('spf', 0, 6, { fixed: false }), bits('pageCode', 0, [5, 0], { fixed: code, hex: true }), u8('pageLength', 1, { fixed: len })] as const;

/** Read-Write Error Recovery 0x01, page length 0x0A (unverified). */
export const ReadWriteErrorRecoveryPage = defineStruct('Read-Write Error Recovery', [
  ...head(0x01, 0x0a), flag('awre', 2, 7), flag('arre', 2, 6), flag('tb', 2, 5), flag('rc', 2, 4), flag('eer', 2, 3), flag('per', 2, 2), flag('dte', 2, 1), flag('dcr', 2, 0),
  u8('readRetryCount', 3), ...reserved(4, 4), u8('writeRetryCount', 8), ...reserved(9, 1), u16('recoveryTimeLimit', 10),
] as const, 12);

/** Caching 0x08, page length 0x12; WCE and RCD are the bits initiators change. */
export const CachingPage = defineStruct('Caching', [
  ...head(0x08, 0x12), flag('ic', 2, 7), flag('abpf', 2, 6), flag('cap', 2, 5), flag('disc', 2, 4), flag('size', 2, 3), flag('wce', 2, 2), flag('mf', 2, 1), flag('rcd', 2, 0),
  bits('demandReadRetentionPriority', 3, [7, 4]), bits('writeRetentionPriority', 3, [3, 0]),
  u16('disablePrefetchTransferLength', 4), u16('minimumPrefetch', 6), u16('maximumPrefetch', 8), u16('maximumPrefetchCeiling', 10),
  flag('fsw', 12, 7), flag('lbCss', 12, 6), flag('dra', 12, 5), reservedBits(12, 0x1e), flag('nvDis', 12, 0),
  u8('numberOfCacheSegments', 13), u16('cacheSegmentSize', 14), ...reserved(16, 4),
] as const, 20);

/** Control 0x0A, page length 0x0A; D_SENSE picks the sense format, SWP write-protects, TAS. */
export const ControlPage = defineStruct('Control', [
  ...head(0x0a, 0x0a), bits('tst', 2, [7, 5]), flag('tmfOnly', 2, 4), flag('dpicz', 2, 3), flag('dSense', 2, 2), flag('gltsd', 2, 1), flag('rlec', 2, 0),
  bits('queueAlgorithmModifier', 3, [7, 4]), flag('nuar', 3, 3), bits('qerr', 3, [2, 1]), reservedBits(3, 0x01),
  flag('vs', 4, 7), flag('rac', 4, 6), bits('uaIntlckCtrl', 4, [5, 4]), flag('swp', 4, 3), reservedBits(4, 0x07),
  flag('ato', 5, 7), flag('tas', 5, 6), flag('atmpe', 5, 5), flag('rwwp', 5, 4), reservedBits(5, 0x08), bits('autoloadMode', 5, [2, 0]),
  ...reserved(6, 2), u16('busyTimeoutPeriod', 8), u16('extendedSelfTestCompletionTime', 10),
] as const, 12);

/** Informational Exceptions Control 0x1C, page length 0x0A. */
export const InformationalExceptionsPage = defineStruct('Informational Exceptions Control', [
  ...head(0x1c, 0x0a), flag('perf', 2, 7), reservedBits(2, 0x40), flag('ebf', 2, 5), flag('ewasc', 2, 4), flag('dexcpt', 2, 3), flag('test', 2, 2), flag('ebackerr', 2, 1), flag('logerr', 2, 0),
  reservedBits(3, 0xf0), bits('mrie', 3, [3, 0]), u32('intervalTimer', 4), u32('reportCount', 8),
] as const, 12);

/** The typed page declarations by page code. */
export const ModePages = { 0x01: ReadWriteErrorRecoveryPage, 0x08: CachingPage, 0x0a: ControlPage, 0x1c: InformationalExceptionsPage } as const;
