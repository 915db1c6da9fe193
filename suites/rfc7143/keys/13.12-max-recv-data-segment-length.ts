// RFC 7143 §13.12 MaxRecvDataSegmentLength: a declared value in 512..2^24-1; the target declares its own.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { closed, loginStatus, nonStrict, pass } from '../../../harness/runner/outcomes.js';
import { keyRejected, parseNumber, valuesOf } from '../../support-login.js';
import { offerCase } from './offer.js';

// Boundaries from a table (STYLE.md: families come from tables), each row with its own n.
const outOfRange: Array<[number, string]> = [[1, '511'], [2, String(2 ** 24)], [3, '0'], [6, '8k']];

const refused = outOfRange.map(([n, value]): CaseDef => ({
  n,
  title: `a declared value of ${value} is not taken as negotiated`,
  level: 'MUST',
  requirement: `The value is a number from 512 to 2^24-1; ${value} is not, so the target answers Reject or fails the login.`,
  tags: ['login', 'keys', 'boundary'],
  async run(t) {
    const c = await t.connect();
    const r = await t.tryLogin(c, { keys: { MaxRecvDataSegmentLength: value } });
    await t.expect(r.event, pass(keyRejected(r, 'MaxRecvDataSegmentLength')), pass(loginStatus(0x02)), nonStrict(closed()));
  },
}));

const legal = ([[4, '512'], [5, String(2 ** 24 - 1)]] as const).map(([n, value]) => offerCase({
  n, key: 'MaxRecvDataSegmentLength', value, expect: { fn: 'declare' },
  title: `a declared value of ${value} is accepted`, requirement: `${value} is within 512..2^24-1, so the declaration is accepted and the login goes on.`,
}));

const ours: CaseDef = {
  n: 7, title: "the target's own declared value is within 512..2^24-1", level: 'MUST',
  requirement: 'The target declares the data segment length it can receive; the value is a number from 512 to 2^24-1.',
  tags: ['login', 'keys'],
  async run(t) {
    const c = await t.connect();
    const r = await t.tryLogin(c);
    const v = valuesOf(r, 'MaxRecvDataSegmentLength').map(parseNumber);
    await t.expect(r.event, pass({ describe: 'login succeeds; any declared MaxRecvDataSegmentLength is within 512..16777215',
      test: () => r.ok && v.every(x => x !== undefined && x >= 512 && x <= 2 ** 24 - 1) }));
  },
};

export default defineSection('rfc7143/13.12', 'MaxRecvDataSegmentLength', [...refused, ...legal, ours]);
