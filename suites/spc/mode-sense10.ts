// SPC-4 MODE SENSE(10): the shared MODE SENSE table in its 10-byte form, plus LLBAA (long LBA descriptors).
import { defineSection } from '../../harness/runner/case.js';
import { pass, scsiStatus } from '../../harness/runner/outcomes.js';
import { decodeModeData } from '../../harness/scsi/data/mode.js';
import { capacity } from '../support.js';
import { FORM10, sense } from './mode-common.js';
import { modeSenseCases } from './mode-sense-cases.js';

export default defineSection('spc/mode-sense10', 'MODE SENSE(10)', [
  ...modeSenseCases(FORM10),
  {
    n: 15, title: 'LLBAA 1 returns short descriptors or long ones flagged LONGLBA, agreeing with READ CAPACITY', level: 'MUST',
    ref: 'spc4 MODE SENSE(10) (LLBAA); sbc3 (long LBA block descriptor)', tags: ['scsi', 'mode-sense'],
    requirement: 'With LLBAA set the device server may return 16-byte descriptors (LONGLBA 1, BLOCK DESCRIPTOR LENGTH 16 each) or short ones (LONGLBA 0); either way the block length is READ CAPACITY\'s.',
    async run(t) {
      const c = await t.login();
      const { blockSize } = await capacity(t, c);
      await t.expect(sense(t, c, FORM10, { llbaa: true }), pass(scsiStatus(0, x => {
        const r = decodeModeData(x.data, true);
        const h = r.value.header as { longlba?: boolean; blockDescriptorLength: number };
        const unit = h.longlba ? 16 : 8;
        return r.violations.length === 0 && h.blockDescriptorLength % unit === 0 && r.value.blockDescriptors.every(d => d.logicalBlockLength === blockSize);
      }, ' with whole descriptors of the right size and block length')));
    },
  },
]);
