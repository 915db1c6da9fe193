// Tests for the iscsi-test-cu output parser on a hand-made excerpt in the tool's format.
import { describe, expect, it } from 'vitest';
import { summarizeCu } from './cu-summary.js';

const LOG = `Suite: Read10
  Test: Simple ...passed
  Test: BeyondEol ...    [SKIPPED] not here
passed
Suite: CompareAndWrite
  Test: Simple ...    [FAILED] COMPAREANDWRITE successful
FAILED
    1. test.c:71  - CU_ASSERT_EQUAL(_r,0)
Run Summary:    Type  Total    Ran Passed Failed Inactive
              suites      2      2    n/a      0        0
               tests      3      3      2      1        0
`;

describe('summarizeCu', () => {
  it('counts runs, failures and skips', () => {
    expect(summarizeCu(LOG)).toEqual({ run: 3, passed: 2, failed: 1, skippedTests: 1, skippedLines: 1, failures: ['CompareAndWrite.Simple'] });
  });
});
