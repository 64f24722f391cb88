/** What a whole-page test watches on a page: console, errors, requests and CSP violations. */
import type { Page } from 'playwright-core';

export interface Watch {
  page: Page;
  console: string[];
  errors: string[];
  requests: string[];
  /** Content-Security-Policy violations reported in the page so far. */
  violations: () => Promise<string[]>;
}

/** Starts watching `page`; call before the first navigation. */
export async function watchPage(page: Page): Promise<Watch> {
  const watch: Watch = {
    page,
    console: [],
    errors: [],
    requests: [],
    violations: async () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
  page.on('console', (m) => watch.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('request', (r) => watch.requests.push(r.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return watch;
}
