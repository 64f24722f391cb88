/**
 * Keyboard only: every route can be completed without a pointer, focus goes where a keyboard
 * user expects, there is no focus trap, and every focusable control shows a clear focus ring.
 */
import { describe, expect, it } from 'vitest';
import { open, openPanel, useBrowser, answer, hostPage, toAreaQuestion, type Page } from './helpers.js';

const env = useBrowser();

interface Focused {
  /** Where focus is: 'widget' (inside the shadow root), 'page' or 'none'. */
  where: 'widget' | 'page' | 'none';
  tag: string;
  text: string;
  cls: string;
  part: string;
  inChoices: boolean;
  firstChoice: boolean;
}

/** The element that really has focus, looking inside the widget's shadow root. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const host = document.querySelector('safety-chat');
    let el = document.activeElement;
    let where: 'widget' | 'page' | 'none' = el && el !== document.body ? 'page' : 'none';
    if (el === host && host?.shadowRoot?.activeElement) {
      el = host.shadowRoot.activeElement;
      where = 'widget';
    }
    const choices = host?.shadowRoot?.querySelector('[part="choices"]');
    return {
      where,
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      cls: el?.getAttribute('class') ?? '',
      part: el?.getAttribute('part') ?? '',
      inChoices: !!(choices && el && choices.contains(el)),
      firstChoice: !!(choices && el && choices.querySelector('button') === el),
    };
  });
}

/** Press Tab (or Shift+Tab) until the focused control's text matches; fails after `max` presses. */
async function tabTo(page: Page, name: string | RegExp, { back = false, max = 40 } = {}): Promise<Focused> {
  const matches = (t: string) => (typeof name === 'string' ? t === name : name.test(t));
  for (let i = 0; i < max; i++) {
    const f = await focused(page);
    if (f.where === 'widget' && matches(f.text)) return f;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach "${name}" with ${back ? 'Shift+Tab' : 'Tab'}; focus is on ${JSON.stringify(await focused(page))}`);
}

const logText = (page: Page) => page.locator('safety-chat [role="log"]').innerText();
const choiceTexts = (page: Page) => page.locator('safety-chat [part="choices"] button').allInnerTexts();

/** Reach an answer with the keyboard, press it with Enter or Space, and check focus lands on the first new answer. */
async function pick(page: Page, name: string | RegExp, key: 'Enter' | 'Space' = 'Enter', back = false) {
  const before = await logText(page);
  const shown = await choiceTexts(page);
  await tabTo(page, name, { back });
  await page.keyboard.press(key);
  await expect.poll(() => logText(page)).not.toBe(before);
  await expect.poll(async () => (await focused(page)).firstChoice).toBe(true);
  const now = await choiceTexts(page);
  // Questions and plan steps offer the same answers again; elsewhere the set changes.
  if (!/^(Yes|Add to my plan)$/.test(now[0]!.trim())) expect(now, 'a new set of answers').not.toEqual(shown);
  expect((await focused(page)).text).toBe(now[0]!.trim());
}

/** From the top of the page, Tab to the launcher and open the panel with Enter. */
async function openWithKeyboard(page: Page, label: string) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.where === 'widget' && f.cls === 'launcher') break;
  }
  const f = await focused(page);
  expect(f.cls, 'Tab reaches the launcher').toBe('launcher');
  expect(f.text).toBe(label);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await focused(page)).firstChoice).toBe(true);
}

describe('keyboard journeys (council page, launcher mode)', () => {
  it('Tab to the launcher, Enter opens with focus on the first answer; Tab and Shift+Tab reach the answers and the exit; Escape closes and returns focus', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    await openWithKeyboard(page, 'Domestic abuse help');
    expect((await focused(page)).text).toBe("I'm in danger now");
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Find support near me');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe("I'm in danger now");
    // Back up to the exit button: it is reachable, and it is named "Exit…".
    const exit = await tabTo(page, /^Exit/, { back: true, max: 8 });
    expect(exit.part).toBe('exit-button');
    // Escape closes from anywhere in the panel and puts focus back on the launcher.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused(page)).cls).toBe('launcher');
    expect(await page.locator('safety-chat [role="log"]').isVisible()).toBe(false);
    // Space opens too.
    await page.keyboard.press('Space');
    await expect.poll(async () => (await focused(page)).firstChoice).toBe(true);
    await close();
  });

  it('welcome → I\'m in danger now (Enter) → 999 shown', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    await openWithKeyboard(page, 'Domestic abuse help');
    await pick(page, "I'm in danger now", 'Enter');
    expect(await logText(page)).toMatch(/call 999/);
    const call999 = page.locator('safety-chat').getByRole('link', { name: 'Call 999' });
    expect(await call999.last().getAttribute('href')).toBe('tel:999');
    await pick(page, 'Show me who can help', 'Space');
    // The area is not known yet, so it is asked, under the Call 999 that is already there; "Not sure" is an answer.
    await page.locator('safety-chat #sc-area').waitFor();
    expect(await call999.count()).toBe(2);
    await pick(page, 'Not sure', 'Enter');
    await page.locator('safety-chat .card').first().waitFor();
    expect(await logText(page)).toMatch(/Victim Support/);
    await close();
  });

  it.each([
    ['the panel already fetched', 0],
    ['the panel still loading (half a second)', 500],
  ])('opening with Enter, focus goes from the launcher straight into the panel, never to the page (%s)', async (_name, delay) => {
    const { page, context, close } = await open(env, '/demo/council.html', { width: 375, height: 740 });
    if (delay) await context.route('**/dist/chunks/panel-*.js', async (route) => (await new Promise((r) => setTimeout(r, delay)), route.continue()));
    // Focus on the launcher fetches the panel (the widget's intent to open).
    await page.locator('safety-chat .launcher').focus();
    if (!delay) await page.waitForTimeout(500);
    // Where focus is at every frame from the key press on, and where the launcher's focus went.
    await page.locator('safety-chat').evaluate((host) => {
      const root = host.shadowRoot!;
      const seen: string[] = ((window as unknown as { __focus: string[] }).__focus = []);
      const sample = () => {
        const a = document.activeElement;
        const inner = a === host ? (root.activeElement as HTMLElement | null) : null;
        seen.push(a === host ? `widget:${inner?.className || inner?.localName || ''}` : (a?.localName ?? 'none'));
        if (seen.length < 90) requestAnimationFrame(sample);
      };
      sample();
      root.addEventListener('focusout', (e) => (e.target as HTMLElement).classList.contains('launcher') && seen.push(`launcher lost focus to ${(e as FocusEvent).relatedTarget ? 'the panel' : 'nothing'}`));
    });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).firstChoice).toBe(true);
    await page.waitForTimeout(100);
    const seen = await page.evaluate(() => (window as unknown as { __focus: string[] }).__focus);
    expect(seen.filter((s) => !s.startsWith('widget:') && !s.startsWith('launcher lost')), seen.join(' → ')).toEqual([]);
    expect(seen).toContain('launcher lost focus to the panel');
    expect(seen).not.toContain('launcher lost focus to nothing');
    // The launcher is gone once the panel has focus.
    expect(await page.locator('safety-chat .launcher').isVisible()).toBe(false);
    await close();
  });

  it('at 320 px, with the README\'s two rules, no host link that has focus is hidden under the launcher', async () => {
    const links = Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i + 1} of the council's page, with <a href="#l${i}">link ${i + 1}</a> in it.</p>`).join('');
    const pages = { '/demo/a11y-long.html': hostPage(`<safety-chat></safety-chat>${links}`, 'A long council page') };
    const { page, close } = await open(env, '/demo/a11y-long.html', { width: 320, height: 568, pages });
    await page.locator('safety-chat .launcher').waitFor();
    const covered: string[] = [];
    for (let i = 0; i < 36; i++) {
      await page.keyboard.press('Tab');
      const hit = await page.evaluate(() => {
        const a = document.activeElement;
        if (!(a instanceof HTMLAnchorElement)) return null;
        const launcher = document.querySelector('safety-chat')!.shadowRoot!.querySelector('.launcher')!.getBoundingClientRect();
        const r = a.getBoundingClientRect();
        const overlaps = r.left < launcher.right && launcher.left < r.right && r.top < launcher.bottom && launcher.top < r.bottom;
        return overlaps ? a.textContent : '';
      });
      if (hit) covered.push(hit);
    }
    expect(covered).toEqual([]);
    await close();
  });

  it('welcome → a topic → find support → area typed into the search box → service cards', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    await openWithKeyboard(page, 'Domestic abuse help');
    await pick(page, 'Understand abuse', 'Space');
    await pick(page, 'Being controlled', 'Enter');
    expect(await logText(page)).toMatch(/control/i);
    await pick(page, 'Find support', 'Space');
    // The area question: focus is on the first council; the skip to Exit and the search box are just before the answers.
    await page.locator('safety-chat #sc-area').waitFor();
    expect((await focused(page)).firstChoice).toBe(true);
    await page.keyboard.press('Shift+Tab'); // the skip to Exit
    expect((await focused(page)).text).toBe('Go to the Exit button');
    await page.keyboard.press('Shift+Tab'); // the Search button
    expect((await focused(page)).text).toBe('Search');
    await page.keyboard.press('Shift+Tab'); // the search box
    const box = await focused(page);
    expect(box.tag).toBe('input');
    await page.keyboard.type('Margte');
    await page.keyboard.press('Enter');
    await page.locator('safety-chat .prompt.found', { hasText: /Did you mean Margate\? That is in Thanet/ }).waitFor();
    // "Did you mean" offers Thanet as the first answer, and focus is on it.
    await expect.poll(async () => (await focused(page)).text).toMatch(/^Thanet/);
    await page.keyboard.press('Enter');
    await page.locator('safety-chat .card').first().waitFor();
    expect(await logText(page)).toMatch(/Thanet/);
    await expect.poll(async () => (await focused(page)).firstChoice).toBe(true);
    // The links on the cards are reachable by Shift+Tab from the answers, past the skip to Exit.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('Go to the Exit button');
    await page.keyboard.press('Shift+Tab');
    const before = await focused(page);
    // (the transcript itself may be a stop first when it scrolls)
    const link = before.tag === 'a' ? before : (await page.keyboard.press('Shift+Tab'), await focused(page));
    expect(link.tag).toBe('a');
    await close();
  });

  it('safety check: start → 3 answers (Enter, Space, Enter) → stop', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    await openWithKeyboard(page, 'Domestic abuse help');
    await pick(page, 'Check my safety');
    await pick(page, 'Start the check', 'Space');
    expect(await logText(page)).toMatch(/in danger right now/);
    await pick(page, 'No', 'Enter');
    await pick(page, 'Not sure', 'Space');
    await pick(page, 'Skip this question', 'Enter');
    await pick(page, 'Stop the check', 'Enter');
    const text = await logText(page);
    expect(text).toMatch(/Safety check finished/);
    expect(text).toMatch(/Nothing you answered is kept/);
    expect(text).not.toMatch(/in danger right now/);
    await close();
  });

  it('safety plan: a part → a step "Add to my plan" → show my plan', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    await openWithKeyboard(page, 'Domestic abuse help');
    await pick(page, 'Make a safety plan');
    await pick(page, 'I live with the person hurting me', 'Space');
    await pick(page, 'Show me the steps');
    await pick(page, 'Add to my plan', 'Enter');
    await pick(page, "I've done this", 'Space');
    await pick(page, 'Not for me');
    await pick(page, 'Not for me');
    await pick(page, 'Show my plan', 'Enter');
    const plan = page.locator('safety-chat .card.plan');
    await plan.waitFor();
    expect(await plan.innerText()).toMatch(/Steps to do\s+Move to a room with a way out\s+Steps you have done\s+Agree a code word/);
    await close();
  });

  it('Back and Start again work from the keyboard', async () => {
    const { page, close } = await open(env, '/demo/council.html');
    await openWithKeyboard(page, 'Domestic abuse help');
    await pick(page, 'Understand abuse');
    await pick(page, 'Back');
    expect((await focused(page)).text).toBe("I'm in danger now");
    await close();
  });
});

describe('inline mode (school page)', () => {
  it('no focus trap: Tab goes into the widget, through it, and out again; Shift+Tab comes back', async () => {
    const { page, close } = await open(env, '/demo/school.html');
    await openPanel(page);
    const seen: string[] = [];
    let left = false;
    let entered = false;
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.where === 'widget') {
        if (!entered) expect(f.part, 'the exit button is the first stop in the widget').toBe('exit-button');
        entered = true;
        seen.push(f.text);
      } else if (entered) {
        left = true;
        break;
      }
    }
    expect(entered).toBe(true);
    expect(left, `Tab left the widget after ${seen.length} stops: ${seen.join(' | ')}`).toBe(true);
    // And back in with Shift+Tab.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).where).toBe('widget');
    // Escape does not hide an inline widget.
    await page.keyboard.press('Escape');
    expect(await page.locator('safety-chat [role="log"]').isVisible()).toBe(true);
    await close();
  });

  it('the young people route is completable: who can I talk to → support cards', async () => {
    const { page, close } = await open(env, '/demo/school.html');
    await openPanel(page);
    await tabTo(page, /^Exit/);
    await pick(page, 'Who can I talk to?');
    expect(await logText(page)).toMatch(/trust|talk/i);
    await close();
  });
});

/** Ring thickness in CSS px: outline (when drawn) plus the widest box-shadow spread. */
function ringOf(style: { outlineStyle: string; outlineWidth: string; boxShadow: string }): number {
  const outline = style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) || 0 : 0;
  let spread = 0;
  if (style.boxShadow && style.boxShadow !== 'none') {
    for (const shadow of style.boxShadow.split(/,(?![^(]*\))/)) {
      const lengths = shadow.replace(/rgba?\([^)]*\)|#[0-9a-f]+|[a-z]+\([^)]*\)/gi, '').match(/-?[\d.]+px/g) ?? [];
      // x y blur spread (outer or inset): a ring is the spread (a blur alone is a soft shadow, not a ring).
      spread = Math.max(spread, parseFloat(lengths[3] ?? '0'));
    }
  }
  return outline + spread;
}

describe('focus not obscured (WCAG 2.4.11) on a short screen, where the header is pinned', () => {
  it.each([
    ['/demo/council.html'],
    ['/demo/school.html'],
  ])('%s at 320×256: every control focused with Tab or Shift+Tab is at least partly in view', async (path) => {
    const { page, close } = await open(env, path, { width: 320, height: 256 });
    await openPanel(page);
    await toAreaQuestion(page, path);
    await answer(page, /^Canterbury/);
    await page.locator('safety-chat .card').first().waitFor();
    const hidden: string[] = [];
    for (const key of [...Array(14).fill('Shift+Tab'), ...Array(20).fill('Tab')]) {
      await page.keyboard.press(key);
      const seen = await page.evaluate(() => {
        const root = document.querySelector('safety-chat')!.shadowRoot!;
        const el = root.activeElement as HTMLElement | null;
        if (!el) return null;
        // A 6×6 grid over the part of the control inside the viewport: is any point of it on top?
        const b = el.getBoundingClientRect();
        const [x0, x1] = [Math.max(b.left, 0) + 2, Math.min(b.right, innerWidth) - 2];
        const [y0, y1] = [Math.max(b.top, 0) + 2, Math.min(b.bottom, innerHeight) - 2];
        let inView = false;
        for (let i = 0; i <= 5 && !inView && x1 > x0 && y1 > y0; i++)
          for (let j = 0; j <= 5 && !inView; j++) {
            const top = root.elementFromPoint(x0 + ((x1 - x0) * i) / 5, y0 + ((y1 - y0) * j) / 5);
            inView = !!top && (top === el || el.contains(top));
          }
        return { text: (el.textContent ?? '').trim().slice(0, 40), inView };
      });
      if (seen && !seen.inView) hidden.push(`${key}: ${seen.text}`);
    }
    expect(hidden).toEqual([]);
    await close();
  });
});

describe('focus indicator', () => {
  it.each([
    ['/demo/council.html', 'council (launcher)'],
    ['/demo/school.html', 'school (inline)'],
  ])('every focusable control on %s shows a visible focus ring (at least 2 CSS px more than unfocused)', async (path) => {
    const { page, close } = await open(env, path);
    // Cover every kind of control: launcher, header buttons, answers, search box and button, card links.
    const results: { name: string; before: number; after: number; ring: string }[] = [];
    const measure = async () => {
      // The unfocused look of every control, then focus each by keyboard and read its ring.
      const before = await page.evaluate(() => {
        const root = document.querySelector('safety-chat')!.shadowRoot!;
        (document.activeElement as HTMLElement | null)?.blur();
        return [...root.querySelectorAll<HTMLElement>('button, a[href], input, [tabindex]')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => {
            const s = getComputedStyle(el);
            return { key: `${el.tagName}:${el.className}:${el.textContent?.trim()}`, s: { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow } };
          });
      });
      const base = new Map(before.map((b) => [b.key, b.s]));
      // Start from the top of the page and Tab through everything.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.locator('body').press('Home');
      await page.mouse.click(1, 1);
      const seen = new Set<string>();
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const now = await page.evaluate(() => {
          const host = document.querySelector('safety-chat')!;
          const el = document.activeElement === host ? (host.shadowRoot!.activeElement as HTMLElement | null) : null;
          if (!el) return null;
          const s = getComputedStyle(el);
          return {
            key: `${el.tagName}:${el.className}:${el.textContent?.trim()}`,
            visible: el.matches(':focus-visible'),
            s: { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow },
            ring: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} / ${s.boxShadow}`,
          };
        });
        if (!now) {
          if (seen.size) break;
          continue;
        }
        if (seen.has(now.key)) continue;
        seen.add(now.key);
        const b = base.get(now.key);
        results.push({ name: now.key, before: b ? ringOf(b) : 0, after: ringOf(now.s), ring: now.ring });
      }
    };
    if (path.includes('council')) {
      // The launcher, closed.
      await measure();
      await page.locator('safety-chat .launcher').click();
      await page.locator('safety-chat [part="choices"] button').first().waitFor();
    } else await openPanel(page);
    await measure();
    // The area question (search box, Search button, council answers) and a screen with card links.
    await answer(page, path.includes('council') ? 'Find support near me' : 'Who can I talk to?');
    await page.locator('safety-chat [part="choices"] button').first().waitFor();
    await measure();
    if (path.includes('council')) {
      await answer(page, /^Thanet/);
      await page.locator('safety-chat .card a').first().waitFor();
      await measure();
    }
    const kinds = new Set(results.map((r) => r.name.split(':').slice(0, 2).join(':')));
    const weak = results.filter((r) => r.after - r.before < 2);
    expect(weak, `controls without a visible focus change:\n${weak.map((w) => `${w.name}: ${w.ring}`).join('\n')}`).toEqual([]);
    expect(results.length).toBeGreaterThan(10);
    if (path.includes('council')) {
      for (const k of ['BUTTON:launcher', 'BUTTON:exit', 'BUTTON:close', 'BUTTON:clear', 'BUTTON:', 'BUTTON:secondary', 'INPUT:', 'A:']) expect([...kinds], k).toContain(k);
    }
    await close();
  });
});
