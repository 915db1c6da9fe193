import { defineConfig } from 'vitest/config';

// Fixed fast-check seed comes from test/setup; vitest only needs to find tests beside the code.
export default defineConfig({
  test: {
    include: ['harness/**/*.test.ts', 'reference-target/**/*.test.ts', 'suites/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts', 'corpus/**/*.test.ts'],
    setupFiles: ['harness/test-support/setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
