// Parameter data codecs: valid values round-trip with no violations; garbage and short data never
// throw (truncation is legal and flagged); hand-built VPD 0x83 and UNMAP lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadCapacity10Data, ReadCapacity16Data } from './capacity.js';
import { DefectData10, DefectData12 } from './defect.js';
import { InquiryData } from './inquiry.js';
import { decodeModeData, encodeModeData } from './mode.js';
import { PrOutParameterList, ReadKeysData, ReadReservationData, ReportCapabilitiesData } from './pr.js';
import { ReportLunsData } from './report-luns.js';
import { AllCommandsData } from './rsoc.js';
import { checkUnmapLengths, LbaStatusData, UnmapParameterList } from './unmap.js';
import { checkSupportedPages, DeviceIdentification, SupportedVpdPages, UnitSerialNumber } from './vpd.js';
import { BlockDeviceCharacteristics, BlockLimits, LogicalBlockProvisioning } from './vpd-block.js';

const fixed = { ReadCapacity10Data, ReadCapacity16Data, DefectData10, DefectData12, BlockLimits, BlockDeviceCharacteristics, LogicalBlockProvisioning, ReadReservationData, ReportCapabilitiesData, PrOutParameterList };
const lists = { InquiryData, ReportLunsData, ReadKeysData, LbaStatusData, SupportedVpdPages };
const garbage = fc.uint8Array({ maxLength: 80 });

describe.each(Object.entries(fixed))('%s', (_n, d) => {
  it('round-trips valid values with no violations', () => {
    fc.assert(fc.property(d.struct.arbitrary('valid'), v => {
      const p = d.decode(d.encode(v as never));
      expect(p.violations).toEqual([]);
      expect(d.encode(p.value as never)).toEqual(d.encode(v as never));
    }));
  });
  it('never throws on garbage', () => { fc.assert(fc.property(garbage, b => { d.decode(b); })); });
});

describe.each(Object.entries(lists))('%s', (_n, d) => {
  it('round-trips valid headers with item lists', () => {
    fc.assert(fc.property(d.header.arbitrary('valid'), fc.array(d.item.arbitrary('valid') as fc.Arbitrary<never>, { maxLength: 6 }), (h, items) => {
      const v = { ...(h as object), items } as never;
      const bytes = d.encode({ ...(v as object), [Object.keys(h as object).find(k => /Length$/.test(k) && k !== 'blockDescriptorDataLength') ?? '']: undefined } as never);
      expect(d.encode(d.decode(bytes).value as never)).toEqual(bytes);
    }));
  });
  it('never throws on garbage', () => { fc.assert(fc.property(garbage, b => { d.decode(b); })); });
});

describe('variable-length pages', () => {
  it('VPD 0x83 with NAA, SCSI name string and target port group designators', () => {
    const name = Buffer.from('iqn.2026-11.test:t0\0', 'latin1');
    const bytes = DeviceIdentification.encode({ designators: [
      { codeSet: 1, piv: false, association: 0, designatorType: 3, protocolIdentifier: 0, designator: Buffer.from('6001405000000001000000000000000a', 'hex') },
      { codeSet: 3, piv: true, association: 2, designatorType: 8, protocolIdentifier: 5, designator: name },
      { codeSet: 1, piv: true, association: 1, designatorType: 5, protocolIdentifier: 5, designator: Buffer.from('00000001', 'hex') },
    ] });
    const p = DeviceIdentification.decode(bytes);
    expect(p.violations).toEqual([]);
    expect(p.value.designators.map(d => d.designatorType)).toEqual([3, 8, 5]);
    expect(DeviceIdentification.encode(p.value)).toEqual(bytes);
    const bad = DeviceIdentification.decode(DeviceIdentification.encode({ designators: [{ codeSet: 1, designatorType: 3, designator: Buffer.alloc(8) }] }));
    expect(bad.violations.map(v => v.rule)).toContain('scsi/vpd83-designator');
  });
  it('VPD 0x80 and 0x00', () => {
    const s = UnitSerialNumber.decode(UnitSerialNumber.encode({ serial: 'beaf11' }));
    expect([s.value.serial, s.violations]).toEqual(['beaf11', []]);
    expect(checkSupportedPages([0, 0x80, 0x83, 0xb0])).toEqual([]);
    expect(checkSupportedPages([0x83, 0x80]).map(v => v.rule)).toEqual(['scsi/vpd00-lists-itself', 'scsi/vpd00-order']);
  });
  it('UNMAP parameter list lengths', () => {
    const b = UnmapParameterList.encode({ unmapDataLength: 22, items: [{ lba: 5n, numberOfBlocks: 8 }] });
    const p = UnmapParameterList.decode(b);
    expect([p.violations, checkUnmapLengths(p.value)]).toEqual([[], []]);
    expect(p.value.items[0]).toMatchObject({ lba: 5n, numberOfBlocks: 8 });
  });
  it('mode data, RSOC and short data never throw', () => {
    fc.assert(fc.property(garbage, fc.boolean(), (b, ten) => {
      encodeModeData(decodeModeData(b, ten).value, ten);
      AllCommandsData.decode(b); UnitSerialNumber.decode(b); DeviceIdentification.decode(b);
    }));
  });
});
