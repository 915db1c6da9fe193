// SNACK at ErrorRecoveryLevel 1 (RFC 7143 §11.16): each Type on the wire, the refusals §11.16 names, and ERL 0.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { encodePdu, makePdu, type KnownPdu, type PduNamed } from '../../harness/pdu/registry.js';
import type { TextPair } from '../../harness/text/codec.js';
import { RawClient } from '../test-support/raw-client.js';
import { loggedInClient, startTestTarget, TEST_IQN } from '../test-support/start.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

const NO_TAG = 0xffffffff;

const loggedIn = (cfg = {}, keys: TextPair[] = [{ key: 'ErrorRecoveryLevel', value: '1' }]) => loggedInClient(open, cfg, keys);

const read10 = (lba: number, blocks: number): Buffer => {
  const cdb = Buffer.alloc(16);
  cdb[0] = 0x28; cdb.writeUInt32BE(lba, 2); cdb.writeUInt16BE(blocks, 7);
  return cdb;
};

/** A SCSI Command that acknowledges only up to `ack` (so what follows stays unacknowledged). */
function command(c: RawClient, itt: number, cdb: Buffer, ack: number, read = 0, write = 0) {
  c.send(makePdu('ScsiCommand', { final: true, read: read > 0, write: write > 0, itt, expectedDataTransferLength: read || write, cmdSN: c.cmdSN, expStatSN: ack, cdb }));
  c.cmdSN = (c.cmdSN + 1) >>> 0;
}

const snack = (c: RawClient, v: Partial<PduNamed<'SnackRequest'>>, ack: number): void =>
  c.send(makePdu('SnackRequest', { final: true, itt: NO_TAG, tttOrSnackTag: NO_TAG, expStatSN: ack, ...v }));

/** The BHS with ExpCmdSN and MaxCmdSN (bytes 28-35) zeroed: what a replica must repeat exactly (§11.16). */
const replicaBytes = (p: KnownPdu): Buffer => {
  const b = Buffer.from(encodePdu(p).bhs);
  b.fill(0, 28, 36);
  return b;
};

describe('SNACK at ErrorRecoveryLevel 1', () => {
  it('answers ErrorRecoveryLevel with min(offered, 1) and MaxOutstandingR2T=1 with it (§13.20, §13.19)', async () => {
    const { login } = await loggedIn({}, [{ key: 'ErrorRecoveryLevel', value: '2' }, { key: 'MaxOutstandingR2T', value: '8' }]);
    expect(login.keys.get('ErrorRecoveryLevel')).toBe('1');
    expect(login.keys.get('MaxOutstandingR2T')).toBe('1');
  });

  it('Status SNACK: resends the numbered response as an exact replica, and all unacknowledged ones for 0/0', async () => {
    const { c } = await loggedIn();
    const ack = c.expStatSN;
    command(c, 1, Buffer.alloc(16), ack);
    const first = await c.expect('ScsiResponse');
    command(c, 2, Buffer.alloc(16), ack);
    const second = await c.expect('ScsiResponse');
    snack(c, { snackType: 1, begRun: first.statSN, runLength: 1 }, ack);
    expect(replicaBytes(await c.expect('ScsiResponse'))).toEqual(replicaBytes(first));
    snack(c, { snackType: 1, begRun: 0, runLength: 0 }, ack);
    expect((await c.expect('ScsiResponse')).statSN).toBe(first.statSN);
    expect(replicaBytes(await c.expect('ScsiResponse'))).toEqual(replicaBytes(second));
  });

  it('Status SNACK for an acknowledged or never-sent StatSN is a Protocol Error (§11.16)', async () => {
    const { c } = await loggedIn();
    command(c, 1, Buffer.alloc(16), c.expStatSN);
    const done = await c.expect('ScsiResponse');
    const acked = (done.statSN + 1) >>> 0;
    snack(c, { snackType: 1, begRun: done.statSN, runLength: 1 }, acked); // its own ExpStatSN acknowledges the status
    expect((await c.expect('Reject')).reason).toBe(0x04);
    snack(c, { snackType: 1, begRun: (done.statSN + 10) >>> 0, runLength: 1 }, acked);
    expect((await c.expect('Reject')).reason).toBe(0x04);
  });

  it('Data SNACK: resends the requested Data-In run, the status-bearing last one included', async () => {
    const { c } = await loggedIn({}, [{ key: 'ErrorRecoveryLevel', value: '1' }, { key: 'MaxRecvDataSegmentLength', value: '512' }]);
    const ack = c.expStatSN;
    command(c, 5, read10(0, 4), ack, 2048);
    const sent: PduNamed<'DataIn'>[] = [];
    for (let i = 0; i < 4; i++) sent.push(await c.expect('DataIn'));
    expect(sent[3]!.statusPresent).toBe(true);
    snack(c, { snackType: 0, itt: 5, begRun: 1, runLength: 2 }, ack);
    expect(replicaBytes(await c.expect('DataIn'))).toEqual(replicaBytes(sent[1]!));
    const again = await c.expect('DataIn');
    expect(replicaBytes(again)).toEqual(replicaBytes(sent[2]!));
    expect(again.data).toEqual(sent[2]!.data);
    snack(c, { snackType: 0, itt: 5, begRun: 3, runLength: 0 }, ack);
    expect(replicaBytes(await c.expect('DataIn'))).toEqual(replicaBytes(sent[3]!));
    // Beyond what was sent: Protocol Error, with the next DataSN in the Reject (§11.17.2).
    snack(c, { snackType: 0, itt: 5, begRun: 4, runLength: 1 }, ack);
    const rej = await c.expect('Reject');
    expect([rej.reason, rej.dataSNOrR2TSN]).toEqual([0x04, 4]);
    // Once the status is acknowledged the data is let go: a Data SNACK must precede that (§11.16.1).
    snack(c, { snackType: 0, itt: 5, begRun: 0, runLength: 1 }, (sent[3]!.statSN + 1) >>> 0);
    expect((await c.expect('Reject')).reason).toBe(0x04);
  });

  it('R2T SNACK: resends an R2T still waiting for its data, with the current StatSN', async () => {
    const { c, device } = await loggedIn({}, [{ key: 'ErrorRecoveryLevel', value: '1' }, { key: 'InitialR2T', value: 'Yes' }, { key: 'ImmediateData', value: 'No' }]);
    const write10 = read10(8, 2);
    write10[0] = 0x2a;
    command(c, 6, write10, c.expStatSN, 0, 1024);
    const r2t = await c.expect('R2t');
    snack(c, { snackType: 0, itt: 6, begRun: r2t.r2tSN, runLength: 1 }, c.expStatSN);
    const again = await c.expect('R2t');
    expect(replicaBytes(again)).toEqual(replicaBytes(r2t));
    const data = Buffer.alloc(1024, 0x5a);
    c.send(makePdu('DataOut', { final: true, itt: 6, ttt: again.ttt, dataSN: 0, bufferOffset: 0, expStatSN: c.expStatSN, data }));
    expect((await c.expect('ScsiResponse')).status).toBe(0);
    expect(device.disk.subarray(8 * 512, 10 * 512)).toEqual(data);
    snack(c, { snackType: 0, itt: 6, begRun: 0, runLength: 1 }, c.expStatSN);
    expect((await c.expect('Reject')).reason).toBe(0x04);
  });

  it('R-Data SNACK: resends the data from DataSN 0 and a SCSI Response with the SNACK Tag and the same StatSN', async () => {
    const { c } = await loggedIn({}, [{ key: 'ErrorRecoveryLevel', value: '1' }, { key: 'MaxRecvDataSegmentLength', value: '1024' }]);
    const ack = c.expStatSN;
    command(c, 7, read10(0, 4), ack, 2048);
    const first = await c.expect('DataIn');
    const last = await c.expect('DataIn');
    expect(last.statusPresent).toBe(true);
    snack(c, { snackType: 3, itt: 7, tttOrSnackTag: 0 }, ack);
    expect((await c.expect('Reject')).reason).toBe(0x09); // §11.16.5: the tag must not be 0
    snack(c, { snackType: 3, itt: 7, tttOrSnackTag: 0x77 }, ack);
    const d0 = await c.expect('DataIn');
    const d1 = await c.expect('DataIn');
    expect([d0.dataSN, d1.dataSN, d1.statusPresent]).toEqual([0, 1, false]);
    expect(Buffer.concat([d0.data, d1.data])).toEqual(Buffer.concat([first.data, last.data]));
    const rsp = await c.expect('ScsiResponse');
    expect([rsp.itt, rsp.snackTag, rsp.statSN, rsp.status, rsp.expDataSN]).toEqual([7, 0x77, last.statSN, 0, 2]);
    // A Status SNACK now gets the latest content, SNACK Tag included (§11.16.3).
    snack(c, { snackType: 1, begRun: last.statSN, runLength: 1 }, ack);
    expect((await c.expect('ScsiResponse')).snackTag).toBe(0x77);
  });

  it('refuses a DataACK (we never set the A bit) with "Invalid data ack" and a reserved Type, and keeps serving', async () => {
    const { c } = await loggedIn();
    snack(c, { snackType: 2, tttOrSnackTag: 0x1234, begRun: 1, runLength: 0 }, c.expStatSN);
    expect((await c.expect('Reject')).reason).toBe(0x08);
    snack(c, { snackType: 9, begRun: 0, runLength: 0 }, c.expStatSN);
    expect((await c.expect('Reject')).reason).toBe(0x04);
    command(c, 9, Buffer.alloc(16), c.expStatSN);
    expect((await c.expect('ScsiResponse')).status).toBe(0);
  });
  it('a Status SNACK for a response let go under the cap gets "SNACK Reject" (§7.8, §11.17.1)', async () => {
    const t = await startTestTarget({ limits: { maxHeldResponses: 1 } });
    open.push({ close: () => t.target.close(0) });
    const c = await RawClient.connect(t.port);
    open.push(c);
    const r = await c.login(TEST_IQN, [{ key: 'ErrorRecoveryLevel', value: '1' }]);
    c.cmdSN = r.rsp.expCmdSN;
    const ack = c.expStatSN;
    const tur = (itt: number) => makePdu('ScsiCommand', { final: true, itt, cmdSN: c.cmdSN++, expStatSN: ack, cdb: Buffer.alloc(16) });
    c.send(tur(1));
    const first = await c.expect('ScsiResponse');
    c.send(tur(2));
    await c.expect('ScsiResponse');
    c.send(makePdu('SnackRequest', { final: true, snackType: 1, itt: 0xffffffff, tttOrSnackTag: 0xffffffff, expStatSN: ack, begRun: first.statSN, runLength: 1 }));
    expect((await c.expect('Reject')).reason).toBe(0x03);
  });

  it('any SNACK, however odd its fields, gets an answer or nothing, and the connection keeps serving', async () => {
    const { c, logger } = await loggedIn({ limits: { maxHeldResponses: 8 } }, [{ key: 'ErrorRecoveryLevel', value: '1' }, { key: 'MaxRecvDataSegmentLength', value: '512' }]);
    const ack = c.expStatSN;
    command(c, 1, read10(0, 3), ack, 1536);
    for (let i = 0; i < 3; i++) await c.expect('DataIn');
    const u32 = fc.oneof(fc.constantFrom(0, 1, 2, 3, 0x7fffffff, 0xfffffffe, 0xffffffff), fc.nat(0xffffffff));
    const snacks = fc.sample(fc.record({ snackType: fc.nat(15), itt: fc.constantFrom(1, 2, 0xffffffff), tttOrSnackTag: u32, begRun: u32, runLength: u32 }), { numRuns: 200, seed: 7 });
    for (const v of snacks) snack(c, v, ack);
    c.send(makePdu('NopOut', { immediate: true, itt: 0x99, ttt: NO_TAG, cmdSN: c.cmdSN, expStatSN: ack, data: Buffer.from('alive') }));
    for (;;) {
      const p = await c.next(2000);
      expect(p).not.toBeNull();
      if (p!.type === 'NopIn' && p!.itt === 0x99) break;
    }
    expect(logger.lines.filter(l => l.includes('internal error'))).toEqual([]);
  });
});

describe('SNACK at ErrorRecoveryLevel 0', () => {
  it('a target configured for ERL 0 answers 0 and rejects every SNACK with Protocol Error (§7.1.5)', async () => {
    const { c, login } = await loggedIn({ erl: 0 }, [{ key: 'ErrorRecoveryLevel', value: '1' }, { key: 'MaxOutstandingR2T', value: '8' }]);
    expect(login.keys.get('ErrorRecoveryLevel')).toBe('0');
    expect(login.keys.get('MaxOutstandingR2T')).toBe('4');
    const ack = c.expStatSN;
    command(c, 1, Buffer.alloc(16), ack);
    const done = await c.expect('ScsiResponse');
    snack(c, { snackType: 1, begRun: done.statSN, runLength: 1 }, ack);
    expect((await c.expect('Reject')).reason).toBe(0x04);
  });

  it('an initiator that does not offer ERL gets ERL 0 from an ERL 1 target, and SNACK is refused', async () => {
    const { c } = await loggedIn({}, []);
    snack(c, { snackType: 1, begRun: 0, runLength: 0 }, c.expStatSN);
    expect((await c.expect('Reject')).reason).toBe(0x04);
  });
});
