/**
 * The inactivity clear as a screen-reader or keyboard user meets it (WCAG 2.2.1, 4.1.3, 2.4.3):
 * warned and offered to keep the chat half a minute before; reading and scrolling count as use;
 * after the clear, focus is on an answer and "Chat cleared" is said. Run on Playwright's fake
 * clock, so the ten minutes pass in an instant and exactly.
 */
import { describe, expect, it } from 'vitest';
import { answer, log, logText, open, openPanel, useBrowser, type Page } from './helpers.js';
import { recordSpeech } from './speech.js';

const env = useBrowser();
const minute = 60_000;
/** The demo council page keeps the default: clear after 10 minutes without use. */
const total = 10 * minute;

const warning = (page: Page) => page.locator('safety-chat .idle-warning');
const focused = (page: Page) =>
  page.locator('safety-chat').evaluate((host) => {
    const a = host.shadowRoot!.activeElement as HTMLElement | null;
    return a ? `${a.localName}.${a.className}:${(a.textContent ?? '').trim()}` : document.activeElement?.localName ?? 'nothing';
  });

async function started(width = 1280, height = 800) {
  const opened = await open(env, '/demo/council.html', { clock: true, width, height });
  const { page } = opened;
  await openPanel(page);
  await answer(page, 'Check my safety');
  return opened;
}

describe('the inactivity clear', () => {
  it('half a minute before, an alert offers to keep the chat; Keep the chat restarts the full countdown', async () => {
    const { page, close } = await started();
    const said = await recordSpeech(page);
    await page.clock.runFor(total - 31_000);
    expect(await warning(page).count()).toBe(0);
    await page.clock.runFor(2_000);
    await warning(page).waitFor();
    // An alert, spoken at once, with a real button.
    expect(await warning(page).getAttribute('role')).toBe('alert');
    expect(await said()).toContainEqual({ politeness: 'assertive', region: 'alert', text: 'This chat will clear itself in 30 seconds, to keep it private. Keep the chat' });
    const keep = page.locator('safety-chat').getByRole('button', { name: 'Keep the chat' });
    // Keyboard: Tab reaches it from the transcript's neighbours like any control; Enter keeps the chat.
    await keep.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => warning(page).count()).toBe(0);
    // Focus that was on the warning is not lost with it: it goes to the answers.
    expect(await focused(page)).toMatch(/^button\.[^:]*:/);
    expect(await focused(page)).not.toMatch(/Keep the chat/);
    // The whole countdown again, not what was left of the old one.
    await page.clock.runFor(total - 31_000);
    expect(await warning(page).count()).toBe(0);
    expect(await logText(page)).toContain('Check my safety');
    await close();
  });

  it('scrolling the transcript to read it counts as use: the warning goes and the chat is kept', async () => {
    const { page, close } = await started(375, 640);
    // Enough said that the transcript scrolls on a phone: the first answer, twice.
    for (let i = 0; i < 2; i++) {
      const before = await logText(page);
      await page.locator('safety-chat [part="choices"] button').first().click();
      await expect.poll(() => logText(page)).not.toBe(before);
    }
    const scrolls = await log(page).evaluate((el) => el.scrollHeight > el.clientHeight);
    expect(scrolls).toBe(true);
    await page.clock.runFor(total - 29_000);
    await warning(page).waitFor();
    // Dragging the scroll bar or swiping: only a scroll event, no key, no tap.
    await log(page).evaluate((el) => (el.scrollTop = 0));
    await expect.poll(() => warning(page).count()).toBe(0);
    await page.clock.runFor(total - 31_000);
    expect(await warning(page).count()).toBe(0);
    // The wheel over the transcript counts too.
    await page.clock.runFor(2_000);
    await warning(page).waitFor();
    const box = (await log(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => warning(page).count()).toBe(0);
    expect(await logText(page)).toContain('Check my safety');
    await close();
  });

  it('when the time is up: the chat is wiped, "Chat cleared" is said, and focus is on the first answer of the new start, not the page', async () => {
    const { page, close } = await started();
    await page.locator('safety-chat [part="choices"] button').first().focus();
    const said = await recordSpeech(page);
    await page.clock.runFor(total + 1_000);
    await expect.poll(() => logText(page)).not.toContain('Check my safety');
    expect(await warning(page).count()).toBe(0);
    const firstAnswer = await page.locator('safety-chat [part="choices"] button').first().innerText();
    expect(await focused(page)).toBe(`button.:${firstAnswer}`);
    const status = page.locator('safety-chat .sr-only[role="status"]');
    await expect.poll(() => status.textContent()).toBe('Chat cleared, because it had not been used for a while.');
    expect((await said()).map((s) => s.text)).toContain('Chat cleared, because it had not been used for a while.');
    // The new start has nothing of anyone's to clear: no warning and no clear come for it.
    await page.clock.runFor(total + 1_000);
    expect(await warning(page).count()).toBe(0);
    expect(await status.textContent()).toBe('Chat cleared, because it had not been used for a while.');
    await close();
  });

  it('no countdown outlives a wipe: after Clear chat the next conversation gets its own full time', async () => {
    const { page, close } = await started();
    await page.clock.runFor(5 * minute);
    await page.locator('safety-chat').getByRole('button', { name: 'Clear chat' }).click();
    await answer(page, 'Check my safety');
    // Let the reply's scroll (which counts as use) land before the page's clock jumps ahead:
    // rendering runs on real time, so otherwise it may count as use at minute 9.
    await page.waitForTimeout(300);
    // The old countdown would have warned 4½ minutes from here.
    await page.clock.runFor(9 * minute);
    expect(await warning(page).count()).toBe(0);
    expect(await logText(page)).toContain('Check my safety');
    await page.clock.runFor(31_000);
    await warning(page).waitFor();
    await close();
  });

  it('a closed panel says nothing: closing wipes the chat, and no warning or clear comes while it is closed', async () => {
    const { page, close } = await started();
    await page.keyboard.press('Escape');
    await expect.poll(() => log(page).isVisible()).toBe(false);
    await page.clock.runFor(total + 1_000);
    await page.locator('safety-chat .launcher').click();
    await page.locator('safety-chat [role="log"] .bubble').first().waitFor();
    expect(await warning(page).count()).toBe(0);
    // The status region says the opening messages, never that the chat was cleared.
    expect(await page.locator('safety-chat .sr-only[role="status"]').textContent()).not.toMatch(/cleared/i);
    await close();
  });

  it('inline on a page, scrolling the page to read the chat counts as use', async () => {
    const { page, close } = await open(env, '/demo/school.html', { clock: true, width: 375, height: 640 });
    await openPanel(page);
    const before = await logText(page);
    await page.locator('safety-chat [part="choices"] button').first().click();
    await expect.poll(() => logText(page)).not.toBe(before);
    await page.clock.runFor(total - 29_000);
    await warning(page).waitFor();
    await page.evaluate(() => window.scrollBy(0, 40));
    await expect.poll(() => warning(page).count()).toBe(0);
    await close();
  });
});
