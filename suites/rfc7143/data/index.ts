// SCSI data transfer sections (RFC 7143 §4.2.5.2, §11.2.3, §11.4, §11.7, §11.8, §11.9), in report order.
import type { Section } from '../../../harness/runner/case.js';
import dataTransfer from './4.2.5.2-data-transfer.js';
import digests from './11.2.3-digests.js';
import scsiResponse from './11.4-scsi-response.js';
import residuals from './11.4.5.2-residuals.js';
import dataIn from './11.7-data-in.js';
import r2t from './11.8-r2t.js';
import asyncMessage from './11.9-async-message.js';

/** The data area's sections. */
export const dataSections: readonly Section[] = [dataTransfer, digests, scsiResponse, residuals, dataIn, r2t, asyncMessage];
