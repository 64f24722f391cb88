// Real-browser tests in Chromium, against the built dist/ file (what partners ship).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromeArgs, chromePath } from './scripts/browser.mjs';

export default {
  files: 'tests/browser/**/*.test.ts',
  nodeResolve: true,
  concurrency: 1,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath,
        args: ['--headless=new', ...chromeArgs],
      },
    }),
  ],
  testFramework: { config: { timeout: 15000 } },
  // The widget's test-only switch, set before any module runs: its shadow roots attach open so the
  // tests can look inside (shipped, they are closed).
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>globalThis.__SAFETY_CHAT_OPEN_SHADOW_ROOT_FOR_TESTS__ = true;</script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
};
