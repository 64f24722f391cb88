/**
 * On a phone the floating panel covers the whole page, so it behaves as a modal dialog: Tab and
 * Shift+Tab stay inside it, the host page drops out of the accessibility tree (a screen reader
 * cannot swipe into it), and Escape closes the chat. On a wide screen the panel sits beside the
 * page, which stays reachable.
 */
import { describe, expect, it } from 'vitest';
import { answer, axTree, open, openPanel, useBrowser, type Page } from './helpers.js';

const env = useBrowser();

/** Where focus is: a control inside the widget (its text), or a host page element. */
const focusIs = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('safety-chat')!;
    const a = document.activeElement;
    if (a === host) {
      const inner = host.shadowRoot!.activeElement as HTMLElement | null;
      return `widget:${inner?.className || inner?.localName || ''}:${(inner?.textContent ?? '').trim().slice(0, 30)}`;
    }
    return a && a !== document.body ? `page:${a.localName}:${(a.textContent ?? '').trim().slice(0, 30)}` : 'body';
  });

/** Names of the host page's links that Chromium's accessibility tree still exposes. */
async function hostLinksInTree(page: Page): Promise<string[]> {
  const hostLinks = await page.locator('main a, header a, nav a, footer a').allInnerTexts();
  return (await axTree(page)).filter((n) => n.role === 'link' && hostLinks.includes(n.name)).map((n) => n.name);
}

describe('the floating panel on a phone (375 px)', () => {
  it('is a modal dialog: Tab from the last answer wraps inside the panel, never onto the page behind', async () => {
    const { page, close } = await open(env, '/demo/council.html', { width: 375, height: 740 });
    await openPanel(page);
    await answer(page, 'Understand abuse');
    expect(await page.locator('safety-chat dialog.shell').count()).toBe(1);
    expect(await page.locator('safety-chat dialog.shell').evaluate((d) => d.matches(':modal'))).toBe(true);
    // Every Tab stop, twice round: all inside the widget (the browser's own toolbar may take one
    // stop between rounds, as it does for any modal dialog, shown here as "body").
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      seen.push(await focusIs(page));
    }
    expect(seen.filter((s) => s.startsWith('page:')), seen.join('\n')).toEqual([]);
    // It went round: the Exit button was reached again after the last answer.
    expect(seen.filter((s) => s.includes('Exit this page')).length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusIs(page)).not.toMatch(/^page:/);
    }
    await close();
  });

  it('hides the page behind from a screen reader while open, and gives it back when closed', async () => {
    const { page, close } = await open(env, '/demo/council.html', { width: 375, height: 740 });
    const before = await hostLinksInTree(page);
    expect(before.length).toBeGreaterThan(0);
    await openPanel(page);
    await expect.poll(() => hostLinksInTree(page)).toEqual([]);
    // Escape closes the chat (and its dialog); the page is all there again, focus on the launcher.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('safety-chat dialog.shell').count()).toBe(0);
    await expect.poll(() => hostLinksInTree(page)).toEqual(before);
    expect(await focusIs(page)).toMatch(/^widget:launcher/);
    await close();
  });

  it('Escape in a search box with words only empties the box, inside the dialog too', async () => {
    const { page, close } = await open(env, '/demo/council.html', { width: 375, height: 740 });
    await openPanel(page);
    await answer(page, 'Search for a topic');
    const box = page.locator('safety-chat input#sc-find');
    await box.fill('money');
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    expect(await page.locator('safety-chat dialog.shell').count()).toBe(1);
    expect(await page.locator('safety-chat [part="panel"]').isVisible()).toBe(true);
    await close();
  });

  it('stops being modal when the screen widens (a phone turned, a window resized), and is again when it narrows', async () => {
    const { page, close } = await open(env, '/demo/council.html', { width: 375, height: 740 });
    await openPanel(page);
    await answer(page, 'Understand abuse');
    const shells = () => page.locator('safety-chat dialog.shell').count();
    expect(await shells()).toBe(1);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(shells).toBe(0);
    // The conversation and focus stay as they were.
    expect(await page.locator('safety-chat [role="log"]').innerText()).toMatch(/Understand abuse/);
    expect(await focusIs(page)).toMatch(/^widget:/);
    await page.setViewportSize({ width: 375, height: 740 });
    await expect.poll(shells).toBe(1);
    expect(await focusIs(page)).toMatch(/^widget:/);
    await close();
  });
});

describe('the floating panel on a wide screen (1280 px)', () => {
  it('sits beside the page, which stays reachable with Tab and by a screen reader', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    const before = await hostLinksInTree(page);
    await openPanel(page);
    expect(await page.locator('safety-chat dialog.shell').count()).toBe(0);
    expect(await hostLinksInTree(page)).toEqual(before);
    const seen: string[] = [];
    for (let i = 0; i < 60 && !seen.some((s) => s.startsWith('page:')); i++) {
      await page.keyboard.press('Tab');
      seen.push(await focusIs(page));
    }
    expect(seen.some((s) => s.startsWith('page:'))).toBe(true);
    await close();
  });
});
