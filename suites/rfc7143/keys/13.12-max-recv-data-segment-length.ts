// RFC 7143 §13.12 MaxRecvDataSegmentLength: the declared value must lie in 512..2^24-1.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { closed, loginStatus, nonStrict, pass } from '../../../harness/runner/outcomes.js';

// Boundaries from a table (STYLE.md: families come from tables), each row with its own n.
const outOfRange: Array<[number, number]> = [[1, 511], [2, 2 ** 24]];

export default defineSection('rfc7143/13.12', 'MaxRecvDataSegmentLength', outOfRange.map(([n, value]): CaseDef => ({
  n,
  title: `a declared value of ${value} is not taken as negotiated`,
  level: 'MUST',
  requirement: `The value is a number from 512 to 2^24-1; ${value} is out of range, so the target answers Reject or fails the login.`,
  tags: ['login', 'keys', 'boundary'],
  async run(t) {
    const c = await t.connect();
    const sec = await t.tryLogin(c, { keys: { MaxRecvDataSegmentLength: String(value) } });
    // The security stage passes; the out-of-range value is judged in the operational stage.
    const rejected = { describe: 'MaxRecvDataSegmentLength=Reject in a Login Response', test: () => sec.pairs.some(p => p.key === 'MaxRecvDataSegmentLength' && p.value === 'Reject') };
    await t.expect(sec.event, pass(rejected), pass(loginStatus(0x02)), nonStrict(closed()));
  },
})));
