// Golden test: every capture in ../shared/captures frames into exactly the PDUs of its .pdus.jsonl.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frameConnection, type CapturedPdu } from './frame-connection.js';
import { readCapture } from './read-capture.js';
import { pcapngFile } from './synth.js';
import { CaptureError } from './types.js';

const dir = new URL('../../../shared/captures/', import.meta.url);
// Listed at collection time and not wrapped in a skip: a missing directory fails the run.
const captures = readdirSync(dir).filter((f) => f.endsWith('.pcap')).sort();

interface Golden {
  conn: number; t: number; dir: string; opcode: string; bhs: string; ahs: string;
  headerDigest: string | null; data: string; pad: string; dataDigest: string | null; digestOk: boolean | null;
}

const hex = (b: Buffer | null): string | null => (b ? b.toString('hex') : null);

function framedCapture(file: string): { pdus: CapturedPdu[]; start: number } {
  const { connections, warnings, start } = readCapture(readFileSync(new URL(file, dir)));
  expect(warnings).toEqual([]);
  const pdus = connections.flatMap((c) => {
    const f = frameConnection(c);
    expect(f.trailing).toEqual({ i2t: 0, t2i: 0 });
    return f.pdus;
  });
  // Stable sort: within a connection frameConnection's order already breaks ties (i2t first).
  return { pdus: pdus.sort((a, b) => a.time - b.time || a.conn - b.conn), start };
}

describe('captures in ../shared/captures', () => {
  it('are present', () => {
    expect(captures.length).toBeGreaterThanOrEqual(13);
    expect(fileURLToPath(dir)).toMatch(/shared[\\/]captures[\\/]?$/);
  });

  it.each(captures)('%s frames into the PDUs of its .pdus.jsonl', (file) => {
    const golden = readFileSync(new URL(file.replace(/\.pcap$/, '.pdus.jsonl'), dir), 'utf8')
      .split('\n').filter(Boolean).map((l) => JSON.parse(l) as Golden);
    const { pdus, start } = framedCapture(file);
    expect(pdus.length).toBe(golden.length);
    pdus.forEach((p, i) => {
      const g = golden[i]!;
      const ours = {
        conn: p.conn, dir: p.dir, opcode: `0x${(p.bhs[0]! & 0x3f).toString(16).padStart(2, '0')}`,
        bhs: hex(p.bhs), ahs: hex(p.ahs), headerDigest: hex(p.headerDigest), data: hex(p.data), pad: hex(p.pad),
        dataDigest: hex(p.dataDigest), digestOk: p.digestOk,
      };
      const { t, name: _name, ...rest } = g as Golden & { name: string };
      expect(ours, `${file} PDU ${i}`).toEqual(rest);
      expect(Math.abs(p.time - start - t), `${file} PDU ${i} time`).toBeLessThan(2e-6);
    });
  });

  it('finds the connections, endpoints and digests that SUMMARY.txt lists', () => {
    const summary = new Map<string, string[]>();
    let file = '';
    for (const line of readFileSync(new URL('SUMMARY.txt', dir), 'utf8').split('\n')) {
      const head = /^(\S+\.pcap): /.exec(line);
      if (head) { file = head[1]!; summary.set(file, []); continue; }
      const conn = /^\s+conn (\d+) (\S+)>(\S+): digests header=(\w+) data=(\w+)/.exec(line);
      if (conn) summary.get(file)!.push(conn.slice(1).join(' '));
    }
    expect([...summary.keys()].sort()).toEqual(captures);
    for (const f of captures) {
      const ours = readCapture(readFileSync(new URL(f, dir))).connections.map((c) => {
        const { digests } = frameConnection(c);
        return `${c.id} ${c.initiator} ${c.target} ${digests.header} ${digests.data}`;
      });
      expect(ours, f).toEqual(summary.get(f));
    }
  });

  it('header-digest captures switch digests on after login', () => {
    const { pdus } = framedCapture('header-digest.pcap');
    expect(pdus.filter((p) => p.headerDigest).length).toBe(10);
    expect(pdus.every((p) => p.digestOk !== false)).toBe(true);
  });
});

describe('bad capture files', () => {
  const good = readFileSync(new URL('inquiry.pcap', dir));

  it('a file cut 10 bytes short throws ERR_CAPTURE_TRUNCATED naming the record', () => {
    const err = (() => { try { readCapture(good.subarray(0, good.length - 10)); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(CaptureError);
    expect(err).toMatchObject({ code: 'ERR_CAPTURE_TRUNCATED' });
    expect((err as Error).message).toMatch(/record \d+ at byte \d+/);
  });

  it.each([
    ['garbage', Buffer.from('this is not a capture file at all, just text')],
    ['a corrupt record length', (() => { const b = Buffer.from(good); b.writeUInt32LE(0xfffffff0, 24 + 8); return b; })()],
  ])('%s throws ERR_CAPTURE_FORMAT', (_name, buf) => {
    expect(() => readCapture(buf)).toThrow(expect.objectContaining({ code: 'ERR_CAPTURE_FORMAT' }));
  });

  it('an empty file throws ERR_CAPTURE_TRUNCATED, never a RangeError', () => {
    expect(() => readCapture(Buffer.alloc(0))).toThrow(expect.objectContaining({ code: 'ERR_CAPTURE_TRUNCATED' }));
    for (let n = 1; n < 60; n++) {
      try { readCapture(good.subarray(0, n)); } catch (e) { expect(e).toBeInstanceOf(CaptureError); }
    }
  });

  it('mutated or cut files (pcap and pcapng) throw nothing but CaptureError', () => {
    const ng = pcapngFile([{ linkType: 1 }], [...readCapture(good).connections[0]!.i2t.slice(0, 3)]
      .map((c, i) => ({ iface: 0, ticks: BigInt(i), data: Buffer.concat([Buffer.alloc(12), Buffer.from([8, 0]), c.data]) })));
    fc.assert(fc.property(
      fc.constantFrom(good, ng), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.nat(),
      (file, flips, cut) => {
        const b = Buffer.from(file);
        for (const [at, v] of flips) b[at % b.length] = v;
        try { readCapture(b.subarray(0, b.length - (cut % 64))); } catch (e) { expect(e).toBeInstanceOf(CaptureError); }
      },
    ));
  });
});
