/**
 * Shared helpers for the accessibility suite (tests/a11y): Vitest in Node drives Debian's
 * Chromium through playwright-core against the built widget (dist/), served by scripts/serve.mjs.
 * Build first: `npx vite build`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { parse } from 'yaml';
import { useDemo } from '../support/demo.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Env {
  browser: Browser;
  origin: string;
}

/** One server and one Chromium per test file (tests/support/demo.ts), after checking the build is there. */
export function useBrowser(): Env {
  beforeAll(() => {
    if (!existsSync(`${root}/dist/safety-chat.js`)) throw new Error('Build the widget first: npx vite build');
  });
  return useDemo();
}

export interface OpenOptions {
  width?: number;
  height?: number;
  deviceScaleFactor?: number;
  /** Extra host pages (path → HTML) answered by the test, on the same origin as the demo. */
  pages?: Record<string, string>;
  bypassCSP?: boolean;
  reducedMotion?: 'reduce' | 'no-preference';
  forcedColors?: 'active' | 'none';
  /** Install Playwright's fake clock before the page loads (timers then move only when the test says). */
  clock?: boolean;
}

export interface Opened {
  page: Page;
  context: BrowserContext;
  /** console.error / pageerror output seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A host page made up by a test, with the built widget, served on the demo origin. */
export function hostPage(body: string, title = 'Test host page'): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="stylesheet" href="/demo/demo.css"><script type="module" src="/dist/safety-chat.js"></script></head>
<body><main><h1>${title}</h1><p>Some host page text, with <a href="#top">a link before the widget</a>.</p>${body}<p><a href="#after">A link after the widget</a></p></main></body></html>`;
}

export async function open(env: Env, path: string, o: OpenOptions = {}): Promise<Opened> {
  const context = await env.browser.newContext({
    viewport: { width: o.width ?? 1280, height: o.height ?? 800 },
    deviceScaleFactor: o.deviceScaleFactor ?? 1,
    bypassCSP: o.bypassCSP ?? false,
    reducedMotion: o.reducedMotion ?? 'no-preference',
    forcedColors: o.forcedColors ?? 'none',
  });
  // Nothing leaves the machine: exit destinations and anything external are answered locally.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Elsewhere</title><p>Elsewhere</p>' }));
  for (const [p, html] of Object.entries(o.pages ?? {})) {
    await context.route(`${env.origin}${p}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  if (o.clock) await page.clock.install();
  await page.goto(`${env.origin}${path}`);
  await page.waitForFunction(() => customElements.get('safety-chat') !== undefined);
  return { page, context, errors, close: () => context.close() };
}

/** The widget's parts, found through its open shadow root (Playwright pierces it). */
export const widget = (page: Page) => page.locator('safety-chat');
export const launcher = (page: Page) => page.locator('safety-chat .launcher');
export const log = (page: Page) => page.locator('safety-chat [role="log"]');
export const choices = (page: Page) => page.locator('safety-chat [part="choices"] button');
export const choice = (page: Page, name: string | RegExp) =>
  page.locator('safety-chat [part="choices"]').getByRole('button', { name, exact: typeof name === 'string' });

/** Open the launcher-mode panel with a click (or, inline, wait for the panel) and wait for the first message. */
export async function openPanel(page: Page) {
  const l = launcher(page);
  if (await l.isVisible()) await l.click();
  await page.locator('safety-chat [role="log"] .bubble').first().waitFor();
  await choices(page).first().waitFor();
}

/** What the transcript says now. */
export const logText = (page: Page) => page.locator('safety-chat [role="log"]').innerText();

/** Click an answer and wait until the conversation has moved on. */
export async function answer(page: Page, name: string | RegExp) {
  const before = await logText(page);
  await choice(page, name).click();
  await expect.poll(() => logText(page)).not.toBe(before);
}

/** Type into the visible search box (area or topic finder) and submit with Enter. */
export async function search(page: Page, text: string) {
  const input = page.locator('safety-chat form.search input');
  await input.fill(text);
  await input.press('Enter');
}

/** Wait until the area question (with its search box) is on screen. */
export const areaQuestion = (page: Page) => page.locator('safety-chat #sc-area').waitFor();

/**
 * Answer the way to a screen that asks the area (asked only where it changes the list): on the
 * young people's route that is the list for 16 and 17 year olds, who can use adult services too.
 */
export async function toAreaQuestion(page: Page, path: string) {
  if (path.includes('school')) {
    await answer(page, 'Who can I talk to?');
    await answer(page, "I'm 16 or 17");
    await answer(page, 'Show me who can help');
  } else await answer(page, 'Find support near me');
  await areaQuestion(page);
}
/** Wait until service cards are on screen. */
export const cards = (page: Page) => page.locator('safety-chat .card').first().waitFor();

/** The tags that make up WCAG 2.2 AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Rules left out of the general scans until a markup change lands (each has its own `it.skip`
 * test marked NEEDS in axe.test.ts). Remove a rule from here when its change is made.
 * - scrollable-region-focusable: the transcript scrolls but is not focusable (needs tabindex="0").
 */
export const pendingRules: string[] = [];

/** Run axe-core on the widget (its open shadow root included); returns readable violations. */
export async function axe(page: Page, include = 'safety-chat', only?: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  // Let any appear animation finish so colours are read at rest.
  await page.waitForTimeout(50);
  const violations = await page.evaluate(
    async ({ include, tags, pending, only }) => {
      const a = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
      const options = only
        ? { runOnly: { type: 'rule', values: only }, resultTypes: ['violations'] }
        : { runOnly: { type: 'tag', values: tags }, rules: Object.fromEntries(pending.map((r) => [r, { enabled: false }])), resultTypes: ['violations'] };
      const r = await a.run({ include: [include] }, options);
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    },
    { include, tags: wcagTags, pending: pendingRules, only },
  );
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(n.target)}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`));
}

interface FlowFile {
  id: string;
  start: string;
  nodes: Record<string, { type?: string; choices?: { label: string | Record<string, string>; next: string }[] }>;
}

function flows(): FlowFile[] {
  const dir = `${root}/flows`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(`${dir}/${f}`, 'utf8')) as FlowFile)
    .filter((f) => f && typeof f.id === 'string' && f.nodes);
}

/** Does any flow hold a node of the given type (e.g. `finder`)? */
export function flowsHaveNodeType(type: string): boolean {
  return flows().some((f) => Object.values(f.nodes).some((n) => n?.type === type));
}

/**
 * The answers (English labels) to press, from the general welcome (main#welcome), to reach the
 * first node of the given type, following plain choices only. Undefined when there is none.
 */
export function pathToNodeType(type: string): string[] | undefined {
  const all = new Map<string, FlowFile['nodes'][string]>();
  for (const f of flows()) for (const [k, n] of Object.entries(f.nodes)) all.set(`${f.id}#${k}`, n);
  const queue: [string, string[]][] = [['main#welcome', []]];
  const seen = new Set(['main#welcome']);
  while (queue.length) {
    const [key, labels] = queue.shift()!;
    const node = all.get(key);
    if (!node) continue;
    if (node.type === type) return labels;
    for (const c of node.choices ?? []) {
      const next = c.next.includes('#') ? c.next : `${key.split('#')[0]}#${c.next}`;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push([next, [...labels, typeof c.label === 'string' ? c.label : (c.label.en ?? '')]]);
    }
  }
  return undefined;
}

export type { Locator, Page };

export interface AXNode {
  role: string;
  name: string;
  props: Record<string, unknown>;
}

/** Chromium's computed accessibility tree (not ignored nodes), flattened. */
export async function axTree(page: Page): Promise<AXNode[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; properties?: { name: string; value: { value: unknown } }[] }[];
  };
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({ role: n.role?.value ?? '', name: String(n.name?.value ?? ''), props: Object.fromEntries((n.properties ?? []).map((p) => [p.name, p.value.value])) }));
}
