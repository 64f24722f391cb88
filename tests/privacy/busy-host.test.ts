/**
 * A busy council page: frames, a panel file that does not arrive, a Trusted Types policy that
 * clashes, a page that will not let quick exit leave, a modal dialog of the host's, page scripts
 * that break built-ins, and a monitoring script reading resource timing. Each attack is tried in
 * Chromium; the widget must keep a way to help and a way out, and never throw into the page.
 *
 * Host pages are answered by Playwright routes on the demo server's origin (and, for a
 * cross-origin frame, the fixture server's): the widget's own files come from /dist as usual.
 * Exit addresses on exit.example are answered locally.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchedFiles, startEnv, stopEnv, type Env } from './harness.js';

let env: Pick<Env, 'demo' | 'fixtures' | 'browser'>;
beforeAll(async () => {
  env = await startEnv('demo', 'fixtures');
});
afterAll(async () => {
  await stopEnv(env);
});

const EXIT = 'https://exit.example/weather';
const html = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Domestic abuse support</title>${head}<script type="module" src="/dist/safety-chat.js"></script></head><body><h1>Domestic abuse support</h1>${body}</body></html>`;

/** What reached the page as an error: uncaught exceptions and unhandled rejections. */
interface Watched {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  consoleErrors: string[];
}

interface OpenOptions {
  /** Host pages by address. */
  pages?: Record<string, { body: string; headers?: Record<string, string> }>;
  /** The host page's own scripts by address. */
  scripts?: Record<string, string>;
  /** How the exit address answers (by default, a small page). */
  exit?: (route: import('playwright-core').Route) => unknown;
}

async function open(opts: OpenOptions = {}): Promise<Watched> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route('https://exit.example/**', (route) => (opts.exit ? opts.exit(route) : route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Sunny</p>' })));
  for (const [url, { body, headers }] of Object.entries(opts.pages ?? {}))
    await context.route(url, (route) => route.fulfill({ contentType: 'text/html', headers: { 'cache-control': 'no-store', ...headers }, body }));
  for (const [url, body] of Object.entries(opts.scripts ?? {})) await context.route(url, (route) => route.fulfill({ contentType: 'text/javascript', body }));
  const page = await context.newPage();
  const w: Watched = { context, page, pageErrors: [], consoleErrors: [] };
  page.on('pageerror', (e) => w.pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && w.consoleErrors.push(m.text()));
  // Unhandled rejections are page errors too; record them from inside each frame, before any script.
  await context.addInitScript(() => {
    addEventListener('unhandledrejection', (e) => console.log(`UNHANDLED REJECTION ${String(e.reason)}`));
  });
  page.on('console', (m) => m.text().startsWith('UNHANDLED REJECTION') && w.pageErrors.push(m.text()));
  return w;
}

const root = (page: Page | Frame) => page.locator('safety-chat').first();
const answers = (page: Page | Frame) => root(page).locator('[part="choices"] button');

describe('quick exit inside a frame', () => {
  // Sandboxed frames keep allow-same-origin: without it the frame's origin is opaque and the
  // widget's module script (like any module script) would need CORS headers to load at all.
  const setups = [
    { name: 'same-origin frame', origin: 'demo', sandbox: null, top: true },
    { name: 'cross-origin frame', origin: 'fixtures', sandbox: null, top: true },
    { name: 'sandboxed frame without top navigation', origin: 'fixtures', sandbox: 'allow-scripts allow-same-origin', top: false },
    { name: 'sandboxed frame with allow-top-navigation', origin: 'fixtures', sandbox: 'allow-scripts allow-same-origin allow-top-navigation', top: true },
    { name: 'sandboxed frame with allow-top-navigation-by-user-activation', origin: 'fixtures', sandbox: 'allow-scripts allow-same-origin allow-top-navigation-by-user-activation', top: true },
  ] as const;

  for (const setup of setups) {
    for (const how of ['Exit button', 'Shift three times'] as const) {
      it(`${setup.name}, ${how}: ${setup.top ? 'the whole page is replaced' : 'the frame leaves (the browser forbids more)'}, with no Back entry`, async () => {
        const frameOrigin = env[setup.origin].origin;
        const top = `${env.demo.origin}/council-page`;
        const w = await open({
          pages: {
            [`${env.demo.origin}/before`]: { body: '<title>Before</title><p>The page before</p>' },
            [top]: { body: html(`<iframe title="Support chat" src="${frameOrigin}/chat-frame" ${setup.sandbox === null ? '' : `sandbox="${setup.sandbox}"`} style="width:600px;height:700px"></iframe>`) },
            [`${frameOrigin}/chat-frame`]: { body: html(`<safety-chat mode="inline" exit-url="${EXIT}"></safety-chat>`) },
          },
        });
        const { page } = w;
        await page.goto(`${env.demo.origin}/before`);
        await page.goto(top);
        const frame = page.frameLocator('iframe');
        await frame.locator('safety-chat [part="choices"] button').first().waitFor({ timeout: 10_000 });
        const historyBefore = await page.evaluate(() => history.length);
        if (how === 'Exit button') await frame.locator('safety-chat [part="exit-button"]').click();
        else {
          await frame.locator('safety-chat [part="choices"] button').first().focus();
          for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
        }
        if (setup.top) {
          await page.waitForURL(EXIT, { timeout: 10_000 });
          expect(await page.evaluate(() => history.length)).toBe(historyBefore);
          await page.goBack();
          expect(page.url()).toBe(`${env.demo.origin}/before`);
        } else {
          await expect.poll(() => page.frames()[1]?.url(), { timeout: 10_000 }).toBe(EXIT);
          expect(page.url()).toBe(top);
        }
        expect(w.pageErrors).toEqual([]);
        await w.context.close();
      });
    }
  }
});

describe('when the panel cannot load', () => {
  const launcherPage = html(`<safety-chat exit-url="${EXIT}"></safety-chat>`);

  it('a dropped panel file: the launcher comes back, a fixed message gives 999 and the national helpline, Try again and the next open load it', async () => {
    const w = await open({ pages: { [`${env.demo.origin}/council-page`]: { body: launcherPage } } });
    const { page, context } = w;
    let refuse = true;
    await context.route('**/dist/chunks/panel-*.js', (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${env.demo.origin}/council-page`);
    const launcher = root(page).locator('[part="launcher"]');
    await launcher.click();
    const note = root(page).locator('.note.unavailable');
    await note.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await note.getAttribute('role')).toBe('alert');
    const text = (await note.textContent())!.replace(/\s+/g, ' ');
    expect(text).toMatch(/If you are in danger now, call 999\./);
    expect(text).toMatch(/National Domestic Abuse Helpline is free, day and night: 0808 2000 247/);
    expect(await note.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['tel:999', 'tel:08082000247']);
    // The launcher is back and still works; so do Close and Try again.
    await expect.poll(() => launcher.isVisible()).toBe(true);
    await note.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => note.isVisible()).toBe(false);
    await launcher.click();
    await note.waitFor({ state: 'visible' });
    refuse = false;
    await note.getByRole('button', { name: 'Try again' }).click();
    await answers(page).first().waitFor({ timeout: 10_000 });
    expect(await note.isVisible()).toBe(false);
    expect(w.pageErrors).toEqual([]);
    await context.close();
  });

  it('from the message, Exit and Shift three times both leave', async () => {
    for (const how of ['Exit', 'Shift'] as const) {
      const w = await open({ pages: { [`${env.demo.origin}/council-page`]: { body: launcherPage } } });
      await w.context.route('**/dist/chunks/panel-*.js', (route) => route.abort('internetdisconnected'));
      await w.page.goto(`${env.demo.origin}/council-page`);
      await root(w.page).locator('[part="launcher"]').click();
      const note = root(w.page).locator('.note.unavailable');
      await note.waitFor({ state: 'visible', timeout: 10_000 });
      if (how === 'Exit') await note.getByRole('button', { name: 'Exit this page' }).click();
      else for (let i = 0; i < 3; i++) await w.page.keyboard.press('Shift');
      await w.page.waitForURL(EXIT, { timeout: 10_000 });
      expect(w.pageErrors, how).toEqual([]);
      await w.context.close();
    }
  });

  it('inline: the message takes the panel’s place, and Try again loads it', async () => {
    const w = await open({ pages: { [`${env.demo.origin}/school-page`]: { body: html(`<safety-chat mode="inline" exit-url="${EXIT}"></safety-chat>`) } } });
    let refuse = true;
    await w.context.route('**/dist/chunks/panel-*.js', (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
    await w.page.goto(`${env.demo.origin}/school-page`);
    const note = root(w.page).locator('.note.unavailable');
    await note.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await note.evaluate((n) => n.matches(':popover-open'))).toBe(false);
    refuse = false;
    await note.getByRole('button', { name: 'Try again' }).click();
    await answers(w.page).first().waitFor({ timeout: 10_000 });
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  const trustedTypesPage = (policy: string) => ({
    body: html(`<safety-chat exit-url="${EXIT}"></safety-chat>`, `<script src="/own-policy.js"></script>`),
    headers: { 'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types ${policy}` },
  });

  for (const [policy, opens] of [
    ['lit-html', false],
    ["lit-html 'allow-duplicates'", true],
  ] as const) {
    it(`a host that already made a Trusted Types policy named lit-html, with trusted-types ${policy}: ${opens ? 'the chat opens' : 'the fixed message shows, the launcher stays, nothing reaches the page'}`, async () => {
      const w = await open({
        pages: { [`${env.demo.origin}/council-page`]: trustedTypesPage(policy) },
        scripts: { [`${env.demo.origin}/own-policy.js`]: "trustedTypes.createPolicy('lit-html', { createHTML: (s) => s });" },
      });
      await w.page.goto(`${env.demo.origin}/council-page`);
      await root(w.page).locator('[part="launcher"]').click();
      if (opens) await answers(w.page).first().waitFor({ timeout: 10_000 });
      else {
        const note = root(w.page).locator('.note.unavailable');
        await note.waitFor({ state: 'visible', timeout: 10_000 });
        expect(await note.textContent()).toMatch(/call 999/);
        expect(await root(w.page).locator('[part="launcher"]').isVisible()).toBe(true);
        // Opening again shows the message again: the page's policy has not changed.
        await root(w.page).locator('[part="launcher"]').click();
        await note.waitFor({ state: 'visible' });
      }
      expect(w.pageErrors).toEqual([]);
      await w.context.close();
    });
  }
});

describe('when quick exit cannot leave', () => {
  /** Open an inline widget, answer once, press Exit; the page stays. */
  async function exitThatStays(opts: OpenOptions, exitUrl = EXIT, head = '', onDialog?: (d: import('playwright-core').Dialog) => void) {
    const w = Object.assign(await open({ ...opts, pages: { [`${env.demo.origin}/council-page`]: { body: html(`<safety-chat mode="inline" exit-url="${exitUrl}"></safety-chat>`, head) } } }), {
      dialogs: [] as string[],
      onDialog: onDialog ?? ((d: import('playwright-core').Dialog) => void d.dismiss()),
    });
    w.page.on('dialog', (d) => (w.dialogs.push(d.type()), w.onDialog(d)));
    await w.page.goto(`${env.demo.origin}/council-page`);
    await answers(w.page).getByText('Check my safety', { exact: true }).click();
    await expect.poll(() => root(w.page).locator('[role="log"]').textContent()).toMatch(/Check my safety/);
    await root(w.page).locator('[part="exit-button"]').click();
    return w;
  }

  async function expectStuckHandled(w: Watched, exitUrl = EXIT) {
    const { page } = w;
    const started = Date.now();
    const stuck = root(page).locator('.note.stuck');
    await stuck.waitFor({ state: 'visible', timeout: 5000 });
    const waited = Date.now() - started;
    // The cover is gone, the conversation stays wiped, and a plain link leads to the exit address.
    expect(await root(page).locator('.cover').count()).toBe(0);
    expect(await root(page).locator('[role="log"]').textContent()).not.toMatch(/Check my safety/);
    const link = stuck.getByRole('link', { name: 'Leave this page now' });
    expect(await link.getAttribute('href')).toBe(exitUrl);
    expect(await link.getAttribute('rel')).toBe('noreferrer');
    expect(await link.evaluate((a) => a === (a.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(w.pageErrors).toEqual([]);
    return waited;
  }

  it('the host asks "Leave this page?" and the person chooses Stay: after about 1.5 s the cover drops and a link is offered; Exit works again', async () => {
    const w = await exitThatStays(
      { scripts: { [`${env.demo.origin}/stay.js`]: "addEventListener('beforeunload', (e) => { e.preventDefault(); e.returnValue = ''; });" } },
      EXIT,
      '<script src="/stay.js"></script>',
      (d) => void d.dismiss(),
    );
    await expectStuckHandled(w);
    expect(w.dialogs).toEqual(['beforeunload']);
    // Exit is usable again (this time the person lets the page go).
    w.onDialog = (d) => void d.accept();
    await root(w.page).locator('[part="exit-button"]').click();
    await w.page.waitForURL(EXIT, { timeout: 10_000 });
    await w.context.close();
  });

  it('the exit address answers "204 No Content": the link is offered', async () => {
    const w = await exitThatStays({ exit: (route) => route.fulfill({ status: 204, body: '' }) });
    const waited = await expectStuckHandled(w);
    expect(waited).toBeGreaterThan(800);
    await w.context.close();
  });

  it('the exit address is a download: the link is offered', async () => {
    const w = await exitThatStays({ exit: (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', headers: { 'content-disposition': 'attachment; filename="weather.bin"' }, body: 'x' }) });
    await expectStuckHandled(w);
    await w.context.close();
  });

  it('an exit-url that is this page (with a #fragment) is refused: quick exit goes to the default address', async () => {
    const w = await open({});
    await w.context.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>BBC Weather</title>' }));
    const here = `${env.demo.origin}/council-page`;
    await w.context.route(here, (route) => route.fulfill({ contentType: 'text/html', body: html(`<safety-chat mode="inline" exit-url="${here}#top"></safety-chat>`) }));
    await w.page.goto(here);
    await answers(w.page).first().waitFor({ timeout: 10_000 });
    expect(w.consoleErrors.join('\n')).toMatch(/exit-url=".*#top" is this page itself, so quick exit would not leave it/);
    await root(w.page).locator('[part="exit-button"]').click();
    await w.page.waitForURL('https://www.bbc.co.uk/weather', { timeout: 10_000 });
    await w.context.close();
  });
});

describe("a modal dialog of the host page's", () => {
  const body = `<button id="behind">A button on the page</button>
    <dialog id="cookies"><p>We use cookies.</p><button id="accept" onclick="this.closest('dialog').close()">Accept</button></dialog>
    <safety-chat exit-url="${EXIT}"></safety-chat>`;

  for (const mode of ['launcher', 'inline'] as const) {
    it(`${mode}: opening over the chat does not block it: an answer still advances and Exit still leaves`, async () => {
      const w = await open({ pages: { [`${env.demo.origin}/council-page`]: { body: html(mode === 'inline' ? body.replace('<safety-chat ', '<safety-chat mode="inline" ') : body) } } });
      const { page } = w;
      await page.goto(`${env.demo.origin}/council-page`);
      if (mode === 'launcher') await root(page).locator('[part="launcher"]').click();
      await answers(page).first().waitFor({ timeout: 10_000 });
      await page.evaluate(() => (document.getElementById('cookies') as HTMLDialogElement).showModal());
      // Locator clicks check the answer itself receives the pointer (not inert, not covered).
      await answers(page).getByText('Check my safety', { exact: true }).click({ timeout: 5000 });
      await expect.poll(() => root(page).locator('[role="log"]').textContent()).toMatch(/Check my safety/);
      await root(page).locator('[part="exit-button"]').click({ timeout: 5000 });
      await page.waitForURL(EXIT, { timeout: 10_000 });
      expect(w.pageErrors).toEqual([]);
      await w.context.close();
    });
  }

  it('when the host closes its dialog, or the chat closes, the page is usable again and the host dialog works', async () => {
    const w = await open({ pages: { [`${env.demo.origin}/council-page`]: { body: html(body) } } });
    const { page } = w;
    await page.goto(`${env.demo.origin}/council-page`);
    await root(page).locator('[part="launcher"]').click();
    await answers(page).first().waitFor({ timeout: 10_000 });
    await page.evaluate(() => (document.getElementById('cookies') as HTMLDialogElement).showModal());
    await expect.poll(() => root(page).locator('dialog.shell').count()).toBe(1);
    // The chat closes: the host's dialog is usable again, and closing it frees the page.
    await root(page).getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => root(page).locator('dialog.shell').count()).toBe(0);
    await page.locator('#accept').click({ timeout: 5000 });
    await page.locator('#behind').click({ timeout: 5000 });
    // Opened again, a host dialog that opens and closes leaves the panel as before.
    await root(page).locator('[part="launcher"]').click();
    await answers(page).first().waitFor({ timeout: 10_000 });
    await page.evaluate(() => (document.getElementById('cookies') as HTMLDialogElement).showModal());
    await expect.poll(() => root(page).locator('dialog.shell').count()).toBe(1);
    await page.evaluate(() => (document.getElementById('cookies') as HTMLDialogElement).close());
    await expect.poll(() => root(page).locator('dialog.shell').count()).toBe(0);
    await page.locator('#behind').click({ timeout: 5000 });
    await answers(page).getByText('Check my safety', { exact: true }).click({ timeout: 5000 });
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});

describe('errors never reach the page', () => {
  it('the topic search file fails to load: the search says nothing matched, no rejection reaches the page, and the next search works', async () => {
    const w = await open({ pages: { [`${env.demo.origin}/council-page`]: { body: html(`<safety-chat mode="inline"></safety-chat>`) } } });
    let refuse = true;
    await w.context.route('**/dist/chunks/topic-search-*.js', (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
    await w.page.goto(`${env.demo.origin}/council-page`);
    await answers(w.page).getByText('Search for a topic', { exact: true }).click({ timeout: 10_000 });
    const box = root(w.page).locator('input[type="search"]');
    await box.fill('money');
    await box.press('Enter');
    await expect.poll(() => root(w.page).locator('.prompt.found').textContent()).toMatch(/Nothing matched/);
    expect(w.consoleErrors.join('\n')).toMatch(/the topic search could not load/);
    refuse = false;
    await box.fill('money');
    await box.press('Enter');
    await expect.poll(() => root(w.page).locator('.prompt.found').textContent()).toMatch(/Topics that match/);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('a page that replaced customElements, and a page that defined the class under another name: reported, never thrown', async () => {
    const replaced = await open({
      pages: { [`${env.demo.origin}/council-page`]: { body: html('<safety-chat></safety-chat>', '<script src="/replace.js"></script>') } },
      scripts: { [`${env.demo.origin}/replace.js`]: "Object.defineProperty(window, 'customElements', { value: { get() { throw new Error('no registry'); }, define() { throw new Error('no registry'); } } });" },
    });
    await replaced.page.goto(`${env.demo.origin}/council-page`);
    await expect.poll(() => replaced.consoleErrors.join('\n')).toMatch(/something went wrong inside the widget; the page is unaffected/);
    expect(replaced.pageErrors).toEqual([]);
    await replaced.context.close();

    const renamed = await open({
      pages: { [`${env.demo.origin}/council-page`]: { body: `<!doctype html><title>Renamed</title><script type="module" src="/rename.js"></script><my-chat></my-chat>` } },
      scripts: { [`${env.demo.origin}/rename.js`]: "import { SafetyChat } from '/dist/safety-chat.js'; customElements.define('my-chat', SafetyChat);" },
    });
    await renamed.page.goto(`${env.demo.origin}/council-page`);
    await expect.poll(() => renamed.consoleErrors.join('\n')).toMatch(/something went wrong inside the widget/);
    await renamed.page.waitForTimeout(100);
    expect(renamed.pageErrors).toEqual([]);
    await renamed.context.close();
  });

  it('a built-in patched to throw mid-conversation: the conversation starts again, nothing is thrown into the page', async () => {
    const w = await open({ pages: { [`${env.demo.origin}/council-page`]: { body: html(`<safety-chat mode="inline"></safety-chat>`) } } });
    await w.page.goto(`${env.demo.origin}/council-page`);
    await answers(w.page).first().waitFor({ timeout: 10_000 });
    // Everything the conversation computes when an answer is chosen relies on Array methods.
    await w.page.evaluate(() => {
      const w = window as unknown as { __restore: () => void };
      const original = Array.prototype.map;
      let left = 1;
      Array.prototype.map = function (this: unknown[], ...args: Parameters<typeof original>) {
        if (left > 0 && new Error().stack?.includes('/dist/chunks/panel-')) {
          left--;
          throw new Error('patched by the page');
        }
        return original.apply(this, args);
      } as typeof original;
      w.__restore = () => (Array.prototype.map = original);
    });
    await answers(w.page).getByText('Check my safety', { exact: true }).click();
    await w.page.waitForTimeout(200);
    await w.page.evaluate(() => (window as unknown as { __restore: () => void }).__restore());
    // Still usable: answers are there and one advances.
    await answers(w.page).first().waitFor({ timeout: 5000 });
    await answers(w.page).getByText('Check my safety', { exact: true }).click({ timeout: 5000 });
    await expect.poll(() => root(w.page).locator('[role="log"]').textContent()).toMatch(/Check my safety/);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('focus() patched to throw: opening and closing never leave an unhandled rejection', async () => {
    const w = await open({
      pages: { [`${env.demo.origin}/council-page`]: { body: html(`<safety-chat></safety-chat>`, '<script src="/focus.js"></script>') } },
      scripts: { [`${env.demo.origin}/focus.js`]: "HTMLElement.prototype.focus = function () { throw new Error('focus patched by the page'); };" },
    });
    await w.page.goto(`${env.demo.origin}/council-page`);
    for (let i = 0; i < 2; i++) {
      await root(w.page).locator('[part="launcher"]').click();
      await answers(w.page).first().waitFor({ timeout: 10_000 });
      await answers(w.page).first().click();
      await root(w.page).getByRole('button', { name: 'Close', exact: true }).click();
      await w.page.waitForTimeout(100);
    }
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});

describe('resource timing and preload="idle"', () => {
  /** The widget's own files the page has fetched, as a monitoring script reading resource timing sees them. */
  const fetched = fetchedFiles;

  async function visit(preload: 'idle' | null, use: boolean) {
    const w = await open({ pages: { [`${env.demo.origin}/council-page`]: { body: html(`<safety-chat ${preload ? `preload="${preload}"` : ''}></safety-chat>`) } } });
    await w.page.goto(`${env.demo.origin}/council-page`);
    await w.page.waitForLoadState('load');
    if (use) {
      await root(w.page).locator('[part="launcher"]').click();
      await answers(w.page).getByText('Search for a topic', { exact: true }).click({ timeout: 10_000 });
      const box = root(w.page).locator('input[type="search"]');
      await box.fill('money');
      await box.press('Enter');
      await expect.poll(() => root(w.page).locator('.prompt.found').textContent()).toMatch(/Topics that match/);
    }
    // Time for an idle preload to run (and for nothing else to arrive).
    await w.page.waitForTimeout(1500);
    const files = await fetched(w.page);
    await w.context.close();
    return files;
  }

  it('by default, resource timing shows who opened and searched the chat (which the README says)', async () => {
    const untouched = await visit(null, false);
    const used = await visit(null, true);
    expect(untouched).toEqual(['/dist/safety-chat.js']);
    expect(used).toEqual(expect.arrayContaining(['/dist/chunks/panel.js', '/dist/chunks/topic-search.js']));
  });

  it('with preload="idle", every visitor fetches the same files, so resource timing no longer shows who opened or searched', async () => {
    const untouched = await visit('idle', false);
    const used = await visit('idle', true);
    expect(untouched).toEqual(expect.arrayContaining(['/dist/chunks/panel.js', '/dist/chunks/general.js', '/dist/chunks/young-people.js', '/dist/chunks/topic-search.js', '/dist/chunks/area-search.js']));
    expect(used).toEqual(untouched);
  });
});
