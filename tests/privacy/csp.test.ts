/**
 * Strict Content-Security-Policy and Trusted Types:
 *   default-src 'self'; script-src 'self'; style-src 'self'; … require-trusted-types-for 'script'; trusted-types lit-html
 * Every securitypolicyviolation is recorded from before any page script runs
 * (an init script), including zod's eval probe in the partner-contacts chunk
 * and any Trusted Types sink. There must be none, and nothing in the console.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, STRICT_CSP, openWatch, press, type Watch, startEnv, stopEnv, type Env } from './harness.js';
import { content, generatePaths, str, type Path } from '../support/paths.js';

let demo: Env['demo'];
let fixtures: Env['fixtures'];
let browser: Browser;
const figures = { paths: 0, clicks: 0, cards: 0, violations: 0 };

beforeAll(async () => {
  ({ demo, fixtures, browser } = await startEnv('demo', 'fixtures'));
});
afterAll(async () => {
  await stopEnv({ demo, fixtures, browser });
  console.log(`[privacy/csp] ${figures.paths} paths, ${figures.clicks} clicks, ${figures.cards} service cards drawn under the strict policy, ${figures.violations} violations`);
});

/** Paths on a page with area="thanet" that together show every services node (with cards), plus the longest path. */
function servicePaths(): Path[] {
  const { paths, nodes } = generatePaths('general', 'thanet');
  const left = new Set([...nodes].filter((k) => content.nodes[k]!.type === 'services'));
  const longest = paths.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
  const chosen: Path[] = [longest];
  longest.nodes.forEach((n) => left.delete(n));
  while (left.size) {
    const best = paths.reduce((a, b) => (b.nodes.filter((n) => left.has(n)).length > a.nodes.filter((n) => left.has(n)).length ? b : a));
    if (!best.nodes.some((n) => left.has(n))) break;
    chosen.push(best);
    best.nodes.forEach((n) => left.delete(n));
  }
  return chosen;
}

async function strictPage(url: string): Promise<Watch> {
  const w = await openWatch(browser);
  const res = await w.page.goto(url, { waitUntil: 'load' });
  expect(res?.headers()['content-security-policy']).toBe(STRICT_CSP);
  return w;
}

async function expectNoViolations(w: Watch, expectedConsole: RegExp[] = []) {
  // A violation report is queued as a task: give it time to arrive before reading.
  await w.page.waitForTimeout(100);
  const violations = await w.violations();
  figures.violations += violations.length;
  expect(violations).toEqual([]);
  expect(w.errors).toEqual([]);
  const unexpected = w.console.filter((m) => !expectedConsole.some((re) => re.test(m.text)));
  expect(unexpected).toEqual([]);
}

const cardCount = (page: Page) => page.locator('safety-chat').evaluate((el) => el.shadowRoot!.querySelectorAll('.card').length);

describe('under the strict CSP and Trusted Types', () => {
  it('the partner demo page: paths through every services node and the longest path, cards drawn, no violation', async () => {
    const w = await strictPage(`${demo.origin}/demo/partner.html`);
    const { page } = w;
    await page.locator('safety-chat').getByRole('button', { name: 'Talk to us' }).click({ timeout: 5000 });
    await page.locator('safety-chat [part="choices"] button').first().waitFor({ timeout: 10_000 });
    for (const p of servicePaths()) {
      for (const s of p.steps) {
        await press(page, s.label, s.nth);
        figures.clicks++;
      }
      if (content.nodes[p.end.node]!.type === 'services') {
        const n = await cardCount(page);
        expect(n, `cards at ${p.end.node}`).toBeGreaterThan(0);
        figures.cards += n;
      }
      figures.paths++;
      await page.evaluate(() => document.querySelector('safety-chat')!.clear());
    }
    // Back, Start again, Clear chat, Close and the launcher again.
    await press(page, "I'm in danger now");
    await press(page, str('back'));
    await press(page, 'Make a safety plan');
    await press(page, str('restart'));
    await page.locator('safety-chat button.clear').click({ timeout: 5000 });
    await page.locator('safety-chat').getByRole('button', { name: str('close') }).click({ timeout: 5000 });
    await page.locator('safety-chat').getByRole('button', { name: 'Talk to us' }).click({ timeout: 5000 });
    await expectNoViolations(w);
    await w.close();
  });

  it('partner contacts in a JSON child (zod/mini chunk) and the area search, no area set: no violation', async () => {
    const w = await strictPage(`${fixtures.origin}${FIXTURES}/csp-contacts.html`);
    const { page } = w;
    await page.locator('safety-chat').getByRole('button', { name: 'Talk to us' }).click({ timeout: 5000 });
    await press(page, 'Find support near me');
    const input = page.locator('safety-chat input#sc-area');
    await input.click({ timeout: 5000 });
    await input.pressSequentially('Margate', { timeout: 10_000 });
    await input.press('Enter');
    // The partner's contact is validated by the zod/mini chunk and drawn first, as text.
    await expect.poll(() => page.locator('safety-chat').evaluate((el) => el.shadowRoot!.querySelector('.card:not(.emergency) h4')?.textContent ?? ''), { timeout: 5000 }).toBe('Example Charity Outreach');
    figures.cards += await cardCount(page);
    expect(w.requests.some((r) => /\/dist\/chunks\/partner-services-[^/]+\.js$/.test(r.url))).toBe(true);
    const links = await page.locator('safety-chat .card:not(.emergency)').first().locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['tel:01843000000', 'https://example.org/help', 'mailto:help@example.org']);
    // A misspelling, a split district and an unknown place: the other answers of the search.
    for (const typed of ['Margat', 'CT2 9AB', 'Nowhere at all']) {
      await page.evaluate(() => document.querySelector('safety-chat')!.clear());
      await press(page, 'Find support near me');
      await input.pressSequentially(typed, { timeout: 10_000 });
      await input.press('Enter');
      await page.locator('safety-chat p.prompt.found').first().waitFor({ timeout: 5000 });
    }
    await expectNoViolations(w);
    await w.close();
  });

  it('partner contacts through the services property, one invalid: no violation, the bad one reported', async () => {
    const w = await strictPage(`${fixtures.origin}${FIXTURES}/csp-services.html`);
    const { page } = w;
    await page.locator('safety-chat').getByRole('button', { name: 'Talk to us' }).click({ timeout: 5000 });
    await press(page, 'Find support near me');
    await expect.poll(() => page.locator('safety-chat').evaluate((el) => el.shadowRoot!.querySelector('.card:not(.emergency) h4')?.textContent ?? ''), { timeout: 5000 }).toBe('Medway Example Helpdesk');
    figures.cards += await cardCount(page);
    await expectNoViolations(w, [/^<safety-chat>: partner contact 2 \("Broken entry"\) was dropped: field "contacts"/]);
    expect(w.console.map((m) => m.type)).toEqual(['error']);
    await w.close();
  });

  it('control: the violation watch does see a violation on these pages (so zero above means zero)', async () => {
    const w = await strictPage(`${demo.origin}/demo/partner.html`);
    await w.page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://blocked.example/pixel.png';
      document.body.append(img);
    });
    await expect.poll(() => w.violations(), { timeout: 5000 }).toEqual([expect.stringMatching(/^img-src https:\/\/blocked\.example\/pixel\.png/)]);
    await w.close();
  });
});
