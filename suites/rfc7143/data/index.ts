// SCSI data transfer sections (RFC 7143 §4.2.5.2, §11.4, §11.7, §11.8), in report order.
import type { Section } from '../../../harness/runner/case.js';
import scsiResponse from './11.4-scsi-response.js';

/** The data area's sections. */
export const dataSections: readonly Section[] = [scsiResponse];
