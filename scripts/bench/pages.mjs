// Fresh browser pages for the benchmark, kept on 127.0.0.1 (anything else is blocked and
// recorded), instrumented and, for timings, with the CPU slowed (settings.mjs).
import { CPU_SLOWDOWN, VIEWPORT } from './settings.mjs';
import { instrument } from './instrument.mjs';

/** Requests that tried to leave 127.0.0.1 (all of them blocked). */
export const blocked = new Set();
/** How pages are kept on 127.0.0.1: Chromium's own URL blocking (no cost per request), or Playwright routing as a fallback. */
export const network = { guard: 'cdp' };
const allowOnly = { urlPatterns: [{ urlPattern: 'http://127.0.0.1:*/*', block: false }, { urlPattern: '*://*/*', block: true }] };

/** `promise`, or an error after `ms`: no step of the benchmark waits forever. */
export function within(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(`${what} within ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
}

/**
 * A fresh context and page in which nothing leaves 127.0.0.1. `instrumented`: with the in-page
 * measurements; `slowed`: the CPU slowed CPU_SLOWDOWN times from the start (loading included).
 */
export async function openPage(browser, { instrumented = true, slowed = instrumented } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  if (network.guard === 'route') {
    await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort('blockedbyclient')));
  }
  if (instrumented) await context.addInitScript(instrument);
  const page = await context.newPage();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1') blocked.add(r.url());
  });
  const cdp = await context.newCDPSession(page);
  if (network.guard === 'cdp') {
    await cdp.send('Network.enable');
    await cdp.send('Network.setBlockedURLs', allowOnly);
  }
  if (slowed) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, cdp };
}

/** Checks that the guard blocks a request to another host name (localhost: still this machine); else falls back to routing. */
export async function checkGuard(browser, origin) {
  for (const kind of ['cdp', 'route']) {
    network.guard = kind;
    const { context, page } = await openPage(browser, { instrumented: false });
    try {
      await page.goto(`${origin}/demo/bench.html`);
      const other = origin.replace('127.0.0.1', 'localhost');
      const reached = await page.evaluate((url) => fetch(url).then(() => true, () => false), `${other}/demo/bench.html`);
      if (!reached) return;
    } finally {
      await context.close();
    }
  }
  throw new Error('cannot keep the browser on 127.0.0.1: neither URL blocking nor routing stopped a request');
}
