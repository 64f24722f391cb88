/**
 * Shared by the whole-page tests: the demo server and a browser for a test file, and what a test
 * watches on a page (console, errors, requests and CSP violations).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
// @ts-expect-error plain JS helper scripts
import { launchForTests as launch } from '../../scripts/browser.mjs';
// @ts-expect-error plain JS helper scripts
import { startServer } from '../../scripts/serve.mjs';

/** The demo server on a free port and a browser, started before the file's tests and closed after. */
export function useDemo(): { readonly origin: string; readonly browser: Browser } {
  let server: Server | undefined;
  const env = { origin: '', browser: undefined as unknown as Browser };
  beforeAll(async () => {
    server = await startServer(0);
    env.origin = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    env.browser = await launch();
  });
  afterAll(async () => {
    await env.browser?.close();
    server?.close();
  });
  return env;
}

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
