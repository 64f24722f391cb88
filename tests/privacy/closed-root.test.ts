/**
 * What a host page's own scripts can see of the widget as shipped (no test switch): an
 * autocapture or session-replay tool listening on `document` sees only the <safety-chat> element
 * as the target of every click and key press inside it, never the answer or the text; the
 * shadow root is out of reach; and the element carries the markers that the common recording
 * tools honour.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS helper scripts
import { launch } from '../../scripts/browser.mjs';
// @ts-expect-error plain JS helper scripts
import { startServer } from '../../scripts/serve.mjs';

let server: Server;
let origin = '';
let browser: Browser;
beforeAll(async () => {
  server = await startServer(0);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the shipped widget, seen from the host page', () => {
  it('has a closed shadow root: a capturing listener on document sees only the element, never the answer or the words', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // What an autocapture tool records: the first element of each event's composed path, and its text.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      for (const type of ['click', 'keydown', 'input', 'focusin']) {
        document.addEventListener(type, (e) => {
          const t = e.composedPath()[0] as Element;
          const text = t === document.body || t === document.documentElement ? '' : ((t as HTMLElement).innerText ?? '');
          seen.push(`${type}:${t.localName ?? ''}:${text}:${(e as KeyboardEvent).key ?? ''}`);
        }, true);
      }
    });
    await page.goto(`${origin}/demo/council.html`);
    await page.waitForFunction(() => customElements.get('safety-chat'));
    const el = page.locator('safety-chat');
    expect(await el.evaluate((e) => e.shadowRoot)).toBe(null);
    // A person with a keyboard: to the launcher, open, choose the first answer, then the next ones.
    await page.waitForTimeout(300);
    for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.localName === 'safety-chat')); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('safety-chat');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter'); // "I'm in danger now"
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter'); // "Show me who can help"
    await page.waitForTimeout(500);
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.some((s) => s.startsWith('keydown:safety-chat:'))).toBe(true);
    // Never an element from inside, never the answers' words.
    expect(seen.filter((s) => /^(\w+):(button|p|input|section|div|article|h2|h3)\b/.test(s))).toEqual([]);
    // The only text a listener can read there is the page's own fallback paragraph (in the light DOM).
    const fallback = await el.evaluate((e) => (e as HTMLElement).innerText);
    for (const s of seen) expect(['', fallback], s).toContain(s.split(':').slice(2, -1).join(':'));
    expect(seen.join('\n')).not.toMatch(/Show me who can help|Understand what abuse is|cough or tap to answer/);
    // The host page's DOM holds none of the conversation.
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/Show me who can help|cough or tap to answer/);
    await context.close();
  });

  it('carries the markers session-replay and analytics tools honour', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/demo/council.html`);
    await page.waitForFunction(() => customElements.get('safety-chat'));
    const marks = await page.locator('safety-chat').evaluate((e) => ({ attrs: e.getAttributeNames(), classes: [...e.classList], clarity: e.getAttribute('data-clarity-mask') }));
    expect(marks.attrs).toEqual(expect.arrayContaining(['data-hj-suppress', 'data-clarity-mask', 'data-private']));
    expect(marks.clarity).toBe('true');
    expect(marks.classes).toEqual(expect.arrayContaining(['rr-block', 'ph-no-capture', 'fs-exclude']));
    await context.close();
  });
});
