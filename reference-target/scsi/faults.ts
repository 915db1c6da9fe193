// Deliberate SCSI-level deviations the reference target can switch on (`--fault ID`), so the suites
// and the fuzzer can prove they notice each one. Each is a named hook in this layer.

/** One fault's catalogue entry. */
export interface ScsiFault {
  id: string;
  /** The rule the fault breaks. */
  ref: string;
  description: string;
}

/** The SCSI faults, for the target's --list-faults. */
export const SCSI_FAULTS: ScsiFault[] = [
  { id: 'fault/sense-unknown-opcode-wrong', ref: 'spc4/invalid-command-operation-code', description: 'an unknown opcode gets INVALID FIELD IN CDB (24/00) instead of INVALID COMMAND OPERATION CODE (20/00)' },
  { id: 'fault/read-beyond-end-ok', ref: 'sbc3/read10', description: 'READ past the last LBA returns GOOD with zeros instead of LBA OUT OF RANGE (21/00)' },
  { id: 'fault/write-lost', ref: 'sbc3/write10', description: 'a WRITE covering LBA 0 returns GOOD but does not store LBA 0' },
  { id: 'fault/inquiry-alloc-overrun', ref: 'spc4/inquiry', description: 'INQUIRY returns all its data even when the allocation length is smaller' },
  { id: 'fault/ua-never', ref: 'spc4/unit-attention', description: 'no POWER ON, RESET OCCURRED unit attention after power-on or a reset' },
  { id: 'fault/compare-and-write-no-miscompare', ref: 'sbc3/compare-and-write', description: 'COMPARE AND WRITE writes without comparing, so a mismatch never gives MISCOMPARE' },
  { id: 'fault/reserve-ignored', ref: 'spc2/reserve6', description: 'commands from other nexuses pass a RESERVE(6/10) reservation instead of getting RESERVATION CONFLICT' },
  { id: 'fault/crash-on-cdb-reserved-bit', ref: 'spc4/reserved-fields', description: 'READ CAPACITY(10) with reserved bit 5 of byte 1 set (the SCSI-2 LUN field) throws inside execute; the target catches it and answers CHECK CONDITION, HARDWARE ERROR / INTERNAL TARGET FAILURE (04/44/00), which the fuzzer reports as fuzz/internal-target-failure' },
];

/** Ids of the catalogue, for validating --fault values. */
export const SCSI_FAULT_IDS: ReadonlySet<string> = new Set(SCSI_FAULTS.map(f => f.id));

/** The crash fault's trigger: a rare reserved bit a fuzzer must set to find it. */
export function crashTrigger(cdb: Buffer): boolean {
  return cdb[0] === 0x25 && cdb.length > 1 && (cdb[1] & 0x20) !== 0;
}
