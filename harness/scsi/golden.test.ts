// Golden vectors from ../shared/captures (tgt 1.0.85 answering libiscsi): every SCSI Command CDB
// decodes as a declared command and re-encodes to the same bytes; the Data-In payloads parse and
// re-encode byte for byte. Missing captures fail the test: a skip would hide a codec bug.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCdb } from './decode-cdb.js';
import { ReadCapacity10Data, ReadCapacity16Data } from './data/capacity.js';
import { InquiryData } from './data/inquiry.js';
import { decodeModeData, encodeModeData } from './data/mode.js';
import { ModePages } from './data/mode-pages.js';
import { ReportLunsData } from './data/report-luns.js';
import { BlockDeviceCharacteristics, BlockLimits } from './data/vpd-block.js';
import { lunToNumber } from './lun.js';
import { lookupCdb } from './cdb.js';
import { ReadKeysData } from './data/pr.js';
import { AllCommandsData } from './data/rsoc.js';

const dir = new URL('../../../shared/captures/', import.meta.url);
interface Pdu { conn: number; opcode: string; bhs: string; data: string }
const files = readdirSync(dir).filter(f => f.endsWith('.pdus.jsonl'));
const load = (f: string): Pdu[] => readFileSync(new URL(f, dir), 'utf8').trim().split('\n').map(l => JSON.parse(l) as Pdu);

/** Data-In payloads joined per command (by connection + ITT), keyed by the command's CDB hex. */
function dataIn(f: string): Array<{ cdb: string; data: Buffer }> {
  const cmds = new Map<string, { cdb: string; parts: string[] }>();
  for (const p of load(f)) {
    const itt = `${p.conn}:${p.bhs.slice(32, 40)}`;
    if (p.opcode === '0x01') cmds.set(itt, { cdb: p.bhs.slice(64, 96), parts: [] });
    if (p.opcode === '0x25') cmds.get(itt)?.parts.push(p.data);
  }
  return [...cmds.values()].filter(c => c.parts.length).map(c => ({ cdb: c.cdb, data: Buffer.from(c.parts.join(''), 'hex') }));
}

describe('captured CDBs', () => {
  it('finds the capture files', () => { expect(files.length).toBeGreaterThanOrEqual(10); });
  it.each(files)('%s: every CDB is declared, re-encodes identically and validates clean', f => {
    const cdbs = load(f).filter(p => p.opcode === '0x01').map(p => Buffer.from(p.bhs.slice(64, 96), 'hex'));
    expect(cdbs.length).toBeGreaterThan(0);
    for (const b of cdbs) {
      const d = decodeCdb(b);
      if (!d.known) throw new Error(`${f}: unknown CDB ${b.toString('hex')}`);
      const enc = d.cdb.encode(d.value);
      expect(enc.toString('hex')).toBe(b.subarray(0, d.cdb.size).toString('hex'));
      expect(b.subarray(d.cdb.size).every(x => x === 0)).toBe(true); // the rest of the 16-byte BHS field is zero padding
      expect(d.violations).toEqual([]);
    }
  });
});

describe('captured Data-In (tgt)', () => {
  const all = files.flatMap(dataIn);
  const of = (prefix: string) => { const x = all.filter(d => d.cdb.startsWith(prefix)); expect(x.length).toBeGreaterThan(0); return x; };

  it('standard INQUIRY parses clean and re-encodes; allocation length 64 truncates it legally', () => {
    for (const { data } of of('12000000')) {
      const p = InquiryData.decode(data);
      expect(p.violations).toEqual([]);
      expect(p.value.responseDataFormat).toBe(2);
      expect(p.value.items.map(i => i.code)).toContain(0x0960); // iSCSI; LUN 0 (controller) claims 0x01FB, the disk 0x0300 SPC-3
      expect(p.value.vendorIdentification).toBe('IET     ');
      expect(InquiryData.encode(p.value)).toEqual(data);
      expect(p.truncated).toBe(data.length < 66);
    }
  });
  it('VPD 0xB0 parses clean; 0xB1 shows tgt\'s PAGE LENGTH 0x40 where SBC-3 fixes 0x3C', () => {
    for (const { data } of of('1201b0')) {
      const p = BlockLimits.decode(data);
      expect(p.violations).toEqual([]);
      expect(BlockLimits.encode(p.value)).toEqual(data);
    }
    for (const { data } of of('1201b1')) {
      const p = BlockDeviceCharacteristics.decode(data);
      expect(p.violations.map(v => v.rule)).toEqual(['scsi/vpd-b1/pageLength']);
      expect(BlockDeviceCharacteristics.encode(p.value)).toEqual(data);
    }
  });
  it('READ CAPACITY (10) and (16) parse clean and re-encode', () => {
    for (const { data } of of('25')) {
      const p = ReadCapacity10Data.decode(data);
      expect(p.violations).toEqual([]);
      expect(p.value).toMatchObject({ returnedLogicalBlockAddress: 0x1fff, logicalBlockLength: 512 });
      expect(ReadCapacity10Data.encode(p.value)).toEqual(data);
    }
    for (const { data } of of('9e10')) {
      const p = ReadCapacity16Data.decode(data);
      expect(p.violations).toEqual([]);
      expect(p.value).toMatchObject({ returnedLogicalBlockAddress: 0x1fffn, logicalBlockLength: 512, lbppbe: 3, lbpme: false });
      expect(ReadCapacity16Data.encode(p.value)).toEqual(data);
    }
  });
  it('REPORT LUNS parses clean, LUN LIST LENGTH counts the LUNs cut off by a 16-byte allocation', () => {
    for (const { data } of of('a0')) {
      const p = ReportLunsData.decode(data);
      expect(p.violations).toEqual([]);
      expect(p.value.lunListLength).toBe(16);
      expect(p.value.items.map(i => lunToNumber(i.lun))).toEqual(data.length >= 24 ? [0, 1] : [0]);
      expect(ReportLunsData.encode(p.value)).toEqual(data);
    }
  });
  it('MODE SENSE(6) all pages parses, re-encodes, and the typed pages decode clean', () => {
    for (const { data } of of('1a003f')) {
      const p = decodeModeData(data, false);
      expect(p.violations).toEqual([]);
      expect(p.value.header).toMatchObject({ dpofua: true, blockDescriptorLength: 8 });
      expect(encodeModeData(p.value, false)).toEqual(data);
      for (const page of p.value.pages) {
        const S = ModePages[page.pageCode as keyof typeof ModePages];
        if (!S || page.spf) continue; // tgt also sends Control Extension (0A/01) and an empty page 0x00
        const bytes = Buffer.concat([Buffer.from([page.pageCode | (page.ps ? 0x80 : 0), page.data.length]), page.data]);
        expect(S.check(S.decode(bytes) as never, 'spc4/mode-pages', 'scsi/mode-page')).toEqual([]);
      }
      expect(p.value.pages.map(x => x.pageCode)).toEqual(expect.arrayContaining([0x08, 0x0a, 0x1c]));
    }
  });
  it('PR IN READ KEYS (no registrations) parses clean and re-encodes', () => {
    for (const { data } of of('5e00')) {
      const p = ReadKeysData.decode(data);
      expect(p.violations).toEqual([]);
      expect(p.value).toMatchObject({ prGeneration: 0, additionalLength: 0, items: [] });
      expect(ReadKeysData.encode(p.value)).toEqual(data);
    }
  });
  it('REPORT SUPPORTED OPERATION CODES parses clean, re-encodes, and agrees with our CDB lengths', () => {
    for (const { data } of of('a30c')) {
      const p = AllCommandsData.decode(data);
      expect(p.violations).toEqual([]);
      expect(AllCommandsData.encode(p.value)).toEqual(data);
      expect(p.value.commands.length).toBe(50);
      for (const c of p.value.commands) {
        const decl = lookupCdb(c.operationCode, c.servactv ? c.serviceAction : undefined);
        if (decl) expect([decl.name, c.cdbLength]).toEqual([decl.name, decl.size]);
      }
    }
  });
});
