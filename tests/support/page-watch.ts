/**
 * The one watcher of a whole page for the browser suites: console output, errors, dialogs,
 * requests and Content-Security-Policy violations, recorded from before any page script runs.
 * What a page could keep of a visit is read by tests/support/traces.ts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface Watch {
  page: Page;
  context: BrowserContext;
  /** Closes the page's context. */
  close: () => Promise<void>;
  console: { type: string; text: string }[];
  errors: string[];
  /** Dialogs the page opened (each dismissed at once, so no test waits on one). */
  dialogs: string[];
  requests: { url: string; at: number }[];
  /** CSP violations reported in the page so far. */
  violations: () => Promise<string[]>;
}

/** Starts watching `page`; call before the first navigation. */
export async function watchPage(page: Page): Promise<Watch> {
  const watch: Watch = {
    page,
    context: page.context(),
    close: () => page.context().close(),
    console: [],
    errors: [],
    dialogs: [],
    requests: [],
    violations: async () => page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []),
  };
  page.on('console', (m) => watch.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  page.on('request', (r) => watch.requests.push({ url: r.url(), at: Date.now() }));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return watch;
}

/** The page the exit addresses lead to, answered locally. */
export const EXITED_BODY = '<!doctype html><title>Exited</title><p>Somewhere else</p>';

/**
 * A new context and a watched page in it. Any request that does not go to 127.0.0.1 is answered
 * locally (never sent) and recorded, so quick exit has somewhere to land.
 */
export async function openWatch(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<Watch> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 } });
  await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: EXITED_BODY }));
  return watchPage(await context.newPage());
}

/** Console lines as "type: text", for matching by pattern. */
export const consoleLines = (w: Watch) => w.console.map((m) => `${m.type}: ${m.text}`);
