/**
 * Whole-page checks with Playwright-core in Chromium against the built demo
 * pages, served as a partner would serve them (the partner page with a strict
 * CSP and Trusted Types).
 */
import { useDemo } from '../support/demo.js';
import { watchPage, type Watch } from '../support/page-watch.js';
import { clean, traces } from '../support/traces.js';
import { describe, expect, it } from 'vitest';

const demo = useDemo();

async function open(path: string, width = 1280): Promise<Watch> {
  const context = await demo.browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  // The exit destination is answered locally: these tests never leave the machine.
  await context.route(/bbc\.co\.uk/, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));
  await page.goto(`${demo.origin}${path}`);
  return watch;
}

const pages = [
  ['/demo/council.html', 'launcher'],
  ['/demo/school.html', 'inline'],
  ['/demo/partner.html', 'launcher'],
] as const;

describe.each(pages)('%s', (path, mode) => {
  it('works end to end with no console output, no errors, no CSP violations and no requests beyond its own files', async () => {
    const w = await open(path);
    const { page } = w;
    const historyBefore = await page.evaluate(() => history.length);
    if (mode === 'launcher') await page.locator('safety-chat').getByRole('button', { name: /help|talk/i }).click();
    const log = page.locator('safety-chat [role="log"]');
    await expect.poll(() => log.count()).toBe(1);
    const answers = page.locator('safety-chat [part="choices"] button');
    await answers.first().click();
    await expect.poll(async () => (await log.textContent())!.length).toBeGreaterThan(100);
    expect(w.console).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(await w.violations()).toEqual([]);
    expect(w.requests.every((r) => r.url.startsWith(demo.origin))).toBe(true);
    expect(await traces(page)).toEqual(clean(historyBefore, `${demo.origin}${path}`));
    await page.context().close();
  });

  it('quick exit replaces the page, and Back does not return to it', async () => {
    const w = await open('/demo/index.html');
    const { page } = w;
    await page.goto(`${demo.origin}${path}`);
    if (mode === 'launcher') await page.locator('safety-chat').getByRole('button', { name: /help|talk/i }).click();
    await page.locator('safety-chat [part="exit-button"]').click();
    await page.waitForURL(/bbc\.co\.uk/);
    await page.goBack();
    expect(page.url()).toBe(`${demo.origin}/demo/index.html`);
    await page.context().close();
  });
});

describe('the partner page', () => {
  it('is served with the strict policy', async () => {
    const res = await fetch(`${demo.origin}/demo/partner.html`);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'; script-src 'self'; style-src 'self';.*require-trusted-types-for 'script'/);
  });
});
