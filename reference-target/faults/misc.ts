// Faults in the rest: Reject, discovery, logout, TMF, process robustness, and SCSI results (SPC-4 / SBC-3).
import { defineFault } from './define.js';

/** Remaining deviations. */
export const miscFaults = [
  defineFault({
    id: 'fault/reject-wrong-reason', ref: 'rfc7143/11.17.1',
    description: 'an unknown opcode is rejected with reason 0x09 (invalid PDU field) instead of 0x05 (command not supported)',
    caughtBy: ['rfc7143/11.2.1.2/1'],
    hooks: { unknownOpcodeReason: () => 0x09 },
  }),
  defineFault({
    id: 'fault/unknown-opcode-silence', ref: 'rfc7143/11.17',
    description: 'vendor-range opcodes (0x1c-0x1e) get no answer at all',
    caughtBy: ['rfc7143/11.2.1.2/100'],
    trigger: 'a PDU with opcode 0x1c, 0x1d or 0x1e',
    hooks: { unknownOpcodeReason: (r, op) => (op >= 0x1c && op <= 0x1e ? null : r) },
  }),
  defineFault({
    id: 'fault/discovery-allows-scsi', ref: 'rfc7143/4.3',
    description: 'SCSI commands are executed in a Discovery session',
    caughtBy: ['rfc7143/4.3/1'],
    hooks: { discoveryRejectsScsi: () => false },
  }),
  defineFault({
    id: 'fault/logout-no-response', ref: 'rfc7143/11.15',
    description: 'a Logout Request gets no Logout Response; the connection just closes',
    caughtBy: ['rfc7143/11.14/1', 'rfc7143/11.14/7'],
    hooks: { logoutResponds: () => false },
  }),
  defineFault({
    id: 'fault/tmf-ignores-lun', ref: 'rfc7143/11.6.1',
    description: 'a TMF naming a LUN that does not exist is answered Function Complete instead of 2',
    caughtBy: ['rfc7143/11.6.1/5'],
    hooks: { tmfChecksLun: () => false },
  }),
  defineFault({
    id: 'fault/crash-on-nop-ahs', ref: 'rfc7143/11.2.2',
    description: 'the target process exits when a NOP-Out carries an AHS',
    caughtBy: ['rfc7143/7.7/1'],
    trigger: 'a NOP-Out with TotalAHSLength > 0',
    hooks: { receive: (act, p) => (p.type === 'NopOut' && p.ahs.length > 0 ? 'crash' : act) },
  }),
  defineFault({
    id: 'fault/hang-on-tmf-11', ref: 'rfc7143/11.5.1',
    description: 'the connection stops answering after a TMF with function 11 (I_T NEXUS RESET)',
    caughtBy: ['rfc7143/11.5.1/14'],
    trigger: 'a Task Management Request with function 11',
    hooks: { receive: (act, p) => (p.type === 'TaskManagementRequest' && p.function === 11 ? 'hang' : act) },
  }),
  defineFault({
    id: 'fault/read-capacity-off-by-one', ref: 'sbc3/5.16.2',
    description: 'READ CAPACITY (10) returns the number of blocks instead of the last LBA',
    caughtBy: ['sbc/read-capacity10/1'],
    hooks: {
      scsiResult: (r, req) => {
        if (req.cdb[0] !== 0x25 || r.status !== 0 || !r.dataIn || r.dataIn.length < 8) return r;
        const d = Buffer.from(r.dataIn);
        d.writeUInt32BE((d.readUInt32BE(0) + 1) >>> 0, 0);
        return { ...r, dataIn: d };
      },
    },
  }),
];
