// Runs the real-browser privacy and robustness suite:
//   npx vitest run --config tests/privacy/vitest.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/privacy/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // One Chromium at a time: the machine has two cores and the timings must stay stable.
    fileParallelism: false,
  },
});
