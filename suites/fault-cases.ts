// Cases written so that a reference-target fault has a case that catches it, in other areas' sections (numbers >= 100).
import type { Section } from '../harness/runner/case.js';
import crc32cOnly from './rfc7143/keys/13.1-crc32c-only.js';
import ittEcho from './rfc7143/data/11.4-itt-echo.js';
import vendorOpcodes from './rfc7143/reject/11.2.1.2-vendor-opcodes.js';
import inquiryAllocation from './spc/inquiry-allocation.js';
import readCapacity10Reserved from './sbc/read-capacity10-reserved.js';
import compareAndWrite from './sbc/compare-and-write-miscompare.js';

/** The extra sections, after their areas' own. */
export const faultCaseSections: readonly Section[] = [crc32cOnly, ittEcho, vendorOpcodes, inquiryAllocation, readCapacity10Reserved, compareAndWrite];
