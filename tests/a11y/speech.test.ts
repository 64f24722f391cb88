/**
 * What a screen-reader user hears without asking, and how far Exit is: lists of services are
 * summed up in a line (not read card by card), the cards are reached by their headings, and from
 * where focus lands on every screen, Shift+Tab then Enter puts focus on Exit this page.
 */
import { describe, expect, it } from 'vitest';
import { answer, choice, logText, open, openPanel, search, toAreaQuestion, useBrowser, type Page } from './helpers.js';
import { recordSpeech, words } from './speech.js';

const env = useBrowser();

const focusedClass = (page: Page) =>
  page.locator('safety-chat').evaluate((host) => (host.shadowRoot!.activeElement as HTMLElement | null)?.className ?? 'nothing');

/** Wait until focus has settled inside the widget after a screen changed. */
async function settled(page: Page) {
  await expect.poll(() => focusedClass(page)).not.toBe('nothing');
  await page.waitForTimeout(100);
}

/** From where focus is now: Shift+Tab, Enter. Returns the class of what then has focus. */
async function twoKeysToExit(page: Page) {
  await page.keyboard.press('Shift+Tab');
  const skip = await page.locator('safety-chat').evaluate((host) => (host.shadowRoot!.activeElement as HTMLElement | null)?.textContent?.trim());
  await page.keyboard.press('Enter');
  return { skip, landed: await focusedClass(page) };
}

/**
 * Answer the safety check with "No" to danger now and "Yes" to the rest, until its outcome's cards
 * show. `beforeEach` runs before each answer (to record only what the last one brings).
 */
async function toSafetyCheckOutcome(page: Page, beforeEach: () => Promise<void> = async () => {}) {
  await answer(page, 'Check my safety');
  await answer(page, 'Start the check');
  await answer(page, 'No');
  for (let i = 0; i < 40 && !(await page.locator('safety-chat .card:not(.emergency)').count()); i++) {
    if (await page.locator('safety-chat #sc-area').isVisible()) {
      await search(page, 'Maidstone');
      await page.locator('safety-chat .card:not(.emergency)').first().waitFor();
    } else {
      await beforeEach();
      const before = await logText(page);
      await choice(page, 'Yes').click();
      await expect.poll(() => logText(page)).not.toBe(before);
    }
  }
}

describe('a list of services', () => {
  it('is said as one short summary with the area and the count, not card by card', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    await openPanel(page);
    await toAreaQuestion(page, '/demo/council.html');
    const said = await recordSpeech(page);
    await search(page, 'Maidstone');
    await page.locator('safety-chat .card:not(.emergency)').first().waitFor();
    await page.waitForTimeout(300);
    const heard = await said();
    const cardCount = await page.locator('safety-chat .cards').last().locator('.card:not(.emergency)').count();
    expect(cardCount).toBeGreaterThan(1);
    const summary = heard.find((s) => s.text.startsWith('Help for Maidstone'))?.text;
    expect(summary).toBe(`Help for Maidstone: ${cardCount} services, listed below.`);
    // Before, every card was read: about 320 words. Now the message above the cards and the summary.
    expect(words(heard), JSON.stringify(heard)).toBeLessThanOrEqual(40);
    // Nothing of any card is spoken: no service name reaches the live regions.
    const names = await page.locator('safety-chat .cards').last().locator('.card:not(.emergency) h4').allInnerTexts();
    for (const name of names) expect(heard.map((s) => s.text).join(' ')).not.toContain(name);
    // The cards are there to move through by heading: one h4 per card, under the group's h3.
    const headings = await page.locator('safety-chat .cards').last().getByRole('heading', { level: 4 }).count();
    expect(headings).toBe(cardCount);
    expect(await page.locator('safety-chat .cards').last().getByRole('heading', { level: 3 }).count()).toBeGreaterThan(0);
    await close();
  });

  it('at the end of the safety check is summed up too: the outcome messages are heard, its cards are not', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    await openPanel(page);
    // Record only from the last question, so what is heard is the outcome itself.
    let said = await recordSpeech(page);
    await toSafetyCheckOutcome(page, async () => {
      said = await recordSpeech(page);
    });
    await page.waitForTimeout(300);
    const heard = await said();
    const text = heard.map((s) => s.text).join(' ');
    // The outcome's own words are heard (999 first), then the summary; the cards are not read out.
    expect(text).toMatch(/999/);
    expect(text).toMatch(/\d+ services, listed below\./);
    // Before, 577 words: every card was read after the outcome. Now only the outcome's own messages
    // and the summary are heard; no card's description is.
    const cards = page.locator('safety-chat .cards').last().locator('.card:not(.emergency)');
    for (const card of await cards.all()) {
      const about = await card.locator('p').first().innerText();
      expect(text).not.toContain(about);
    }
    const messages = await page.locator('safety-chat [role="log"] .bubble').allInnerTexts();
    const outcomeWords = messages.slice(-8).join(' ').split(/\s+/).length;
    expect(words(heard), text).toBeLessThanOrEqual(outcomeWords + 20);
    await close();
  });
});

describe('Exit this page', () => {
  const screens: [string, (page: Page) => Promise<void>][] = [
    ['the first screen', async () => {}],
    ['a topic', (page) => answer(page, 'Understand abuse')],
    ['the area question', (page) => toAreaQuestion(page, '/demo/council.html')],
    ['a list of six services', async (page) => {
      await toAreaQuestion(page, '/demo/council.html');
      await search(page, 'Maidstone');
      await page.locator('safety-chat .card:not(.emergency)').first().waitFor();
    }],
    ['the topic finder', (page) => answer(page, 'Search for a topic')],
    ['the safety check outcome', (page) => toSafetyCheckOutcome(page)],
  ];
  it.each(screens)('is two keys away (Shift+Tab, Enter) on a phone from where focus lands on %s', async (_name, reach) => {
    const { page, close } = await open(env, '/demo/council.html', { width: 375, height: 740 });
    await openPanel(page);
    await reach(page);
    await settled(page);
    const { skip, landed } = await twoKeysToExit(page);
    expect(skip).toBe('Go to the Exit button');
    expect(landed).toMatch(/\bexit\b/);
    // The skip control shows when it has focus (it is not an invisible stop).
    await page.keyboard.press('Shift+Tab');
    await close();
  });

  it('the skip control is out of sight until it has focus, then shows in full', async () => {
    const { page, close } = await open(env, '/demo/council.html', { width: 375, height: 740 });
    await openPanel(page);
    await settled(page);
    const skip = page.locator('safety-chat .to-exit');
    expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1);
    await page.keyboard.press('Shift+Tab');
    const box = (await skip.boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThanOrEqual(24);
    if (process.env.SHOTS) await page.screenshot({ path: '/tmp/to-exit-375.png' });
    await close();
  });
});
