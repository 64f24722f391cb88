/**
 * Quick exit sends no Referer: the exit site must not learn which page the person was on, even
 * when the host page's own referrer policy would send its full address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEnv, stopEnv, type Env } from './harness.js';

let env: Pick<Env, 'demo' | 'browser'>;
beforeAll(async () => {
  env = await startEnv('demo');
});
afterAll(async () => {
  await stopEnv(env);
});

describe('quick exit and the referrer', () => {
  it('sends no Referer to the exit site from a host page whose policy is unsafe-url', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const host = `${env.demo.origin}/demo/referrer-host.html?case=private-details`;
    let referer: string | undefined = 'not requested';
    await context.route('https://exit.example/**', (route) => {
      referer = route.request().headers()['referer'];
      return route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' });
    });
    await context.route(`${env.demo.origin}/demo/referrer-host.html*`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'referrer-policy': 'unsafe-url' },
        body: '<!doctype html><title>Domestic abuse support</title><script type="module" src="/dist/safety-chat.js"></script><safety-chat mode="inline" exit-url="https://exit.example/weather"></safety-chat>',
      }),
    );
    await page.goto(host);
    // The page's own policy would send its whole address to another site.
    expect(await page.evaluate(() => document.referrer === '' && location.href.includes('private-details'))).toBe(true);
    await page.locator('safety-chat [part="exit-button"]').click({ timeout: 10_000 });
    await page.waitForURL('https://exit.example/weather', { timeout: 10_000 });
    expect(referer).toBeUndefined();
    await context.close();
  });
});
