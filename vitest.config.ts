import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both cores of the CI machine: each test file has its own databases and ports, and no test times itself
    // (a clean-clone run took 527 s with one worker, 295 s with two, all passing).
    maxWorkers: 2,
  },
});
