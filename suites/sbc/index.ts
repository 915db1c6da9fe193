// The SBC sections, one per command, in report order; suites/index.ts spreads them into the registry.
import type { Section } from '../../harness/runner/case.js';
import readCapacity10 from './read-capacity10.js';
import readCapacity16 from './read-capacity16.js';
import read6 from './read6.js';
import read10 from './read10.js';
import read12 from './read12.js';
import read16 from './read16.js';
import write6 from './write6.js';
import write10 from './write10.js';
import write12 from './write12.js';
import write16 from './write16.js';
import verify10 from './verify10.js';
import verify12 from './verify12.js';
import verify16 from './verify16.js';
import writeAndVerify10 from './write-and-verify10.js';
import writeAndVerify12 from './write-and-verify12.js';
import writeAndVerify16 from './write-and-verify16.js';
import writeSame10 from './write-same10.js';
import writeSame16 from './write-same16.js';
import unmap from './unmap.js';
import getLbaStatus from './get-lba-status.js';
import compareAndWrite from './compare-and-write.js';
import orWrite16 from './orwrite16.js';
import synchronizeCache10 from './synchronize-cache10.js';
import synchronizeCache16 from './synchronize-cache16.js';
import preFetch10 from './pre-fetch10.js';
import preFetch16 from './pre-fetch16.js';
import readDefectData10 from './read-defect-data10.js';
import readDefectData12 from './read-defect-data12.js';
import startStopUnit from './start-stop-unit.js';
import preventAllowMediumRemoval from './prevent-allow-medium-removal.js';
import vpd from './vpd.js';

/** Every SBC section, in the order cases run and reports list them. */
export const sbcSections: readonly Section[] = [
  readCapacity16, readCapacity10,
  read6, read10, read12, read16, write6, write10, write12, write16,
  verify10, verify12, verify16, writeAndVerify10, writeAndVerify12, writeAndVerify16,
  writeSame10, writeSame16, unmap, getLbaStatus, compareAndWrite, orWrite16, synchronizeCache10, synchronizeCache16,
  preFetch10, preFetch16, readDefectData10, readDefectData12, startStopUnit, preventAllowMediumRemoval, vpd,
];
