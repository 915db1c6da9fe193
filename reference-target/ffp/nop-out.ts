// NOP-Out handler (RFC 7143 §11.18, §11.19): ping echo, and answers to our own NOP-In pings.
import { makePdu, type PduNamed } from '../../harness/pdu/registry.js';
import { NO_TAG } from '../../harness/pdu/types/codes.js';
import type { Connection } from '../connection.js';
import { Reason, reject } from './reject.js';

/**
 * A NOP-Out with an ITT is a ping: the NOP-In echoes ITT, LUN and the ping data, takes a StatSN, and carries
 * TTT 0xffffffff. With ITT 0xffffffff it wants no answer; a TTT other than 0xffffffff answers our ping and must be
 * the one we sent.
 */
export function handleNopOut(conn: Connection, nop: PduNamed<'NopOut'>, bhs: Buffer): void {
  if (nop.itt === NO_TAG) {
    if (nop.ttt === NO_TAG) return;
    if (nop.ttt !== conn.pingTtt) return reject(conn, bhs, Reason.invalidPduField, `NOP-Out answers TTT 0x${nop.ttt.toString(16)} we never sent`);
    conn.pingTtt = undefined;
    return;
  }
  if (nop.ttt !== NO_TAG) return reject(conn, bhs, Reason.invalidPduField, 'a NOP-Out ping (ITT set) must carry TTT 0xffffffff (§11.18.3)');
  conn.send(makePdu('NopIn', {
    final: true, lun: nop.lun, itt: nop.itt, ttt: NO_TAG, statSN: 0, expCmdSN: 0, maxCmdSN: 0,
    ahs: [], data: nop.data.subarray(0, conn.sendLimit),
  }), true);
}
