/**
 * Shared set-up for the privacy suite: Chromium and the demo server as every suite starts
 * them (tests/support/demo.ts), Chromium with the back-forward cache on, a second small
 * server for the fixture pages in tests/privacy/fixtures. The page watcher and the trace
 * reader are tests/support's, re-exported here.
 * All traffic stays on 127.0.0.1; exit destinations are answered locally.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
// @ts-expect-error plain JS helper scripts
import { launch as launchChromium, withOpenShadowRoots } from '../../scripts/browser.mjs';
// @ts-expect-error plain JS helper scripts
import { strictCsp } from '../../scripts/serve.mjs';
import { demoServer, launch } from '../support/demo.js';

export { demoServer, launch };
export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const STRICT_CSP = strictCsp as string;

/**
 * Chromium as scripts/browser.mjs launches it, but with the back-forward cache
 * left on (Playwright turns it off by default with --disable-back-forward-cache),
 * so Back can restore a frozen page the way a person's browser does.
 */
export async function launchWithBfcache(): Promise<Browser> {
  return withOpenShadowRoots(await launchChromium({ ignoreDefaultArgs: ['--disable-back-forward-cache'] }));
}


const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml' };

/**
 * A tiny static server for /demo, /dist and /tests/privacy/fixtures, bound to
 * 127.0.0.1. Fixture pages whose name starts with `csp-` (and /demo/partner.html)
 * get the same strict policy as the partner demo page.
 */
export async function fixtureServer(opts: { cacheControl?: string } = {}): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !/^\/(demo|dist|tests\/privacy\/fixtures)\//.test(path) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': opts.cacheControl ?? 'no-store', 'referrer-policy': 'no-referrer' };
    if (/\/csp-[^/]*\.html$/.test(path) || path === '/demo/partner.html') headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export const FIXTURES = '/tests/privacy/fixtures';

/** What most suites start once: a browser and the servers they name. */
export interface Env {
  demo: { server: Server; origin: string };
  fixtures: { server: Server; origin: string };
  browser: Browser;
}
export async function startEnv<K extends 'demo' | 'fixtures'>(...servers: K[]): Promise<Pick<Env, K | 'browser'>> {
  const env: Partial<Env> = { browser: await launch() };
  if ((servers as string[]).includes('demo')) env.demo = await demoServer();
  if ((servers as string[]).includes('fixtures')) env.fixtures = await fixtureServer();
  return env as Pick<Env, K | 'browser'>;
}
/** Closes what `startEnv` started (any part may be missing if starting failed). */
export async function stopEnv(env: Partial<Env>): Promise<void> {
  await env.browser?.close();
  env.demo?.server.close();
  env.fixtures?.server.close();
}

export { EXITED_BODY, openWatch, type Watch } from '../support/page-watch.js';
export { clean, traces, type Traces } from '../support/traces.js';

/** The widget's own files the page has fetched (under /dist/), without their hashes: what a script reading resource timing sees. */
export const fetchedFiles = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/dist/'))
      .map((p) => p.replace(/-[\w-]{8}\.js$/, '.js'))
      .sort(),
  );

/** The answer buttons' text, trimmed. */
export async function choiceLabels(page: Page, nth = 0): Promise<string[]> {
  return page.evaluate((n) => {
    const root = document.querySelectorAll('safety-chat')[n]!.shadowRoot!;
    return [...root.querySelectorAll('[part="choices"] button')].map((b) => (b.textContent ?? '').trim());
  }, nth);
}

/** Wait (bounded) until the first widget has its panel drawn with answers. */
export async function panelReady(page: Page, timeout = 10_000) {
  await page.locator('safety-chat [part="choices"] button').first().waitFor({ state: 'visible', timeout });
}

/**
 * Press an answer button the way a person does, found by its exact visible
 * text: the button is looked up in the widget's shadow root (waiting up to
 * `timeout` for it to be drawn), scrolled into view, checked to be the
 * element that actually receives the pointer at its centre (so it is
 * visible, enabled and not covered), then clicked with a trusted mouse click.
 * Much faster than locator.click() for the thousands of clicks of the path
 * walk, with the same guarantees that matter here.
 */
export async function press(page: Page, label: string, nth = 0, widget = 0, timeout = 5000): Promise<void> {
  const at = await page.evaluate(
    async ({ label, nth, widget, timeout }) => {
      const until = performance.now() + timeout;
      for (;;) {
        const root = document.querySelectorAll('safety-chat')[widget]?.shadowRoot;
        const matches = root ? [...root.querySelectorAll<HTMLButtonElement>('[part="choices"] button')].filter((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim() === label) : [];
        const b = matches[nth];
        if (b && root && !b.disabled) {
          b.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          const r = b.getBoundingClientRect();
          const x = r.left + r.width / 2;
          const y = r.top + r.height / 2;
          if (r.width > 0 && r.height > 0 && root.elementFromPoint(x, y) === b) return { x, y };
        }
        if (performance.now() > until) {
          const seen = root ? [...root.querySelectorAll('[part="choices"] button')].map((x) => (x.textContent ?? '').trim()) : [];
          return { error: `no clickable answer "${label}" (#${nth}); the answers are: ${JSON.stringify(seen)}` };
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    { label, nth, widget, timeout },
  );
  if ('error' in at) throw new Error(at.error);
  await page.mouse.click(at.x, at.y);
  // An answer into the other route waits for its screens (the answers say aria-busy meanwhile).
  await page.waitForFunction((widget) => !document.querySelectorAll('safety-chat')[widget]?.shadowRoot?.querySelector('[part="choices"][aria-busy="true"]'), widget, { polling: 20 });
}

/**
 * Every place the page could still show or hold `needle` (case-sensitive): the
 * document's markup and text, every shadow root's markup and text, and the
 * current value of every input and textarea (which markup does not show).
 * Returns where it was found.
 */
export async function findInDom(page: Page, needle: string): Promise<string[]> {
  return page.evaluate((needle) => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot, name: string) => {
      const html = root instanceof Document ? root.documentElement.outerHTML : root.innerHTML;
      const text = root instanceof Document ? root.documentElement.textContent ?? '' : root.textContent ?? '';
      if (html.includes(needle)) found.push(`${name} markup`);
      if (text.includes(needle)) found.push(`${name} text`);
      for (const input of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) if (input.value.includes(needle)) found.push(`${name} input#${input.id} value`);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot, `<${el.localName}> shadow root`);
    };
    visit(document, 'document');
    return found;
  }, needle);
}
