/**
 * Screenshots for review (docs/screenshots/): the demo pages closed and with the panel open, at 320, 375 and
 * 1280 CSS px, in light and forced colours. Each is one 800px-tall viewport at 1× (small PNGs).
 * Names: <page>-<width>-<state>[-forced].png. Set SCREENSHOTS=0 to skip writing them.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer, areaQuestion, cards, launcher, open, openPanel, root, toAreaQuestion, useBrowser, type Page } from './helpers.js';

const env = useBrowser();
const out = `${root}/docs/screenshots`;

type Shot = [page: 'council' | 'school' | 'partner', width: number, state: 'closed' | 'welcome' | 'services', forced: boolean, height?: number];

/** About sixteen: every page, every width, both states where they differ, forced colours for each page. */
const shots: Shot[] = [
  // The host page before opening: its own safety notice (the widget's fallback) and the launcher.
  ['council', 375, 'closed', false],
  ['council', 1280, 'closed', false],
  ['council', 320, 'welcome', false],
  ['council', 320, 'services', false],
  ['council', 375, 'welcome', false],
  ['council', 375, 'services', false],
  ['council', 375, 'services', true],
  ['council', 1280, 'welcome', false],
  ['council', 1280, 'services', false],
  ['council', 1280, 'welcome', true],
  ['school', 320, 'welcome', false],
  ['school', 375, 'services', false],
  ['school', 375, 'welcome', true],
  ['school', 1280, 'welcome', false],
  ['partner', 320, 'services', false],
  // 400% zoom of a 1280×1024 screen: the short-screen layout (the whole panel scrolls, header pinned).
  ['council', 320, 'services', false, 256],
  ['partner', 1280, 'services', false],
  ['partner', 320, 'welcome', true],
];

async function toServices(page: Page, name: Shot[0]) {
  if (name === 'school') {
    await toAreaQuestion(page, 'school');
    await answer(page, /^Canterbury/);
  } else {
    await answer(page, 'Find support near me');
    if (name === 'council') {
      await areaQuestion(page);
      await answer(page, /^Thanet/);
    }
  }
  await cards(page);
  if (await page.evaluate(() => innerHeight < 480)) return;
  // Show the start of the cards, as a person scrolling up a little would see them (the inline
  // panel first brought fully into view, as on arrival).
  if (name === 'school') await page.locator('safety-chat [part="panel"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.locator('safety-chat .log').evaluate((log) => {
    const cards = log.querySelector<HTMLElement>('.cards')!;
    log.scrollTop = cards.offsetTop - 12;
  });
}

describe.skipIf(process.env.SCREENSHOTS === '0')('screenshots', () => {
  it('writes the review set to docs/screenshots/', async () => {
    mkdirSync(out, { recursive: true });
    const written: string[] = [];
    for (const [name, width, state, forced, height = 800] of shots) {
      const { page, close } = await open(env, `/demo/${name}.html`, { width, height, bypassCSP: name === 'partner', forcedColors: forced ? 'active' : 'none' });
      if (state === 'closed') await launcher(page).waitFor();
      else await openPanel(page);
      if (state === 'services') await toServices(page, name);
      else if (name === 'school') await page.locator('safety-chat [part="panel"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      // Show the focus ring on the first answer (where focus lands on opening), as a keyboard user sees it.
      if (state === 'welcome' && name !== 'school') {
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('Tab');
      }
      // No hover look left from the last click.
      await page.mouse.move(width - 1, height - 1);
      const file = `${out}/${name}-${width}${height === 800 ? '' : `x${height}`}-${state}${forced ? '-forced' : ''}.png`;
      await page.screenshot({ path: file });
      written.push(file);
      await close();
    }
    expect(written).toHaveLength(shots.length);
  });
});
