// Launches Debian's Chromium (or CHROME_PATH) headless through playwright-core.
import { chromium } from 'playwright-core';

export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Chromium's flags for every suite and script (web-test-runner's config reads them too). */
export const chromeArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** `options`: more of Playwright's launch options (the privacy suite keeps the back-forward cache on). */
export function launch(options = {}) {
  return chromium.launch({ executablePath: chromePath, headless: true, args: chromeArgs, ...options });
}

/**
 * The test-only switch of the widget (see src/element/safety-chat.element.ts): every page of
 * every context of this browser sets it before any script runs, so the widget attaches its
 * shadow root open and tests can read inside. The shipped default is closed.
 */
export const openShadowRootSwitch = '__SAFETY_CHAT_OPEN_SHADOW_ROOT_FOR_TESTS__';
export function withOpenShadowRoots(browser) {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(`globalThis.${openShadowRootSwitch} = true;`);
    return context;
  };
  return browser;
}

/** Chromium for the test suites: the widget's shadow roots open (see withOpenShadowRoots). */
export async function launchForTests() {
  return withOpenShadowRoots(await launch());
}
