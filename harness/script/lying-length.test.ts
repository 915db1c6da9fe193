// A send with a lying DataSegmentLength: the bytes after the claimed end are framed by the target as further PDUs
// (and may be rejected, quoting their "header"); the checker must know them, or it blames the target (fuzz finding).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../check/checker.js';
import { startTarget, type RunningTarget } from '../../reference-target/index.js';
import { runScript } from './run-script.js';

let t: RunningTarget;
beforeAll(async () => { t = await startTarget({ host: '127.0.0.1', port: 0 }); });
afterAll(async () => { await t.close(0); });

describe('lying lengths and the checker', () => {
  it('a Reject quoting bytes of our data segment, framed as a header, is matched to what we sent', async () => {
    const data = Buffer.concat([Buffer.from('MaxRecvDataSegmentLength=8192\0'), Buffer.alloc(60, 'k'.charCodeAt(0)), Buffer.from('=1\0')]);
    const r = await runScript({ steps: [
      { op: 'login' },
      { op: 'send', pdu: { type: 'TextRequest', final: true, data: data.toString('hex') }, lengths: { dataSegmentLength: 0 } },
      { op: 'wait', ms: 100 },
    ] }, { url: t.url, checker: () => createChecker({ mode: 'initiator' }) });
    expect(r.violations.map(v => v.rule)).not.toContain('check/reject-header');
    expect(r.signatures.some(s => s.startsWith('Reject/'))).toBe(true);
  });
});
