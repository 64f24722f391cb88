import { defineConfig } from 'vitest/config';

// The editing test: it runs flows:check and the unit suite as child processes over an edited copy of flows/.
export default defineConfig({
  test: {
    include: ['tests/editing/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    fileParallelism: false,
  },
});
