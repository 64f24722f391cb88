/**
 * The widget never breaks its host: the public methods in any order and at
 * any time (before the panel has loaded, while it loads, twice, after
 * removal), garbage partner contacts, and removing the element
 * mid-conversation never produce a page error.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWatch, press, type Watch, startEnv, stopEnv, type Env } from './harness.js';

let demo: Env['demo'];
let browser: Browser;

beforeAll(async () => {
  ({ demo, browser } = await startEnv('demo'));
});
afterAll(async () => {
  await stopEnv({ demo, browser });
});

type El = HTMLElement & { show(): void; hide(): void; clear(): void; quickExit(): void; services: unknown; updateComplete: Promise<boolean> };

async function council(): Promise<Watch> {
  const w = await openWatch(browser);
  await w.page.goto(`${demo.origin}/demo/council.html`, { waitUntil: 'load' });
  await w.page.evaluate(() => customElements.whenDefined('safety-chat'));
  return w;
}

const transcript = (w: Watch) => w.page.locator('safety-chat').evaluate((el) => el.shadowRoot!.querySelector('[role="log"]')?.textContent ?? '');

describe('never breaks the host page', () => {
  it('show(), hide() and clear() in every order, before, during and after the panel loads', async () => {
    const w = await council();
    const calls = await w.page.evaluate(async () => {
      const el = document.querySelector('safety-chat') as El;
      const ops = ['show', 'hide', 'clear'] as const;
      let n = 0;
      // Before the panel chunk has loaded, synchronously, in every order of three calls.
      for (const a of ops) for (const b of ops) for (const c of ops) {
        el[a]();
        el[b]();
        el[c]();
        n += 3;
      }
      await el.updateComplete;
      // While it loads and after: bursts, repeated, interleaved with frames.
      for (let round = 0; round < 20; round++) {
        for (const a of ops) {
          el[a]();
          el[a]();
          n += 2;
        }
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
      el.show();
      n++;
      await el.updateComplete;
      return n;
    });
    expect(calls).toBeGreaterThan(100);
    await w.page.locator('safety-chat [part="choices"] button').first().waitFor({ timeout: 10_000 });
    await press(w.page, "I'm in danger now");
    expect(await transcript(w)).toContain('cough or tap to answer');
    await w.page.evaluate(() => (document.querySelector('safety-chat') as El).clear());
    await w.page.evaluate(() => (document.querySelector('safety-chat') as El).updateComplete);
    expect(await transcript(w)).not.toContain('cough or tap to answer');
    expect(w.errors).toEqual([]);
    expect(w.console).toEqual([]);
    await w.close();
  });

  it('quickExit() leaves by location.replace: called directly, called twice, and called before the panel ever loaded', async () => {
    for (const how of ['once, panel open', 'twice in a row', 'before the panel loaded']) {
      const w = await council();
      await w.page.goto(`${demo.origin}/demo/index.html`);
      await w.page.goto(`${demo.origin}/demo/council.html`);
      if (how !== 'before the panel loaded') {
        await w.page.evaluate(() => (document.querySelector('safety-chat') as El).show());
        await w.page.locator('safety-chat [part="choices"] button').first().waitFor({ timeout: 10_000 });
      }
      await w.page.evaluate((twice) => {
        const el = document.querySelector('safety-chat') as El;
        el.quickExit();
        if (twice) el.quickExit();
      }, how === 'twice in a row');
      // Poll the address (a second replace() aborts the first navigation, which waitForURL reports as an error).
      await expect.poll(() => w.page.url(), { timeout: 10_000 }).toMatch(/^https:\/\/www\.bbc\.co\.uk\/weather/);
      await w.page.waitForLoadState('load');
      await w.page.goBack();
      expect(w.page.url(), how).toBe(`${demo.origin}/demo/index.html`);
      expect(w.errors, how).toEqual([]);
      await w.close();
    }
  });

  it('garbage in el.services, before and after opening, never reaches the page as an error', async () => {
    const w = await council();
    const worked = await w.page.evaluate(async () => {
      const el = document.querySelector('safety-chat') as El;
      const garbage: unknown[] = [42, 'x', null, undefined, {}, [], [null], [[]], { services: 1 }, () => 1, Symbol('s'), 1n, new Date(), document.body, [{ name: 1 }], Object.create(null)];
      for (const g of garbage) el.services = g;
      el.show();
      const root = el.shadowRoot!;
      const until = performance.now() + 5000;
      while (!root.querySelector('[part="choices"] button') && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
      for (const g of garbage) {
        el.services = g;
        await el.updateComplete;
      }
      root.querySelector<HTMLButtonElement>('[part="choices"] button')!.click();
      await el.updateComplete;
      return root.querySelectorAll('[role="log"] .bubble.you').length;
    });
    expect(worked).toBe(1);
    await w.page.waitForTimeout(300);
    expect(w.errors).toEqual([]);
    // Only the widget's own reports: each starts with "<safety-chat>:".
    expect(w.console.filter((m) => !m.text.startsWith('<safety-chat>:'))).toEqual([]);
    await w.close();
  });

  it('removing the element mid-conversation, while the panel loads, and calling its methods afterwards', async () => {
    const w = await council();
    await w.page.evaluate(() => (document.querySelector('safety-chat') as El).show());
    await w.page.locator('safety-chat [part="choices"] button').first().waitFor({ timeout: 10_000 });
    await press(w.page, "I'm in danger now");
    const result = await w.page.evaluate(async () => {
      const el = document.querySelector('safety-chat') as El;
      el.remove();
      el.show();
      el.hide();
      el.clear();
      el.services = [1, 2];
      await el.updateComplete;
      // A second widget removed while its panel chunk is still loading.
      const other = document.createElement('safety-chat') as El;
      document.body.append(other);
      other.show();
      other.remove();
      other.clear();
      await new Promise((r) => setTimeout(r, 300));
      // Shift presses after removal reach no removed widget.
      for (let i = 0; i < 3; i++) {
        dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' }));
        dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift' }));
      }
      return location.href;
    });
    expect(result).toBe(`${demo.origin}/demo/council.html`);
    await w.page.waitForTimeout(200);
    expect(w.page.url()).toBe(`${demo.origin}/demo/council.html`);
    expect(w.errors).toEqual([]);
    expect(w.console).toEqual([]);
    await w.close();
  });

  // Regression (found by this suite, fixed): moving the element (remove + append, which is what a host framework does when it moves or
  // re-mounts a node) mid-conversation leaves a dead widget: disconnectedCallback() disposes the
  // panel and sets it to undefined, but on reconnection nothing creates a new one (show() returns
  // early because `open` is still true, and update() only renders an existing panel). The old
  // transcript stays on screen with buttons bound to the stopped actor; clicking them does nothing.
  // Fix: in connectedCallback(), if `open` (or inline), call ensurePanel() again, and wipe the stale
  // container; or keep the panel across disconnect and dispose it only if not re-attached in a task.
  it('moving the element in the page mid-conversation leaves a widget that still answers', async () => {
    const w = await council();
    await w.page.evaluate(() => (document.querySelector('safety-chat') as El).show());
    await w.page.locator('safety-chat [part="choices"] button').first().waitFor({ timeout: 10_000 });
    await press(w.page, "I'm in danger now");
    await w.page.evaluate(() => {
      const el = document.querySelector('safety-chat')!;
      document.querySelector('main')!.append(el);
    });
    await w.page.waitForTimeout(300);
    const before = await w.page.locator('safety-chat [role="log"] .bubble.you').count();
    await w.page.locator('safety-chat [part="choices"] button').first().click({ timeout: 5000 });
    await expect.poll(() => w.page.locator('safety-chat [role="log"] .bubble.you').count(), { timeout: 3000 }).toBeGreaterThan(before);
    expect(w.errors).toEqual([]);
    await w.close();
  });
});
