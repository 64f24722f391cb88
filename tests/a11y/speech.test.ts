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

describe('a whole journey by keyboard and screen reader', () => {
  it('open, three topics, the safety check to its outcome with an area search, Clear chat, Close: every change said, services as one line, Exit two keys away on every screen', async () => {
    const { page, close } = await open(env, '/demo/council.html', { width: 375, height: 740 });
    const log: string[] = [];
    let keys = 0;
    const press = async (key: string) => {
      keys++;
      await page.keyboard.press(key);
    };
    const focusedText = () =>
      page.locator('safety-chat').evaluate((host) => {
        const a = host.shadowRoot!.activeElement as HTMLElement | null;
        return a ? (a.localName === 'input' ? `box:${a.id}` : (a.textContent ?? '').replace(/\s+/g, ' ').trim()) : '';
      });
    /** Tab (or Shift+Tab) to a control by its text, and press Enter; returns the keys it took. */
    const activate = async (text: string, back = false) => {
      const start = keys;
      for (let i = 0; i < 80 && (await focusedText()) !== text; i++) await press(back ? 'Shift+Tab' : 'Tab');
      expect(await focusedText()).toBe(text);
      await press('Enter');
      return keys - start;
    };
    let said = await recordSpeech(page);
    /** What was said since the last screen, and whether Exit is two keys away from where focus is. */
    const screen = async (name: string) => {
      await settled(page);
      await page.waitForTimeout(250);
      const heard = await said();
      // Keys from here to Exit: Shift+Tab to Exit itself, or to the skip control and Enter.
      const before = await focusedText();
      let toExit = 0;
      let way = '';
      for (let n = 1; n <= 3 && !way; n++) {
        await page.keyboard.press('Shift+Tab');
        const now = await focusedText();
        if (now === 'Exit this page') (toExit = n), (way = `Shift+Tab ×${n}`);
        else if (now === 'Go to the Exit button') (toExit = n + 1), (way = `Shift+Tab ×${n}, Enter`);
        if (way || n === 3) for (let i = 0; i < n; i++) await page.keyboard.press('Tab');
      }
      expect(toExit, `${name}: keys to Exit from "${before}"`).toBeGreaterThan(0);
      expect(toExit, `${name}: keys to Exit from "${before}"`).toBeLessThanOrEqual(2);
      expect(await focusedText(), `${name}: Tab returns`).toBe(before);
      log.push(`${name}: focus on "${before}"; to Exit: ${way} (${toExit} keys)`);
      for (const s of heard) log.push(`  ${s.politeness} ${s.region}: ${s.text}`);
      said = await recordSpeech(page);
      return heard;
    };

    // Open with the keyboard.
    for (let i = 0; i < 20 && (await focusedText()) !== 'Domestic abuse help'; i++) await press('Tab');
    await press('Enter');
    await page.locator('safety-chat [part="choices"] button').first().waitFor();
    await screen('Welcome');
    await activate('Understand abuse');
    await screen('Understand abuse');
    await activate('Being controlled');
    await screen('Being controlled');
    await activate('Back');
    await screen('Back to the kinds of abuse');
    await activate('Money and debts', true);
    await screen('Money and debts');
    await activate('Start again');
    expect((await screen('Start again')).map((s) => s.text)).toEqual(['Back to the start.']);
    await activate('Check my safety');
    await screen('Check my safety');
    await activate('Start the check');
    await screen('Question: danger now');
    await activate('No');
    for (let q = 1; q < 40 && !(await page.locator('safety-chat #sc-area').isVisible()); q++) {
      await screen(`Question ${q}`);
      await activate('Yes');
    }
    await screen('The area question');
    // The area search: Shift+Tab from the first council reaches the box past the Search button.
    const start = keys;
    for (let i = 0; i < 5 && (await focusedText()) !== 'box:sc-area'; i++) await press('Shift+Tab');
    await page.keyboard.type('Maidstone');
    await press('Enter');
    log.push(`(typed "Maidstone" after ${keys - start - 1} keys, then Enter)`);
    await page.locator('safety-chat .card:not(.emergency)').first().waitFor();
    const outcome = await screen('Safety check outcome for Maidstone');
    expect(outcome.map((s) => s.text).join(' ')).toMatch(/Help for Maidstone: \d+ services, listed below\./);
    const toClear = await activate('Clear chat', true);
    log.push(`(Clear chat: ${toClear} keys from the first answer)`);
    const cleared = await screen('After Clear chat');
    expect(cleared.map((s) => s.text).join(' ')).toMatch(/cleared/i);
    await activate('Close', true);
    await expect.poll(focusedText).toBe('Domestic abuse help');
    log.push(`Closed: focus back on the launcher. ${keys} keys in all.`);
    if (process.env.SPEECH_REPORT) (await import('node:fs')).writeFileSync(process.env.SPEECH_REPORT, log.join('\n') + '\n');
    await close();
  });
});
