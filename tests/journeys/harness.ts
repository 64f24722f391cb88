/**
 * Plays the journeys of journeys.ts in real Chromium (Debian's, through playwright-core) against
 * the built widget (dist/, served by scripts/serve.mjs), as a person would: taps by visible label
 * through roles (getByRole, getByLabel), touch taps on the phone sizes.
 *
 * After every step it checks what the step expects, and on every screen of every journey:
 *  1. a visible button whose name starts with "Exit" (the quick exit);
 *  2. if the screen mentions 999, a tel:999 link is on that screen, in view without scrolling
 *     (inside the viewport and the visible part of the log) and not covered;
 *  3. no service card promises what it does not have: a card that mentions a website (for opening
 *     times) has an https link;
 *  4. no dead end: an answer other than "Back" and "Start again", or a search box;
 *  5. the start of the newest bot message is in view and not covered (by the header); on a screen
 *     too small for both, Call 999 fully in view and part of the message;
 *  6. nothing stored: no cookies, Web Storage, IndexedDB, Cache Storage or service worker, and the
 *     address and history length as they were on arrival.
 * Problems are collected (the journey goes on where it can) and reported together, each naming the
 * persona, the size, the step and what was wrong.
 *
 * It also counts taps until the first tappable help (a visible tel: link on the screen) and until
 * local help (a visible card under the "Near you" heading); the reporter prints them as a table.
 * With JOURNEY_SHOTS=1, steps marked `shot` are saved to docs/journeys/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { it } from 'vitest';
import { useDemo } from '../support/demo.js';
import { traces as readTraces } from '../support/traces.js';
import { fingerprint, readScreen, type Screen, type Seen } from './dom.js';
import { sizes, type Action, type Expect, type Journey, type Match, type PageSpec, type Size, type Step } from './journeys.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** JOURNEY_SHOTS=1: the steps marked `shot`; JOURNEY_SHOTS=all: every step (for looking into a failure, best with JOURNEY_SHOTS_DIR=/tmp/…). */
const shots = process.env.JOURNEY_SHOTS ?? '';
const shotsDir = process.env.JOURNEY_SHOTS_DIR || `${root}/docs/journeys`;

/** What one journey at one size measured, read by taps-reporter.ts. */
export interface TapCount {
  id: string;
  persona: string;
  size: string;
  /** Taps (launcher included) until a tel: link was visible on the screen; null: never. */
  firstHelp: number | null;
  /** Taps until a card under "Near you" was visible on the screen; null: never. */
  localHelp: number | null;
  taps: number;
}

declare module 'vitest' {
  interface TaskMeta {
    journey?: TapCount;
  }
}

interface DemoPage {
  path: string;
  launcher: string;
  html?: string;
}

function pageFor(j: Journey): DemoPage {
  const spec: PageSpec = j.page;
  if (spec === 'council') return { path: '/demo/council.html', launcher: 'Domestic abuse help' };
  if (spec === 'partner') return { path: '/demo/partner.html', launcher: 'Talk to us' };
  if (spec === 'school') return { path: '/demo/school.html', launcher: '' };
  const attrs = Object.entries(spec.attrs)
    .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`)
    .join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Journey host page</title><link rel="stylesheet" href="/demo/demo.css"><script type="module" src="/dist/safety-chat.js"></script></head>
<body><header class="top"><strong>Example host page</strong></header><main><h1>Getting help</h1><p>Some host page text.</p>
<safety-chat${attrs}><p class="notice">If you are in danger now, call 999.</p></safety-chat><p>More host page text.</p></main></body></html>`;
  return { path: `/demo/journey-${j.id}.html`, launcher: spec.attrs.label ?? 'Need to talk?', html };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A button label: the whole name, or the name followed by " (…)" (councils list their towns). */
const labelPattern = (m: Match) => (typeof m === 'string' ? new RegExp(`^${escape(m)}( \\(.*\\))?$`) : m);
const matches = (text: string, m: Match) => (typeof m === 'string' ? text.includes(m) : m.test(text));
const nameIs = (name: string, m: Match) => labelPattern(m).test(name);
const show = (m: Match) => (typeof m === 'string' ? `"${m}"` : String(m));
/** 999 as the emergency number, not three digits inside another number ("0800 999 5428"). */
const mentions999 = /(?<!\d[\s-]?)\b999\b(?![\s-]?\d)/;
const digits = (s: string) => s.replace(/\D/g, '');
const quote = (s: string, n = 70) => `"${s.length > n ? `${s.slice(0, n)}…` : s}"`;
const where = (s: Seen) => {
  if (!s.shown) return 'it is not rendered';
  if (s.covered && s.covered !== 'outside the visible area') return `covered by ${s.covered}`;
  const r = (n: number) => Math.round(n);
  const across = s.rect.left < s.clip.left - 1 || s.rect.right > s.clip.right + 1 ? `, left ${r(s.rect.left)}–${r(s.rect.right)} against ${r(s.clip.left)}–${r(s.clip.right)}` : '';
  return `its box (top ${r(s.rect.top)}, bottom ${r(s.rect.bottom)}${across}) is not inside the visible area (top ${r(s.clip.top)}, bottom ${r(s.clip.bottom)})`;
};

function describeStep(step: Step): string {
  if ('tap' in step) return `tap ${show(step.tap)}`;
  if ('launcher' in step) return 'tap the launcher';
  if ('close' in step) return 'tap Close';
  if ('type' in step) return `type "${step.type.text}" and search`;
  if ('check' in step) return 'answer the safety check';
  return 'arrive on the page';
}

class Run {
  problems: string[] = [];
  taps = 0;
  firstHelp: number | null = null;
  localHelp: number | null = null;
  private page!: Page;
  private context!: BrowserContext;
  private errors: string[] = [];
  private arrival!: { history: number; url: string };
  private label = '';
  /** The person's answers and the cards on the last screen checked (to find what a tap added). */
  private previous?: { yourAnswers: number; cards: string[] };
  /** The universal 999 check already said this screen has no tel:999 link (not said twice). */
  private no999 = false;

  constructor(
    private readonly j: Journey,
    private readonly size: Size,
    private readonly env: ReturnType<typeof useDemo>,
  ) {}

  private problem(what: string) {
    const line = `${this.label}: ${what}`;
    if (!this.problems.includes(line)) this.problems.push(line);
  }

  async open() {
    const host = pageFor(this.j);
    this.context = await this.env.browser.newContext({
      viewport: { width: this.size.width, height: this.size.height },
      isMobile: this.size.touch,
      hasTouch: this.size.touch,
      deviceScaleFactor: 1,
    });
    // Nothing leaves the machine: exit destinations and anything external are answered locally.
    await this.context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (r) => r.fulfill({ contentType: 'text/html', body: '<title>Elsewhere</title>' }));
    if (host.html) await this.context.route(`${this.env.origin}${host.path}`, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: host.html! }));
    this.page = await this.context.newPage();
    this.page.on('pageerror', (e) => this.errors.push(e.message));
    await this.page.goto(`${this.env.origin}${host.path}`);
    await this.page.waitForFunction(() => customElements.get('safety-chat') !== undefined);
    const t = await readTraces(this.page);
    this.arrival = { history: t.history, url: t.url };
    return host;
  }

  close = () => this.context?.close();

  private widget = () => this.page.locator('safety-chat');

  /** Tap (touch) on phones, click on the desktop. */
  private async press(target: Locator) {
    if (this.size.touch) await target.tap();
    else await target.click();
  }

  /** Wait until the widget shows something new after `before`, then until it has settled. */
  private async settle(before: string, what: string) {
    const deadline = Date.now() + 10_000;
    let now = await fingerprint(this.page);
    while (now === before && Date.now() < deadline) {
      await this.page.waitForTimeout(50);
      now = await fingerprint(this.page);
    }
    if (now === before) this.problem(`${what} changed nothing on screen within 10 s`);
    // Settled: the same for three looks in a row (scrolling, focus and animations done).
    let same = 0;
    while (same < 3 && Date.now() < deadline + 5_000) {
      await this.page.waitForTimeout(60);
      const next = await fingerprint(this.page);
      same = next === now ? same + 1 : 0;
      now = next;
    }
  }

  /** The button to tap: in the answers group first, else anywhere in the panel (e.g. "Show more services"). */
  private async button(m: Match): Promise<Locator | undefined> {
    const name = labelPattern(m);
    const inAnswers = this.widget().getByRole('group', { name: 'Your answers' }).getByRole('button', { name });
    if (await inAnswers.count()) return inAnswers.first();
    const anywhere = this.widget().getByRole('button', { name });
    const n = await anywhere.count();
    for (let i = n - 1; i >= 0; i--) if (await anywhere.nth(i).isVisible()) return anywhere.nth(i);
    return undefined;
  }

  private async answersNow() {
    return (await readScreen(this.page)).answers.map((a) => a.name).join(', ') || 'none';
  }

  /** Do one action; false when the journey cannot go on. */
  private async act(action: Action, host: DemoPage): Promise<boolean> {
    const before = await fingerprint(this.page);
    if ('look' in action) return true;
    if ('launcher' in action) {
      const l = this.page.getByRole('button', { name: host.launcher, exact: true });
      if (!(await l.isVisible())) return this.problem(`no launcher button named "${host.launcher}" to tap`), false;
      await this.press(l);
      this.taps++;
      await this.widget().getByRole('log').locator('p').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
      await this.settle(before, 'tapping the launcher');
      return true;
    }
    if ('close' in action) {
      const c = this.widget().getByRole('button', { name: 'Close', exact: true });
      if (!(await c.isVisible())) return this.problem('no visible Close button'), false;
      await this.press(c);
      await this.settle(before, 'tapping Close');
      return true;
    }
    if ('type' in action) {
      const box = this.widget().getByLabel(action.type.label);
      if (!(await box.count())) return this.problem(`no text box labelled ${show(action.type.label)} (answers on screen: ${await this.answersNow()})`), false;
      if (this.size.touch) await box.first().tap();
      await box.first().fill(action.type.text);
      await box.first().press('Enter');
      this.taps++;
      await this.settle(before, `searching for "${action.type.text}"`);
      return true;
    }
    if ('tap' in action) {
      const b = await this.button(action.tap);
      if (!b) return this.problem(`cannot go on: no button ${show(action.tap)} on screen (answers on screen: ${await this.answersNow()})`), false;
      await this.press(b);
      this.taps++;
      await this.settle(before, `tapping ${show(action.tap)}`);
      return true;
    }
    return true;
  }

  /** The safety check: answer until the outcome (or `stopAfter`), checking every question's screen. */
  private async check(action: Extract<Action, { check: unknown }>, stepNo: number): Promise<boolean> {
    const { yes, otherwise = 'No', stopAfter } = action.check;
    for (let q = 1; q <= 40; q++) {
      const s = await readScreen(this.page);
      // The outcome's screen is checked by the step itself; the questions' screens here.
      if (!s.answers.some((a) => a.name === 'Yes')) return true;
      if (q > 1) await this.universal();
      const question = s.newest?.text ?? s.text;
      const reply = yes.some((r) => r.test(question)) ? 'Yes' : otherwise;
      this.label = `step ${stepNo} (safety check, question ${quote(question, 60)}: ${reply})`;
      const before = await fingerprint(this.page);
      const b = await this.button(reply);
      if (!b) return this.problem(`cannot go on: no "${reply}" answer (answers on screen: ${s.answers.map((a) => a.name).join(', ')})`), false;
      await this.press(b);
      this.taps++;
      await this.settle(before, `answering "${reply}"`);
      if (stopAfter?.test(question)) return true;
    }
    this.problem('the safety check did not end after 40 answers');
    return false;
  }

  /** Counts for the table, and the universal assertions on the screen now. */
  async universal(): Promise<Screen> {
    const s = await readScreen(this.page);
    await this.traces();
    this.no999 = false;
    if (!s.open) return s;
    const inScreen = (l: Screen['links'][number]) => l.href.startsWith('tel:') && l.shown;
    if (this.firstHelp === null && s.links.some(inScreen)) this.firstHelp = this.taps;
    if (this.localHelp === null && s.cards.some((c) => c.group === 'Near you' && c.shown)) this.localHelp = this.taps;

    // 1. Quick exit.
    const exit = s.buttons.find((b) => /^Exit/.test(b.name));
    if (!exit) this.problem('no button whose name starts with "Exit"');
    else if (!exit.shown || exit.covered) this.problem(`the "${exit.name}" button is not visible: ${exit.shown ? where(exit) : 'not rendered'}`);
    // 2. 999 mentioned → tel:999 on the same screen, in view, not covered.
    if (mentions999.test(s.text)) {
      const calls = s.links.filter((l) => digits(l.href) === '999' && l.href.startsWith('tel:'));
      this.no999 = !calls.length;
      if (!calls.length) this.problem(`the screen mentions 999 (${quote(context999(s.text))}) but has no tel:999 link`);
      else if (!calls.some((l) => l.inView)) this.problem(`the tel:999 link ("${calls[0]!.name}") is not in view without scrolling: ${where(calls[0]!)}`);
    }
    // 3. Cards keep their promises.
    for (const c of s.cards) {
      const says = c.text.split('\n').find((line) => /\bwebsite\b/i.test(line));
      if (says && !c.https) this.problem(`the card "${c.name}" says ${quote(says)} but has no website (https) link`);
    }
    // 4. No dead end.
    const ways = s.answers.filter((a) => a.name !== 'Back' && a.name !== 'Start again');
    if (!ways.length && !s.inputs.some((i) => i.shown)) this.problem(`dead end: no answer other than Back / Start again (answers: ${s.answers.map((a) => a.name).join(', ') || 'none'})`);
    // 5. The newest bot message is in view and not covered. A tap that added no answer to the log
    // but more cards ("Show more services"): the first of the new cards.
    const prev = this.previous;
    this.previous = { yourAnswers: s.yourAnswers, cards: s.cards.map((c) => c.name) };
    const added = prev && prev.yourAnswers === s.yourAnswers ? s.cards.find((c) => !prev.cards.includes(c.name)) : undefined;
    const newest = added ? { ...added, text: `the card "${added.name}"` } : s.newest;
    // Where the transcript is too short for both (a small phone), Call 999 comes first: the message
    // may then start above the fold, as long as part of it still shows.
    const call999InView = s.links.some((l) => l.href === 'tel:999' && l.inView);
    const partly = (x: Seen) => x.shown && x.rect.bottom > x.clip.top + 20 && x.rect.top < x.clip.bottom;
    if (!newest) this.problem('no new bot message on the screen');
    else if (!newest.inView && !(call999InView && partly(newest))) this.problem(`the newest bot message ${quote(newest.text, 50)} is not visible: ${where(newest)}`);
    // The journey's own every-screen checks.
    const every = this.j.everyScreen;
    if (every?.firstAnswerInView && this.taps > 0) {
      const first = s.answers[0];
      if (!first) this.problem('no answer buttons');
      else if (!first.inView) this.problem(`the first answer "${first.name}" is not fully visible: ${where(first)}`);
    }
    if (every) this.expect(s, { notSee: every.notSee, noButtons: every.noButtons });
    if (this.errors.length) this.problem(`the page threw: ${this.errors.splice(0).join(' | ')}`);
    return s;
  }

  /** 6. Nothing stored, the address and history as on arrival. */
  private async traces() {
    const t = await readTraces(this.page);
    const kept = [
      t.cookie && `cookies (${t.cookie})`,
      t.local && `localStorage (${t.local} items)`,
      t.session && `sessionStorage (${t.session} items)`,
      t.idb.length && `IndexedDB (${t.idb.join(', ')})`,
      t.caches.length && `Cache Storage (${t.caches.join(', ')})`,
      t.workers && `service workers (${t.workers})`,
      t.historyState !== null && `history.state (${JSON.stringify(t.historyState)})`,
      t.windowName && `window.name (${t.windowName})`,
      t.url !== this.arrival.url && `the address changed to ${t.url}`,
      t.history !== this.arrival.history && `history.length went from ${this.arrival.history} to ${t.history}`,
    ].filter(Boolean);
    if (kept.length) this.problem(`something was left behind: ${kept.join(', ')}`);
  }

  /** A step's own expectations. */
  expect(s: Screen, e: Expect) {
    for (const m of e.see ?? []) if (!matches(s.text, m)) this.problem(`expected to see ${show(m)} on the screen; it shows ${quote(s.text, 160)}`);
    for (const m of e.notSee ?? []) if (matches(s.text, m)) this.problem(`the screen shows ${show(m)} (${quote(context(s.text, m))}), which it must not`);
    for (const m of e.said ?? []) if (!matches(s.status, m)) this.problem(`expected a screen reader to be told ${show(m)}; the status region says ${quote(s.status || '(nothing)', 160)}`);
    for (const t of e.tel ?? []) {
      const found = s.links.filter((l) => l.href.startsWith('tel:') && digits(l.href) === digits(t));
      const tels = s.links.filter((l) => l.href.startsWith('tel:')).map((l) => l.href);
      if (!found.length) {
        if (!(digits(t) === '999' && this.no999)) this.problem(`no tel:${digits(t)} link on the screen (tel links here: ${tels.join(', ') || 'none'})`);
      } else if (!found.some((l) => l.shown)) this.problem(`the tel:${digits(t)} link is on the screen but not rendered`);
    }
    const names = s.cards.map((c) => c.name);
    const cardList = names.join(', ') || 'none';
    const cardAt = (m: Match) => names.findIndex((n) => (typeof m === 'string' ? n.startsWith(m) : m.test(n)));
    let last = -1;
    for (const m of e.cards ?? []) {
      const i = cardAt(m);
      if (i < 0) this.problem(`expected the card ${show(m)} on the screen; cards here: ${cardList}`);
      else if (e.inOrder && i < last) this.problem(`the card ${show(m)} comes before the one expected ahead of it (cards: ${cardList})`);
      if (i >= 0) last = i;
    }
    for (const m of e.noCards ?? []) if (cardAt(m) >= 0) this.problem(`the card ${show(m)} is on the screen, which it must not be`);
    if (e.maxCards !== undefined && s.cards.length > e.maxCards) this.problem(`${s.cards.length} service cards on one screen, more than ${e.maxCards} (${cardList})`);
    if (e.minCards !== undefined && s.cards.length < e.minCards) this.problem(`only ${s.cards.length} service cards on the screen, fewer than ${e.minCards} (${cardList})`);
    const buttons = s.buttons.map((b) => b.name);
    const buttonList = () => quote(buttons.join(', '), 200);
    for (const m of e.buttons ?? []) if (!buttons.some((b) => nameIs(b, m))) this.problem(`expected a button ${show(m)}; buttons on screen: ${buttonList()}`);
    for (const m of e.noButtons ?? []) {
      const b = buttons.find((x) => nameIs(x, m));
      if (b) this.problem(`the screen has a button "${b}", which it must not`);
    }
    for (const [m, n] of e.buttonCount ?? []) {
      const found = buttons.filter((b) => nameIs(b, m));
      if (found.length !== n) this.problem(`expected ${n} button(s) ${show(m)}, found ${found.length}${found.length ? ` (${found.map((f) => `"${f}"`).join(', ')})` : ''}`);
    }
    if (e.field) {
      const f = e.field;
      const box = s.inputs.find((i) => matches(i.label, f.label));
      if (!box) this.problem(`no text box labelled ${show(f.label)} on the screen`);
      else if (box.value !== f.value) this.problem(`the text box ${quote(box.label, 40)} holds "${box.value}", expected "${f.value}" (what the person typed)`);
    }
    if (e.firstAnswer) {
      const first = s.answers[0];
      if (!first || !nameIs(first.name, e.firstAnswer)) this.problem(`expected the first answer to be ${show(e.firstAnswer)}; answers: ${quote(s.answers.map((x) => x.name).join(', '), 200)}`);
    }
    if (e.firstLink) {
      const first = s.links.find((l) => l.shown);
      if (!first) this.problem(`expected the first link of the screen to be ${e.firstLink}; there are no links`);
      else if (first.href !== e.firstLink) this.problem(`the first link of the screen is ${first.href} ("${first.name}"), not ${e.firstLink}`);
    }
    for (const m of e.inView ?? []) {
      const b = s.buttons.find((x) => nameIs(x.name, m));
      if (!b) this.problem(`no button ${show(m)} on the screen`);
      else if (!b.inView) this.problem(`the button "${b.name}" is not visible without scrolling: ${where(b)}`);
    }
    const held = (text: string, list: Match[] = []) => list.filter((m) => matches(text, m));
    const inLog = held(s.logText, e.notInLog);
    if (inLog.length) this.problem(`the transcript still holds ${inLog.map(show).join(', ')} (e.g. ${quote(context(s.logText, inLog[0]!))})`);
    const inWidget = held(s.rootText, e.notInWidget);
    if (inWidget.length) this.problem(`the widget (its whole shadow root) still holds ${inWidget.map(show).join(', ')} (e.g. ${quote(context(s.rootText, inWidget[0]!))})`);
    for (const m of e.panelSee ?? []) if (!matches(s.panelText, m)) this.problem(`expected the panel to show ${show(m)}`);
    for (const m of e.panelNotSee ?? []) if (matches(s.panelText, m)) this.problem(`the panel shows ${show(m)} (${quote(context(s.panelText, m))}), which it must not here`);
  }

  async play() {
    const host = await this.open();
    // Inline, the panel is there on arrival: its first screen is checked like any other.
    const inline = this.j.page === 'school' || (typeof this.j.page === 'object' && this.j.page.attrs.mode === 'inline');
    if (inline) {
      await this.widget().getByRole('log').locator('p').first().waitFor({ timeout: 10_000 });
      await this.settle('', 'arriving');
    }
    const steps: Step[] = inline && !('look' in (this.j.steps[0] ?? {})) ? [{ look: true }, ...this.j.steps] : this.j.steps;
    let n = 0;
    for (const step of steps) {
      n++;
      this.label = `step ${n} (${describeStep(step)})`;
      const ok = 'check' in step ? await this.check(step, n) : await this.act(step, host);
      if (!ok) return;
      this.label = `step ${n} (${describeStep(step)})`;
      const s = 'close' in step ? await readScreen(this.page) : await this.universal();
      if ('close' in step) {
        await this.traces();
        if (s.open) this.problem('the panel is still open after Close');
        continue;
      }
      if (!s.open) {
        this.problem('the panel is not open');
        continue;
      }
      this.expect(s, step);
      const extra = this.size.touch ? step.phone : step.desktop;
      if (extra) this.expect(s, extra);
      const name = shots === 'all' ? `step${n}${step.shot ? `-${step.shot}` : ''}` : shots === '1' ? step.shot : undefined;
      if (name) {
        mkdirSync(shotsDir, { recursive: true });
        await this.page.screenshot({ path: `${shotsDir}/${this.j.id}-${this.size.width}-${name}.png` });
      }
    }
  }
}

/** A short piece of `text` around the first match of `m`. */
function context(text: string, m: Match): string {
  const i = typeof m === 'string' ? text.indexOf(m) : text.search(m);
  if (i < 0) return text.slice(0, 60);
  return text.slice(Math.max(0, i - 30), i + 60).trim();
}
const context999 = (text: string) => context(text, mentions999);

/** One test per journey and size. `list`: the journeys this test file plays. */
export function playJourneys(list: Journey[]) {
  const env = useDemo();
  if (!existsSync(`${root}/dist/safety-chat.js`)) throw new Error('Build the widget first: npx vite build');
  for (const j of list) {
    for (const size of j.sizes ?? [sizes.phone, sizes.desktop]) {
      it(`${j.persona} [${j.id}] at ${size.name}`, async ({ task }) => {
        const run = new Run(j, size, env);
        try {
          await run.play();
        } catch (e) {
          run.problems.push(`the run broke off: ${(e as Error).message.split('\n')[0]}`);
        } finally {
          task.meta.journey = { id: j.id, persona: j.persona, size: size.name, firstHelp: run.firstHelp, localHelp: run.localHelp, taps: run.taps };
          await run.close();
        }
        if (run.problems.length) {
          throw new Error(`"${j.persona}" (${j.id}) at ${size.name}: ${run.problems.length} problem(s)\n${run.problems.map((p) => `  - ${p}`).join('\n')}`);
        }
      });
    }
  }
}

/** Part `k` (1-based) of `n` of the journeys, dealt round-robin, so test files can run two at a time. */
export function part(all: Journey[], k: number, n: number): Journey[] {
  return all.filter((_, i) => i % n === k - 1);
}
