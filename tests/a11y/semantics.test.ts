/**
 * What a screen reader gets: roles, names, live regions, headings, tab order and the quick-exit
 * explanation. Read through Playwright's role queries and Chromium's own accessibility tree (CDP).
 */
import { describe, expect, it } from 'vitest';
import { answer, axTree, hostPage, log, open, openPanel, search, toAreaQuestion, useBrowser, type Page } from './helpers.js';
import { recordSpeech } from './speech.js';

const env = useBrowser();

describe('the launcher', () => {
  it.each([
    ['/demo/council.html', 'Domestic abuse help'],
    ['/demo/partner.html', 'Talk to us'],
    ['/demo/a11y-default.html', 'Need to talk?'],
  ])('on %s is a button whose accessible name is the label "%s"', async (path, label) => {
    const pages = { '/demo/a11y-default.html': hostPage('<safety-chat></safety-chat>', 'Default label') };
    const { page, close } = await open(env, path, { pages });
    const button = page.getByRole('button', { name: label, exact: true });
    await button.waitFor();
    expect(await button.count()).toBe(1);
    expect(await button.innerText()).toBe(label);
    const tree = await axTree(page);
    expect(tree.filter((n) => n.role === 'button' && n.name === label)).toHaveLength(1);
    await close();
  });

  // Regression (found by this suite, fixed): src/element/safety-chat.element.ts — drop `aria-haspopup="true"` from the launcher (see report).
  it('is not announced as a menu button (it opens a region, not a menu)', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    const tree = await axTree(page);
    const launcher = tree.find((n) => n.role === 'button' && n.name === 'Domestic abuse help')!;
    expect(launcher.props.hasPopup ?? 'false').toBe('false');
    await close();
  });
});

describe.each([
  ['/demo/council.html', 'launcher'],
  ['/demo/school.html', 'inline'],
])('the panel on %s (%s mode)', (path, mode) => {
  it('is a region named by its h2 heading, with an answers group that has a label', async () => {
    const { page, close } = await open(env, path);
    await openPanel(page);
    const region = page.getByRole('region', { name: 'Support and safety', exact: true });
    expect(await region.count()).toBe(1);
    const heading = region.getByRole('heading', { level: 2, name: 'Support and safety' });
    expect(await heading.count()).toBe(1);
    expect(await region.getByRole('group', { name: 'Your answers', exact: true }).count()).toBe(1);
    const tree = await axTree(page);
    expect(tree.some((n) => n.role === 'region' && n.name === 'Support and safety')).toBe(true);
    expect(tree.some((n) => n.role === 'heading' && n.name === 'Support and safety' && n.props.level === 2)).toBe(true);
    expect(tree.some((n) => n.role === 'group' && n.name === 'Your answers')).toBe(true);
    await close();
  });

  it('has a transcript with role="log", polite, that announces additions', async () => {
    const { page, close } = await open(env, path);
    await openPanel(page);
    expect(await page.locator('safety-chat [role="log"]').count()).toBe(1);
    const live = await log(page).getAttribute('aria-live');
    expect(live === null || live === 'polite', 'role=log implies polite; an explicit value must be polite').toBe(true);
    const tree = await axTree(page);
    const logNode = tree.find((n) => n.role === 'log')!;
    // Its own name, not the region's again: "Conversation".
    expect(logNode.name).toBe('Conversation');
    expect(logNode.props.live).toBe('polite');
    expect(String(logNode.props.relevant)).toMatch(/additions/);
    await close();
  });

  it('adds each new bot message as a new node at the end of the log, leaving what was said in place', async () => {
    const { page, close } = await open(env, path);
    await openPanel(page);
    // Tag the existing messages, answer, and check they are untouched and new ones were appended.
    await page.evaluate(() => {
      const log = document.querySelector('safety-chat')!.shadowRoot!.querySelector('[role="log"]')!;
      for (const c of log.children) (c as HTMLElement & { __old?: string }).__old = c.textContent ?? '';
    });
    const first = mode === 'inline' ? 'Who can I talk to?' : 'Understand abuse';
    await answer(page, first);
    const result = await page.evaluate(() => {
      const log = document.querySelector('safety-chat')!.shadowRoot!.querySelector('[role="log"]')!;
      const kids = [...log.children] as (HTMLElement & { __old?: string })[];
      const old = kids.filter((c) => c.__old !== undefined);
      return {
        unchanged: old.every((c) => c.textContent === c.__old),
        oldFirst: kids.slice(0, old.length).every((c) => c.__old !== undefined),
        added: kids.slice(old.length).map((c) => c.className),
      };
    });
    expect(result.unchanged).toBe(true);
    expect(result.oldFirst).toBe(true);
    expect(result.added[0]).toMatch(/\byou\b/);
    expect(result.added.slice(1).some((c) => /\bbot\b/.test(c))).toBe(true);
    await close();
  });

  // Regression (found by this suite, fixed): src/panel/panel.ts renderEntry — the person's own answer ("You: …") is appended inside
  // the polite role="log", so screen readers read the answer back before the reply. Mark the
  // echo bubble aria-live="off" (see report).
  it("the person's own answers are not announced again (only new bot messages are)", async () => {
    const { page, close } = await open(env, path);
    await openPanel(page);
    await answer(page, mode === 'inline' ? 'Who can I talk to?' : 'Understand abuse');
    const echoes = await page.evaluate(() => {
      const root = document.querySelector('safety-chat')!.shadowRoot!;
      /** The live setting that applies to an element: its nearest aria-live or live role. */
      const liveOf = (el: Element | null): string => {
        for (let e = el; e; e = e.parentElement) {
          if (e.closest('[aria-hidden="true"]')) return 'hidden';
          const live = e.getAttribute('aria-live');
          if (live) return live;
          const role = e.getAttribute('role');
          if (role === 'log' || role === 'status') return 'polite';
          if (role === 'alert') return 'assertive';
        }
        return 'off';
      };
      return [...root.querySelectorAll('.bubble.you')].map(liveOf);
    });
    expect(echoes.length).toBeGreaterThan(0);
    for (const e of echoes) expect(['off', 'hidden']).toContain(e);
    await close();
  });

  // Regression (found by this suite, fixed): the log is created holding the welcome and focus goes to
  // the first answer, so a live region alone would never say the welcome (it announces only
  // changes after it exists). The welcome is drawn in the first frame and said through the status
  // region, which exists by then.
  it('says the opening messages when the panel opens, through a live region that existed before them', async () => {
    // Inline, the welcome is page content read in reading order; nothing should speak on page load.
    if (mode === 'inline') return;
    const { page, close } = await open(env, path);
    await page.locator('safety-chat').waitFor();
    const said = await recordSpeech(page);
    await openPanel(page);
    await page.waitForTimeout(300);
    const heard = await said();
    const welcome = await page.locator('safety-chat .log .bubble.bot').allInnerTexts();
    expect(welcome.length).toBeGreaterThan(0);
    const spoken = heard.map((h) => h.text).join(' ');
    for (const message of welcome) expect(spoken, 'each opening message is said').toContain(message.replace(/\s+/g, ' ').trim());
    expect(heard.every((h) => h.politeness === 'polite'), 'politely, after the focused answer').toBe(true);
    await close();
  });

  it('puts the quick exit button first in the panel tab order, named "Exit…"', async () => {
    const { page, close } = await open(env, path);
    await openPanel(page);
    const order = await page.evaluate(() => {
      const panel = document.querySelector('safety-chat')!.shadowRoot!.querySelector('[part="panel"]')!;
      const all = [...panel.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
        (e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0,
      );
      return { first: all[0]?.getAttribute('part'), positive: all.filter((e) => e.tabIndex > 0).length };
    });
    expect(order.first).toBe('exit-button');
    expect(order.positive, 'no positive tabindex reorders the panel').toBe(0);
    const exit = page.locator('safety-chat').getByRole('button', { name: /^Exit/ });
    expect(await exit.count()).toBe(1);
    expect(await exit.isVisible()).toBe(true);
    if (mode === 'inline') {
      // From the page before the widget, the next Tab lands on the exit button.
      await page.locator('main h1').click();
      await page.keyboard.press('Tab');
      const part = await page.evaluate(() => document.querySelector('safety-chat')!.shadowRoot!.activeElement?.getAttribute('part'));
      expect(part).toBe('exit-button');
    }
    await close();
  });

  it('explains the Shift×3 shortcut in visible text, and announces the presses politely', async () => {
    const { page, close } = await open(env, path);
    await openPanel(page);
    const hint = page.locator('safety-chat .hint p');
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.innerText()).toMatch(/press Shift three times/i);
    const box = (await hint.boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(10);
    const clipped = await hint.evaluate((el) => {
      const s = getComputedStyle(el);
      return s.clipPath !== 'none' || s.visibility !== 'visible' || Number(s.opacity) < 1 || el.closest('.sr-only') !== null;
    });
    expect(clipped).toBe(false);
    // One press, then a second: the polite status says how many more to exit (a third would leave).
    const status = page.locator('safety-chat .sr-only[role="status"]');
    await page.keyboard.press('Shift');
    await expect.poll(() => status.textContent()).toMatch(/2 more times/);
    await page.keyboard.press('Shift');
    await expect.poll(() => status.textContent()).toMatch(/1 more time/);
    await close();
  });

  it('labels the area search box visibly, with autocomplete off', async () => {
    const { page, close } = await open(env, path);
    await openPanel(page);
    await toAreaQuestion(page, mode === 'inline' ? 'school' : 'council');
    const box = page.locator('safety-chat').getByRole('searchbox', { name: /Where do you live/ });
    await box.waitFor();
    expect(await box.getAttribute('autocomplete')).toBe('off');
    const label = page.locator('safety-chat label[for="sc-area"]');
    expect(await label.isVisible()).toBe(true);
    expect(await page.locator('safety-chat').getByRole('search').count()).toBe(1);
    await close();
  });
});

describe('headings on a services screen', () => {
  it('go h2 (panel) → h3 (groups) → h4 (services, one level below their group) with no skipped level', async () => {
    const { page, close } = await open(env, '/demo/partner.html', { bypassCSP: true });
    await openPanel(page);
    await answer(page, 'Find support near me');
    await page.locator('safety-chat .card').first().waitFor();
    const levels = await page.locator('safety-chat').evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])),
    );
    expect(levels[0]).toBe(2);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    const grouped = await page.locator('safety-chat').evaluate((host) =>
      [...host.shadowRoot!.querySelectorAll('.group')].map((g) => ({ groupHeading: g.querySelector('h3') !== null, cards: g.querySelectorAll('.card h4').length, wrongLevel: g.querySelectorAll('.card h3').length })),
    );
    expect(grouped.length).toBeGreaterThan(0);
    for (const g of grouped) expect([g.groupHeading, g.cards > 0, g.wrongLevel]).toEqual([true, true, 0]);
    await close();
  });

  it('names every contact with its action and service, ending with the words shown; every card is named by its heading', async () => {
    const { page, close } = await open(env, '/demo/partner.html', { bypassCSP: true });
    await openPanel(page);
    await answer(page, 'Find support near me');
    await page.locator('safety-chat .card').first().waitFor();
    const tree = await axTree(page);
    const links = tree.filter((n) => n.role === 'link').map((n) => n.name);
    expect(links).toContain('Call National Domestic Abuse Helpline, 0808 2000 247');
    expect(links).toContain('National Domestic Abuse Helpline website, nationaldahelpline.org.uk');
    const cards = await page.locator('safety-chat .card:not(.emergency)').evaluateAll((cs) =>
      cs.map((c) => ({
        heading: c.querySelector('h4')?.textContent ?? '',
        labelledBy: c.getAttribute('aria-labelledby'),
        headingId: c.querySelector('h4')?.id,
        // The contact list; links inside sentences ("call … on 08 08 16 89 111") read with their sentence.
        links: [...c.querySelectorAll('.contacts a')].map((a) => ({ name: a.getAttribute('aria-label') ?? '', shown: a.textContent ?? '' })),
      })),
    );
    expect(cards.length).toBeGreaterThan(2);
    for (const c of cards) {
      expect(c.labelledBy).toBe(c.headingId);
      for (const l of c.links) {
        expect(l.name, l.shown).toMatch(/^(Call|Send a text to|Email|Chat online with) .+, |^.+ website, /);
        expect(l.name.includes(c.heading), l.name).toBe(true);
        expect(l.name.endsWith(`, ${l.shown}`), l.name).toBe(true);
      }
    }
    // Articles are named by their headings in the tree too.
    expect(tree.some((n) => n.role === 'article' && n.name === cards[0]!.heading)).toBe(true);
    await close();
  });
});

describe('what is said and kept', () => {
  it('the panel carries the language of its words, even on a page in another language', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'pl'));
    await openPanel(page);
    const langs = await page.locator('safety-chat').evaluate((host) => {
      const r = host.shadowRoot!;
      return [r.querySelector('[part="panel"]')!.getAttribute('lang'), (r.querySelector('.bubble') as HTMLElement).closest('[lang]')!.getAttribute('lang')];
    });
    expect(langs).toEqual(['en', 'en']);
    await close();
  });

  it('Clear chat is confirmed to a screen reader ("Chat cleared.") and the next answer takes the message away', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    await openPanel(page);
    await answer(page, 'Check my safety');
    const status = page.locator('safety-chat [role="status"]').first();
    await page.locator('safety-chat').getByRole('button', { name: 'Clear chat' }).click();
    await expect.poll(() => status.textContent()).toBe('Chat cleared.');
    const tree = await axTree(page);
    expect(tree.some((n) => n.name === 'Chat cleared.')).toBe(true);
    await answer(page, 'Check my safety');
    await expect.poll(() => status.textContent()).toBe('');
    await close();
  });

  /** A page whose widget has no area, so the area is asked. */
  const searchPage = { '/demo/a11y-search.html': hostPage('<safety-chat></safety-chat>', 'Search') };

  /** Every text the panel's one status region takes, in order (what a screen reader hears from it). */
  async function recordStatus(page: Page) {
    await page.locator('safety-chat').evaluate((host) => {
      const region = host.shadowRoot!.querySelector('.sr-only[role="status"]')!;
      const said: string[] = ((window as unknown as { __said: string[] }).__said = []);
      new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, { childList: true, characterData: true, subtree: true });
    });
    return () => page.evaluate(() => (window as unknown as { __said: string[] }).__said);
  }
  const focused = (page: Page) => page.locator('safety-chat').evaluate((host) => {
    const a = host.shadowRoot!.activeElement as HTMLElement | null;
    return a ? `${a.localName}${a.id ? `#${a.id}` : ''}:${(a.textContent ?? '').trim()}` : 'nothing';
  });

  it('area search: one status region says what was found; after nothing is found focus stays in the box; a found council is said', async () => {
    const { page, close } = await open(env, '/demo/a11y-search.html', { pages: searchPage });
    await openPanel(page);
    await toAreaQuestion(page, '/demo/a11y-search.html');
    const said = await recordStatus(page);
    await search(page, 'Nowhere at all');
    await expect.poll(said).toEqual(['We could not find that. Try a town, a village or the first part of a postcode, or choose from the list.']);
    expect(await focused(page)).toBe('input#sc-area:');
    // Only the one status region speaks; the visible words beside the box are not a second one.
    expect(await page.locator('safety-chat [role="status"]').count()).toBe(1);
    await search(page, 'Margat');
    await expect.poll(said).toEqual([expect.any(String), 'Did you mean Margate? That is in Thanet (Margate, Ramsgate, Broadstairs).']);
    expect(await focused(page)).toMatch(/^button:Thanet/);
    // The council a search chose is said once, by the summary of the list that follows.
    const speech = await recordSpeech(page);
    await search(page, 'Maidstone');
    await expect.poll(async () => (await speech()).map((s) => s.text)).toContainEqual(expect.stringMatching(/^Help for Maidstone: \d+ services?, listed below\.$/));
    expect((await said()).at(-1)).not.toBe('Help for Maidstone');
    await close();
  });

  it('topic finder: the status region says whether topics matched; with none, focus stays in the box', async () => {
    const { page, close } = await open(env, '/demo/a11y-search.html', { pages: searchPage });
    await openPanel(page);
    await answer(page, 'Search for a topic');
    const said = await recordStatus(page);
    await search(page, 'zzzzqqq');
    await expect.poll(said).toEqual(['Nothing matched those words. Try another word, or pick from the list below.']);
    expect(await focused(page)).toBe('input#sc-find:');
    await search(page, 'money');
    await expect.poll(said).toEqual([expect.any(String), 'Topics that match']);
    expect(await focused(page)).toMatch(/^button:/);
    await close();
  });

  it('Escape in a search box with words in it empties the box and keeps the chat open; Escape again closes it', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    await openPanel(page);
    await answer(page, 'Search for a topic');
    const box = page.locator('safety-chat input[type="search"]');
    await box.fill('money');
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    expect(await log(page).isVisible()).toBe(true);
    await box.press('Escape');
    await expect.poll(() => log(page).isVisible()).toBe(false);
    await close();
  });
});
