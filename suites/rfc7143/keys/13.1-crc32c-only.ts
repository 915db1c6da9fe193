// RFC 7143 §13.1 HeaderDigest offered as CRC32C alone (numbers from 100: 13.1-header-digest-data-digest.ts holds 1-99).
import { defineSection } from '../../../harness/runner/case.js';
import { describeEvent } from '../../../harness/runner/outcomes.js';

export default defineSection('rfc7143/13.1', 'HeaderDigest and DataDigest', [
  {
    n: 100,
    title: 'HeaderDigest=CRC32C offered alone is answered CRC32C',
    level: 'MUST',
    requirement: 'CRC32C MUST be implemented by every iSCSI target (§13.1), and a list answer is a value from the offer (§6.2.1); an offer of CRC32C alone is therefore answered CRC32C, never None.',
    tags: ['keys', 'digest'],
    async run(t) {
      const c = await t.connect();
      const r = await t.tryLogin(c, { keys: { HeaderDigest: 'CRC32C' } });
      const got = r.keys.HeaderDigest;
      t.check(got === 'CRC32C', 'HeaderDigest=CRC32C in the Login Response', got === undefined ? `no HeaderDigest answer (${describeEvent(r.event)})` : `HeaderDigest=${got}`);
    },
  },
]);
