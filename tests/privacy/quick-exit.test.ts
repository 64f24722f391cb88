/**
 * Quick exit from every kind of screen, by the Exit button and by Shift
 * pressed three times. Each run starts on /demo/index.html and then opens the
 * widget page, so after the exit Back must land on /demo/index.html (the
 * widget page was replaced, not added to history).
 *
 * The state of the page at the moment of exit is reported from inside the
 * page, synchronously, through an exposed binding (a listener for
 * `safety-chat-exit` and for `pagehide`), so the check cannot race the
 * navigation that follows.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, openWatch, press, type Watch, startEnv, stopEnv, type Env } from './harness.js';
import { content, firstOfType, route, str, type Step } from '../support/paths.js';

let demo: Env['demo'];
let fixtures: Env['fixtures'];
let browser: Browser;
let screensTested = 0;

beforeAll(async () => {
  ({ demo, fixtures, browser } = await startEnv('demo', 'fixtures'));
});
afterAll(async () => {
  await stopEnv({ demo, fixtures, browser });
  console.log(`[privacy/quick-exit] ${screensTested} screen × method runs exited correctly`);
});

interface ExitReport {
  phase: 'exit' | 'pagehide';
  href: string;
  history: number;
  hasDetail: boolean;
  detail: unknown;
  bubbles: boolean;
  composed: boolean;
  cover: boolean;
  coverOpen: boolean;
  /** The cover is what the person sees: the top of the page at the centre and the corners. */
  coverOnTop: boolean;
  coverFillsViewport: boolean;
}

interface Run {
  w: Watch;
  page: Page;
  reports: ExitReport[];
  widgetUrl: string;
  widgetHistory: number;
}

/** Open `start` (the page before), then the widget page, with the exit watch installed. */
async function begin(origin: string, path: string): Promise<Run> {
  const w = await openWatch(browser);
  const { page, context } = w;
  const reports: ExitReport[] = [];
  await context.exposeBinding('__scReport', (_source, r: ExitReport) => void reports.push(r));
  await context.addInitScript(() => {
    const report = (phase: 'exit' | 'pagehide', e?: Event) => {
      const hosts = [...document.querySelectorAll('safety-chat')];
      const covers = hosts.map((h) => h.shadowRoot?.querySelector<HTMLElement>('.cover')).filter((c): c is HTMLElement => !!c);
      const cover = covers[0];
      const rect = cover?.getBoundingClientRect();
      const points = [
        [innerWidth / 2, innerHeight / 2],
        [2, 2],
        [innerWidth - 2, innerHeight - 2],
      ];
      const coverHost = cover ? (cover.getRootNode() as ShadowRoot).host : null;
      (window as unknown as { __scReport: (r: unknown) => void }).__scReport({
        phase,
        href: location.href,
        history: history.length,
        hasDetail: !!e && 'detail' in e,
        detail: e && 'detail' in e ? ((e as CustomEvent).detail ?? null) : null,
        bubbles: e?.bubbles ?? false,
        composed: e?.composed ?? false,
        cover: !!cover,
        coverOpen: !!cover?.matches(':popover-open'),
        coverOnTop: !!cover && points.every(([x, y]) => document.elementFromPoint(x!, y!) === coverHost && coverHost!.shadowRoot!.elementFromPoint(x!, y!) === cover),
        coverFillsViewport: !!rect && rect.left <= 0 && rect.top <= 0 && rect.right >= innerWidth && rect.bottom >= innerHeight,
      });
    };
    addEventListener('safety-chat-exit', (e) => report('exit', e));
    addEventListener('pagehide', () => {
      if (document.querySelector('safety-chat')) report('pagehide');
    });
  });
  await page.goto(`${origin}/demo/index.html`, { waitUntil: 'load' });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  const widgetHistory = await page.evaluate(() => history.length);
  return { w, page, reports, widgetUrl: page.url(), widgetHistory };
}

async function openLauncher(page: Page, name: string | RegExp) {
  await page.locator('safety-chat').getByRole('button', { name }).click({ timeout: 5000 });
  await page.locator('safety-chat [part="choices"] button').first().waitFor({ state: 'visible', timeout: 10_000 });
}

type Method = 'exit button' | 'Shift ×3';

async function trigger(page: Page, method: Method) {
  if (method === 'exit button') await page.locator('safety-chat [part="exit-button"]').click({ timeout: 5000 });
  else for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
}

/** Everything a correct quick exit does, checked after it. */
async function expectExited(run: Run, origin: string, exitUrl: RegExp) {
  const { page, reports, w } = run;
  await page.waitForURL(exitUrl, { timeout: 10_000 });
  const exits = reports.filter((r) => r.phase === 'exit');
  expect(exits, 'one safety-chat-exit event').toHaveLength(1);
  const exit = exits[0]!;
  // The event carries nothing: a plain Event (no detail at all), bubbling and composed.
  expect({ hasDetail: exit.hasDetail, detail: exit.detail, bubbles: exit.bubbles, composed: exit.composed }).toEqual({ hasDetail: false, detail: null, bubbles: true, composed: true });
  // The page was covered (as a popover in the top layer, over everything) before it left.
  expect({ cover: exit.cover, coverOpen: exit.coverOpen, coverOnTop: exit.coverOnTop, coverFillsViewport: exit.coverFillsViewport, href: exit.href }).toEqual({
    cover: true,
    coverOpen: true,
    coverOnTop: true,
    coverFillsViewport: true,
    href: run.widgetUrl,
  });
  const hide = reports.find((r) => r.phase === 'pagehide');
  if (hide) expect({ cover: hide.cover, coverOpen: hide.coverOpen, coverOnTop: hide.coverOnTop }, 'still covered when the page went away').toEqual({ cover: true, coverOpen: true, coverOnTop: true });
  // location.replace: the widget page's history entry was replaced, not added to.
  expect(await page.evaluate(() => history.length)).toBe(run.widgetHistory);
  await page.goBack({ timeout: 10_000 });
  expect(page.url()).toBe(`${origin}/demo/index.html`);
  expect(w.errors).toEqual([]);
  expect(w.dialogs).toEqual([]);
}

/** The screens of the council page, each with the clicks that reach it and a check that it is that screen. */
const step = firstOfType('step')!;
const finder = firstOfType('finder');
const thanet: Step = { label: 'Thanet (Margate, Ramsgate, Broadstairs)', nth: 0, event: { type: 'SET_AREA', area: 'thanet' } };
const screens: { name: string; steps: Step[]; check: (page: Page) => Promise<unknown> }[] = [
  { name: 'a message (the welcome)', steps: [], check: async (p) => expect(await p.locator('safety-chat [role="log"]').textContent()).toContain('automated guide') },
  {
    name: 'a question of the safety check',
    steps: route('general', ['safety-check/danger-now']).steps,
    check: async (p) => expect(await answerTexts(p)).toEqual(expect.arrayContaining([str('yes'), str('no'), str('notSure'), str('skip')])),
  },
  { name: 'the area question', steps: route('general', ['main/support']).steps, check: async (p) => expect(await p.locator('safety-chat input#sc-area').count()).toBe(1) },
  { name: 'services with cards', steps: [...route('general', ['main/support']).steps, thanet], check: async (p) => expect(await p.locator('safety-chat .card').count()).toBeGreaterThan(2) },
  { name: 'a safety-plan step', steps: route('general', [step]).steps, check: async (p) => expect(await answerTexts(p)).toEqual(expect.arrayContaining([str('stepKeep'), str('stepDone'), str('stepSkip')])) },
  { name: 'the plan summary', steps: route('general', [step, 'safety-plan/my-plan']).steps, check: async (p) => expect(await p.locator('safety-chat .card.plan li').count()).toBeGreaterThan(0) },
  ...(finder ? [{ name: 'the topic finder', steps: route('general', [finder]).steps, check: async (p: Page) => expect(await p.locator('safety-chat input#sc-find').count()).toBe(1) }] : []),
];

async function answerTexts(page: Page) {
  return page.locator('safety-chat [part="choices"] button').evaluateAll((bs) => bs.map((b) => (b.textContent ?? '').trim()));
}

describe('quick exit from every kind of screen (council page, launcher)', () => {
  it('covers every kind of node the flows have', () => {
    const kinds = new Set(Object.values(content.nodes).map((n) => n.type));
    // message, question, services (asking the area, and with cards), step, plan (+ finder when the flows have one).
    for (const kind of kinds) if (kind !== 'branch' && kind !== 'area') expect(screens.some((s) => s.name.includes({ message: 'message', question: 'question', services: 'services', step: 'step', plan: 'plan summary', finder: 'finder' }[kind]!))).toBe(true);
  });

  for (const screen of screens) {
    for (const method of ['exit button', 'Shift ×3'] as Method[]) {
      it(`${screen.name}, by ${method}`, async () => {
        const run = await begin(demo.origin, '/demo/council.html');
        await openLauncher(run.page, 'Domestic abuse help');
        for (const s of screen.steps) await press(run.page, s.label, s.nth);
        await screen.check(run.page);
        await trigger(run.page, method);
        await expectExited(run, demo.origin, /^https:\/\/www\.bbc\.co\.uk\/weather/);
        screensTested++;
        await run.w.close();
      });
    }
  }
});

describe('quick exit elsewhere', () => {
  it('inline on the school page: Shift ×3 exits without opening anything, to its own exit-url', async () => {
    const run = await begin(demo.origin, '/demo/school.html');
    await run.page.locator('safety-chat [part="choices"] button').first().waitFor({ state: 'visible', timeout: 10_000 });
    await trigger(run.page, 'Shift ×3');
    await expectExited(run, demo.origin, /^https:\/\/www\.bbc\.co\.uk\/sport/);
    screensTested++;
    await run.w.close();
  });

  it('inline on the school page: the exit button', async () => {
    const run = await begin(demo.origin, '/demo/school.html');
    await trigger(run.page, 'exit button');
    await expectExited(run, demo.origin, /^https:\/\/www\.bbc\.co\.uk\/sport/);
    screensTested++;
    await run.w.close();
  });

  it('a host page that stops Shift from propagating (bubbling, at document) does not stop the quick exit', async () => {
    const run = await begin(fixtures.origin, `${FIXTURES}/host-shift.html`);
    await openLauncher(run.page, 'Need to talk?');
    await run.page.keyboard.press('Shift');
    await run.page.keyboard.press('Shift');
    // The host's own listener really ran and swallowed the key events.
    expect(await run.page.evaluate(() => (window as unknown as { __hostShiftSeen: number }).__hostShiftSeen)).toBe(4);
    await run.page.keyboard.press('Shift');
    await expectExited(run, fixtures.origin, /^https:\/\/www\.bbc\.co\.uk\/weather/);
    screensTested++;
    await run.w.close();
  });
});

describe('what does not count as a quick exit', () => {
  const status = (page: Page) => page.locator('safety-chat').evaluate((el) => el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '');
  /** What the status region says while Shift presses count towards quick exit. */
  const shiftCounts = [str('shiftOneMore'), str('shiftTwoMore')];

  it('Shift held to type capital letters never counts, and starts the count again; three lone presses still exit', async () => {
    const run = await begin(demo.origin, '/demo/council.html');
    const { page } = run;
    await openLauncher(page, 'Domestic abuse help');
    const capital = async () => {
      await page.keyboard.down('Shift');
      await page.keyboard.press('KeyA');
      await page.keyboard.up('Shift');
    };
    for (let i = 0; i < 4; i++) await capital();
    await page.waitForTimeout(200);
    expect(run.reports).toEqual([]);
    expect(page.url()).toBe(run.widgetUrl);
    expect(shiftCounts, 'no Shift count is said').not.toContain(await status(page));
    // Typing capitals in the area search box does not count either.
    await press(page, 'Find support near me');
    await page.locator('safety-chat input#sc-area').click({ timeout: 5000 });
    await page.keyboard.type('MARGATE ME14');
    for (let i = 0; i < 3; i++) await capital();
    await page.waitForTimeout(200);
    expect(run.reports).toEqual([]);
    expect(page.url()).toBe(run.widgetUrl);
    await page.locator('safety-chat input#sc-area').fill('');
    // Two lone presses count; a capital after them starts the count again (as GOV.UK's does, and
    // as Sticky Keys needs); three lone presses in a row exit.
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    expect(await status(page)).toBe(str('shiftOneMore'));
    await capital();
    await page.waitForTimeout(100);
    expect(run.reports).toEqual([]);
    expect(shiftCounts, 'the count started again').not.toContain(await status(page));
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    expect(run.reports).toEqual([]);
    expect(await status(page)).toBe(str('shiftOneMore'));
    await page.keyboard.press('Shift');
    await expectExited(run, demo.origin, /^https:\/\/www\.bbc\.co\.uk\/weather/);
    await run.w.close();
  });

  it('Shift ×3 does nothing while the launcher panel is closed', async () => {
    const run = await begin(demo.origin, '/demo/council.html');
    const { page } = run;
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await openLauncher(page, 'Domestic abuse help');
    await page.locator('safety-chat').getByRole('button', { name: str('close') }).click({ timeout: 5000 });
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForTimeout(200);
    expect(run.reports).toEqual([]);
    expect(page.url()).toBe(run.widgetUrl);
    expect(run.w.errors).toEqual([]);
    await run.w.close();
  });

  it('presses more than five seconds apart start the count again', async () => {
    const run = await begin(demo.origin, '/demo/school.html');
    const { page } = run;
    await page.locator('safety-chat [part="choices"] button').first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.clock.install();
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.clock.runFor(5_100);
    await page.keyboard.press('Shift');
    await page.waitForTimeout(100);
    expect(run.reports).toEqual([]);
    expect(page.url()).toBe(run.widgetUrl);
    await run.w.close();
  });
});
