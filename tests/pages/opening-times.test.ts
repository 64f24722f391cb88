/**
 * The Kent and Medway line's card says whether it is open, from the device's own clock (never
 * sent), and always what to do when it is closed: checked in Chromium with a fixed clock.
 */
import { describe, expect, it } from 'vitest';
import { useDemo } from '../support/demo.js';
import { watchPage } from '../support/page-watch.js';

const demo = useDemo();

async function kentCardAt(time: string) {
  const context = await demo.browser.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  const watch = await watchPage(page);
  await page.clock.install({ time: new Date(time) });
  await page.goto(`${demo.origin}/demo/partner.html`);
  const chat = page.locator('safety-chat');
  await chat.getByRole('button', { name: 'Talk to us' }).click();
  await chat.getByRole('button', { name: 'Find support near me' }).click();
  const card = chat.getByRole('article', { name: /Kent and Medway domestic abuse line/ }).first();
  const text = (await card.innerText()).replace(/\s+/g, ' ');
  const links = await card.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  await context.close();
  return { text, links, requests: watch.requests.map((r) => r.url).filter((u) => !u.startsWith(demo.origin)) };
}

describe('the Kent line, honestly timed', () => {
  it.each([
    ['9am on a Monday', '2026-12-07T09:00:00Z', 'Open now.'],
    ['9pm on a Monday', '2026-12-07T21:00:00Z', 'Closed now.'],
    ['noon on a Sunday', '2026-12-06T12:00:00Z', 'Closed now.'],
  ])('at %s (%s) it says the state and what to do outside its hours, with the 24/7 line and chat linked', async (_, time, state) => {
    const { text, links, requests } = await kentCardAt(time);
    expect(text).toContain(`${state} Monday to Friday, 8am to 8pm`);
    expect(text).toContain("Outside these hours, call Victim Support's 24/7 line on 08 08 16 89 111 or use its live chat");
    expect(links).toEqual(expect.arrayContaining(['tel:08081689276', 'tel:08081689111', 'https://www.victimsupport.org.uk/']));
    expect(requests).toEqual([]);
  });
});
