// Fixture sections that end in every verdict against the fake target (runner and CLI tests).
import { defineSection, type Section } from '../case.js';
import { pass, pdu, reject } from '../outcomes.js';
import type { Profile } from '../profile.js';

/** One case per verdict; rfc7143/99 is a section number no real suite uses. */
export const fixtureSections: Section[] = [
  defineSection('rfc7143/99.1', 'Fixture: verdicts', [
    { n: 1, title: 'NOP-Out ping is answered', level: 'MUST', requirement: 'fixture pass', tags: ['fixture', 'nop'],
      async run(t) { const c = await t.login(); await t.expect(c.nop(Buffer.from('ping')), pass(pdu('NopIn', p => p.data.toString() === 'ping', 'NOP-In echoing "ping"'))); } },
    { n: 2, title: 'a NOP-Out is rejected (wrongly expected)', level: 'MUST', requirement: 'fixture fail', tags: ['fixture'],
      async run(t) { const c = await t.login(); await t.expect(c.nop(), pass(reject(5))); } },
    { n: 3, title: 'destructive case', level: 'MUST', requirement: 'fixture skip', tags: ['fixture'], requires: ['dataloss'],
      async run() { /* never runs without --dataloss */ } },
    { n: 4, title: 'harness fault', level: 'MUST', requirement: 'fixture error', tags: ['fixture'],
      async run() { throw new Error('boom'); } },
    { n: 5, title: 'waits for a PDU that never comes', level: 'MUST', requirement: 'fixture timeout', tags: ['fixture'], timeoutMs: 300,
      async run(t) { const c = await t.login(); await t.expect(c, pass(reject())); } },
    { n: 6, title: 'known failure', level: 'MUST', requirement: 'fixture xfail', tags: ['fixture'],
      async run(t) { t.fail('something the target does not do', 'what it did'); } },
    { n: 7, title: 'known failure that is fixed', level: 'SHOULD', requirement: 'fixture xpass', tags: ['fixture'],
      async run(t) { await t.login(); } },
  ]),
];

/** The profile that turns cases 6 and 7 into xfail and xpass. */
export const fixtureProfile: Profile = { expectedFailures: [
  { id: 'rfc7143/99.1/6', reason: 'fake target lacks it', clause: 'rfc7143/99.1' },
  { id: 'rfc7143/99.1/7', reason: 'was broken once' },
] };
