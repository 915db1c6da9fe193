// pcap writer: tshark decodes the iSCSI PDUs with valid checksums; our capture reader gets the same bytes back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../capture/read-capture.js';
import { encodePduBytes, makePdu } from '../pdu/registry.js';
import { encodeText } from '../text/codec.js';
import { MAX_SEGMENT, PcapRecorder } from './pcap-writer.js';
import type { WireTap } from './tcp.js';

const hasTshark = ((): boolean => {
  try { execFileSync('tshark', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
})();

// A small session: login, a READ with 100 KiB of Data-In (so segments split), a NOP, logout.
function session(): Array<{ dir: 'out' | 'in'; bytes: Buffer }> {
  const login = makePdu('LoginRequest', { immediate: true, transit: true, csg: 1, nsg: 3, isid: 0x400001370000, itt: 1,
    data: encodeText([{ key: 'InitiatorName', value: 'iqn.x:i' }, { key: 'SessionType', value: 'Discovery' }]) });
  const big = Buffer.alloc(100 * 1024, 0xab);
  return [
    { dir: 'out', bytes: encodePduBytes(login) },
    { dir: 'in', bytes: encodePduBytes(makePdu('LoginResponse', { transit: true, csg: 1, nsg: 3, itt: 1, tsih: 5 })) },
    { dir: 'out', bytes: encodePduBytes(makePdu('ScsiCommand', { final: true, read: true, itt: 2, expectedDataTransferLength: big.length, cdb: Buffer.alloc(16) })) },
    { dir: 'in', bytes: encodePduBytes(makePdu('DataIn', { final: true, statusPresent: true, itt: 2, data: big })) },
    { dir: 'out', bytes: encodePduBytes(makePdu('NopOut', { immediate: true, itt: 3, ttt: 0xffffffff })) },
    { dir: 'in', bytes: encodePduBytes(makePdu('NopIn', { itt: 3, ttt: 0xffffffff })) },
    { dir: 'out', bytes: encodePduBytes(makePdu('LogoutRequest', { immediate: true, itt: 4 })) },
    { dir: 'in', bytes: encodePduBytes(makePdu('LogoutResponse', { itt: 4 })) },
  ];
}

function record(file: string, port: number, close: 'local' | 'fin' | 'reset'): Array<{ dir: 'out' | 'in'; bytes: Buffer }> {
  const rec = PcapRecorder.toFile(file);
  const tap: WireTap = rec.tap();
  const t0 = 1_700_000_000.25;
  tap.opened({ localAddress: '127.0.0.1', localPort: 40000, remoteAddress: '127.0.0.1', remotePort: port }, t0);
  const s = session();
  s.forEach((p, i) => tap.data(p.dir, p.bytes, t0 + 0.001 * (i + 1)));
  tap.closed({ reason: close }, t0 + 1);
  rec.close();
  return s;
}

const tmp = (name: string): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pcapw-')), name);

describe('PcapRecorder', () => {
  it('reads back with the capture reader: same bytes per direction, same timestamps', () => {
    const file = tmp('s.pcap');
    const s = record(file, 3260, 'local');
    const cap = readCapture(fs.readFileSync(file));
    expect(cap.warnings).toEqual([]);
    expect(cap.connections).toHaveLength(1);
    const c = cap.connections[0]!;
    expect(c.target).toBe('127.0.0.1:3260');
    expect(Buffer.concat(c.i2t.map(x => x.data))).toEqual(Buffer.concat(s.filter(p => p.dir === 'out').map(p => p.bytes)));
    expect(Buffer.concat(c.t2i.map(x => x.data))).toEqual(Buffer.concat(s.filter(p => p.dir === 'in').map(p => p.bytes)));
    expect(Math.max(...c.t2i.map(x => x.data.length))).toBeLessThanOrEqual(MAX_SEGMENT);
    expect(c.i2t[0]!.time).toBeCloseTo(1_700_000_000.251, 5);
  });

  it.skipIf(!hasTshark)('tshark decodes every iSCSI PDU on 3260 and, with -d, on another port; checksums are good', () => {
    for (const [port, extra] of [[3260, []], [3296, ['-d', 'tcp.port==3296,iscsi']]] as const) {
      const file = tmp('t.pcap');
      record(file, port, 'fin');
      const out = execFileSync('tshark', ['-r', file, ...extra, '-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE',
        '-o', 'tcp.analyze_sequence_numbers:TRUE', '-T', 'fields', '-e', 'iscsi.opcode', '-e', 'ip.checksum.status',
        '-e', 'tcp.checksum.status', '-e', 'tcp.analysis.flags', '-e', 'tcp.flags.str'], { encoding: 'utf8', stderr: 'ignore' } as never) as unknown as string;
      const rows = out.split('\n').filter(l => l.length > 0).map(l => l.split('\t'));
      const opcodes = rows.flatMap(r => (r[0] ? r[0].split(',') : [])).map(o => Number(o));
      expect(opcodes).toEqual([0x03, 0x23, 0x01, 0x25, 0x00, 0x20, 0x06, 0x26]);
      for (const r of rows) {
        expect(r[1]).toBe('1'); // checksum status 1 = good (0 bad, 2 unverified)
        expect(r[2]).toBe('1');
        expect(r[3]).toBe(''); // no retransmission / lost segment / bad ack analysis flags
      }
      expect(rows[0]![4]).toMatch(/S/);
      expect(rows.at(-1)![4]).toMatch(/A/);
    }
  });

  it('a reset ends the connection with RST', () => {
    const file = tmp('r.pcap');
    record(file, 3260, 'reset');
    const cap = readCapture(fs.readFileSync(file));
    expect(cap.connections).toHaveLength(1);
  });
});
