import { defineConfig } from 'vitest/config';

// The accessibility suite: Vitest in Node driving Debian's Chromium through playwright-core,
// against the built widget (run `npx vite build` first) served by scripts/serve.mjs.
export default defineConfig({
  test: {
    include: ['tests/a11y/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The panel loads lazily; give polled expectations room on a slow, shared machine.
    expect: { poll: { timeout: 10_000 } },
    // Each file launches its own Chromium; two at a time suits a 2-CPU runner (more only contend).
    maxWorkers: 2,
  },
});
