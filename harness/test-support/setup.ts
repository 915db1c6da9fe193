// Test setup: fast-check runs with a fixed seed in CI so a failure is reproducible; the seed is
// printed by fast-check on failure. FC_SEED overrides it locally.
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261126 : undefined;
fc.configureGlobal({ ...(seed === undefined ? {} : { seed }), numRuns: Number(process.env.FC_RUNS ?? 200) });
