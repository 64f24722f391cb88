// Launches Debian's Chromium (or CHROME_PATH) headless through playwright-core.
import { chromium } from 'playwright-core';

export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: chromePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
