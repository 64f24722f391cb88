// The journey suite: people going through the widget tap by tap, in Debian's Chromium driven by
// playwright-core, against the built widget (run `npx vite build` first) served by scripts/serve.mjs.
//   npx vitest run --config tests/journeys/vitest.config.ts
// JOURNEY_SHOTS=1 also saves the key screens to docs/journeys/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/journeys/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Each file launches one Chromium; two at a time suits a 2-CPU runner.
    maxWorkers: 2,
    reporters: ['default', fileURLToPath(new URL('./taps-reporter.ts', import.meta.url))],
  },
});
