// The SCSI layer of the reference target: createScsiDevice, the device contract and the fault catalogue.
export { createScsiDevice, type LunSpec, type ScsiDeviceOptions } from './scsi-device.js';
export type { Nexus, ScsiDevice, ScsiRequest, ScsiReset, ScsiResult } from './device.js';
export { SCSI_FAULTS, SCSI_FAULT_IDS, type ScsiFault } from './faults.js';
