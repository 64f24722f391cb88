// Real-browser tests in Chromium, against the built dist/ file (what partners ship).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

export default {
  files: 'tests/browser/**/*.test.ts',
  nodeResolve: true,
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
    }),
  ],
  testFramework: { config: { timeout: 15000 } },
  // The widget's test-only switch, set before any module runs: its shadow roots attach open so the
  // tests can look inside (shipped, they are closed).
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>globalThis.__SAFETY_CHAT_OPEN_SHADOW_ROOT_FOR_TESTS__ = true;</script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
};
