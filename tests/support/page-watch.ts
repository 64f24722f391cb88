/**
 * What the whole-page tests watch on a page (console, errors, requests and CSP violations), and
 * what a page could keep of a visit. The demo server and browser come from tests/support/demo.ts.
 */
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

/** What a page could keep of a visit: storage of every kind, the history length and the address. */
export function storedTraces(page: Page) {
  return page.evaluate(async () => ({
    cookies: document.cookie,
    local: localStorage.length,
    session: sessionStorage.length,
    idb: (await indexedDB.databases()).length,
    caches: (await caches.keys()).length,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    history: history.length,
    url: location.href,
  }));
}
