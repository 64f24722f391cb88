/**
 * The configurator page (demo/configurator.html) in Chromium through
 * Playwright-core: settings reach a freshly created <safety-chat> in the
 * preview and the code to paste, user text is escaped, nothing is stored, and
 * it all works under the partner page's strict CSP with Trusted Types.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useDemo } from '../support/demo.js';
import { watchPage, type Watch as PageWatch } from '../support/page-watch.js';
import { clean, traces } from '../support/traces.js';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS helper scripts
import { strictCsp } from '../../scripts/serve.mjs';

const path = '/demo/configurator.html';

const demo = useDemo();

interface Watch extends PageWatch {
  /** history.length once the page has loaded: nothing may add to it. */
  history: number;
}

/** Opens the configurator served with the strict partner policy (CSP + Trusted Types). */
async function open(options: { width?: number; clipboard?: boolean } = {}): Promise<Watch> {
  const context = await demo.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.origin });
  const page = await context.newPage();
  const watch: Watch = { ...(await watchPage(page)), history: 0 };
  await context.route(`${demo.origin}${path}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': strictCsp } });
  });
  await page.goto(`${demo.origin}${path}`);
  await expect.poll(() => page.locator('#preview safety-chat').count()).toBe(1);
  watch.history = await page.evaluate(() => history.length);
  return watch;
}

const snippet = (page: Page) => page.locator('#snippet').textContent().then((t) => t ?? '');

/** Tags each preview element so a test can tell a fresh one from the old one. */
async function markPreview(page: Page): Promise<void> {
  await page.locator('#preview safety-chat').evaluate((el) => el.setAttribute('data-old', ''));
}

async function expectClean(w: Watch) {
  expect(w.console).toEqual([]);
  expect(w.errors).toEqual([]);
  expect(await w.violations()).toEqual([]);
  expect(w.requests.every((r) => r.url.startsWith(demo.origin))).toBe(true);
  expect(await traces(w.page)).toEqual(clean(w.history, `${demo.origin}${path}`));
}

describe('the configurator page', () => {
  it('starts with the default code: script tag, element and the 999 / helpline fallback', async () => {
    const w = await open();
    // Pinned to the checksum the build wrote, so the partner hosts the reviewed file.
    const sum = JSON.parse(readFileSync('dist/integrity.json', 'utf8'))['safety-chat.js'];
    await expect.poll(() => snippet(w.page)).toContain(`<script type="module" src="https://YOUR-SITE/safety-chat/safety-chat.js" integrity="${sum}" crossorigin="anonymous"></script>`);
    const text = await snippet(w.page);
    expect(text).toContain('<safety-chat exit-url="https://www.bbc.co.uk/weather">');
    expect(text).toMatch(/<p>If you are in danger now, call 999\.[\s\S]*National Domestic Abuse Helpline on 0808 2000 247\.<\/p>\n<\/safety-chat>/);
    expect(text).not.toContain('style=');
    expect(text).not.toContain('application/json');
    // Launcher mode by default: the preview shows the launcher with the default label.
    await expect.poll(() => w.page.locator('#preview safety-chat').getByRole('button', { name: 'Need to talk?' }).count()).toBe(1);
    expect(await w.page.locator('#contrast').textContent()).toBe('');
    await expectClean(w);
    // The page really runs under the strict policy: Trusted Types refuses an HTML string.
    expect(await w.page.evaluate(() => { try { document.body.innerHTML = '<b>x</b>'; return 'allowed'; } catch { return 'refused'; } })).toBe('refused');
    await w.page.context().close();
  });

  it('applies mode, area, label, a colour and a partner contact to a fresh preview element and to the code', async () => {
    const w = await open();
    const { page } = w;
    await markPreview(page);
    await page.getByLabel('In the page, always open').check();
    // The preview element is re-created, not updated.
    await expect.poll(() => page.locator('#preview safety-chat:not([data-old])').count()).toBe(1);
    expect(await page.locator('safety-chat[data-old]').count()).toBe(0);

    await page.getByLabel('Your area').selectOption('medway');
    await page.getByLabel('Button text').fill('Talk to us');
    await page.getByLabel('Main colour', { exact: true }).fill('#005ea5');
    await page.getByRole('button', { name: 'Add a contact' }).click();
    const contact = page.getByRole('group', { name: 'Contact 1' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/-name$/);
    await contact.getByLabel('Name').fill('Our safeguarding lead');
    await contact.getByLabel('About this service').fill('Ms Example is in the student office every school day.');
    await contact.getByLabel(/Phone number/).fill('01634 000 000');
    await contact.getByLabel(/Email address/).fill('safeguarding@example.org');

    const el = page.locator('#preview safety-chat');
    await expect.poll(() => el.evaluate((e) => (e as HTMLElement & { services?: unknown }).services)).toEqual([
      { name: 'Our safeguarding lead', about: 'Ms Example is in the student office every school day.', contacts: [{ type: 'phone', number: '01634 000 000' }, { type: 'email', address: 'safeguarding@example.org' }] },
    ]);
    expect(await el.evaluate((e) => ({
      mode: e.getAttribute('mode'),
      area: e.getAttribute('area'),
      label: e.getAttribute('label'),
      exitUrl: e.getAttribute('exit-url'),
      accent: (e as HTMLElement).style.getPropertyValue('--safety-chat-accent'),
      styleAttr: e.getAttribute('style'),
    }))).toEqual({ mode: 'inline', area: 'medway', label: null, exitUrl: 'https://www.bbc.co.uk/weather', accent: '#005ea5', styleAttr: '--safety-chat-accent: #005ea5;' });

    // The colour really applies under the strict CSP (CSSOM, not an inline style attribute).
    await expect.poll(() => el.evaluate((e) => {
      const header = e.shadowRoot?.querySelector('[part="header"]');
      return header ? getComputedStyle(header).backgroundColor : null;
    })).toBe('rgb(0, 94, 165)');

    // The contact appears on a services screen in the live preview.
    await el.getByRole('button', { name: /Find support/ }).first().click();
    const card = el.locator('article.card', { hasText: 'Our safeguarding lead' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByRole('link', { name: '01634 000 000' }).getAttribute('href')).toBe('tel:01634000000');
    expect(await card.getByRole('link', { name: 'safeguarding@example.org' }).getAttribute('href')).toBe('mailto:safeguarding@example.org');

    // Inline: the stylesheet line that keeps the chat's room (as in the README and demo.css).
    expect(await page.locator('#inline-note').isVisible()).toBe(true);
    const rule = await page.locator('#inline-css').textContent();
    expect(readFileSync(`${process.cwd()}/demo/demo.css`, 'utf8')).toContain(rule!);
    expect(readFileSync(`${process.cwd()}/README.md`, 'utf8')).toContain(rule!);

    const text = await snippet(page);
    expect(text).toMatch(/<safety-chat mode="inline"\s+area="medway"\s+exit-url="https:\/\/www\.bbc\.co\.uk\/weather"\s+style="--safety-chat-accent: #005ea5">/);
    const json = /<script type="application\/json">\n([\s\S]*?)\n {2}<\/script>/.exec(text);
    expect(json).not.toBeNull();
    expect(JSON.parse(json![1]!)).toEqual([
      { name: 'Our safeguarding lead', about: 'Ms Example is in the student office every school day.', contacts: [{ type: 'phone', number: '01634 000 000' }, { type: 'email', address: 'safeguarding@example.org' }] },
    ]);
    expect(text).toContain('0808 2000 247');
    // The colours again as a stylesheet rule, for sites whose CSP blocks style attributes.
    expect(await page.locator('#css-snippet').textContent()).toBe('safety-chat {\n  --safety-chat-accent: #005ea5;\n}');

    // Removing the contact takes it out of the preview and the code.
    await page.getByRole('button', { name: 'Remove contact 1' }).click();
    await expect.poll(() => snippet(page)).not.toContain('application/json');
    expect(await el.evaluate((e) => (e as HTMLElement & { services?: unknown }).services)).toBeUndefined();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-contact');

    await expectClean(w);
    await page.context().close();
  });

  it('offers preload="idle", explained, in the preview and the code', async () => {
    const w = await open();
    const { page } = w;
    const box = page.getByLabel('Load the chat for every visitor');
    expect(await box.isChecked()).toBe(false);
    expect(await snippet(page)).not.toContain('preload');
    expect(await page.locator('#preload-hint').textContent()).toMatch(/could tell that this visitor opened it/);
    await box.check();
    await expect.poll(() => snippet(page)).toMatch(/<safety-chat[^>]*\spreload="idle"/);
    await expect.poll(() => page.locator('#preview safety-chat').getAttribute('preload')).toBe('idle');
    await expectClean(w);
    await page.context().close();
  });

  it('escapes user text: markup typed as a label or contact is text in the preview and escaped in the code', async () => {
    const w = await open();
    const { page } = w;
    await page.getByLabel('Button text').fill('<b>x</b> & "y"');
    await page.getByRole('button', { name: 'Add a contact' }).click();
    const contact = page.getByRole('group', { name: 'Contact 1' });
    await contact.getByLabel('Name').fill('</script><img src=x>');
    await contact.getByLabel('About this service').fill('<i>About</i>');
    await contact.getByLabel(/Web page/).fill('https://example.org/help');
    await page.getByLabel('Your area').selectOption('thanet');

    const launcher = page.locator('#preview safety-chat').getByRole('button', { name: '<b>x</b> & "y"' });
    await expect.poll(() => launcher.count()).toBe(1);
    expect(await launcher.evaluate((b) => b.children.length)).toBe(0);

    const text = await snippet(page);
    expect(text).toContain('label="&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;"');
    expect(text).not.toContain('<b>');
    expect(text).not.toContain('<img');
    expect(text).not.toContain('<i>');
    // Only the snippet's own closing </script> tags; the name cannot close the JSON block early.
    expect(text.match(/<\/script>/g)).toHaveLength(2);
    expect(text).toContain('"name": "\\u003c/script\\u003e\\u003cimg src=x\\u003e"');
    // The snippet is text: the <code> holds one text node, no elements.
    expect(await page.locator('#snippet').evaluate((c) => c.children.length)).toBe(0);

    // In the preview the contact's markup is shown as text.
    await launcher.click();
    const el = page.locator('#preview safety-chat');
    await el.getByRole('button', { name: /Find support/ }).first().click();
    const card = el.locator('article.card', { hasText: '</script><img src=x>' });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('img, i').count()).toBe(0);
    expect(await card.getByText('<i>About</i>').count()).toBe(1);

    await expectClean(w);
    await page.context().close();
  });

  it('keeps invalid values out of the preview and the code, and says why', async () => {
    const w = await open();
    const { page } = w;
    await page.getByLabel(/Where .Exit this page. goes/).fill('javascript:alert(1)');
    await page.getByLabel(/Clear the chat after/).fill('500');
    await page.getByRole('button', { name: 'Add a contact' }).click();
    const contact = page.getByRole('group', { name: 'Contact 1' });
    await contact.getByLabel('Name').fill('Helpline');
    await contact.getByLabel('About this service').fill('Advice');
    await contact.getByLabel(/Phone number/).fill('12345');
    await expect.poll(() => page.locator('#exit-url-error').textContent()).toMatch(/https:\/\//);
    expect(await page.locator('#exit-url').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#clear-after-error').textContent()).toMatch(/1 to 120/);
    expect(await contact.locator('[data-role="problem"]').textContent()).toMatch(/UK number/);
    const text = await snippet(page);
    expect(text).not.toContain('javascript:');
    expect(text).not.toContain('exit-url');
    expect(text).not.toContain('clear-after');
    expect(text).not.toContain('application/json');
    const el = page.locator('#preview safety-chat');
    expect(await el.evaluate((e) => [e.getAttribute('exit-url'), e.getAttribute('clear-after'), (e as HTMLElement & { services?: unknown }).services])).toEqual([null, null, undefined]);
    // Nothing invalid ever reached the widget, so it reported nothing.
    await expectClean(w);
    await page.context().close();
  });

  it('warns when the main colour and its text are below 4.5:1 contrast', async () => {
    const w = await open();
    const { page } = w;
    await page.getByLabel('Main colour', { exact: true }).fill('#ffcc00');
    await expect.poll(() => page.locator('#contrast').textContent()).toMatch(/Text on the main colour: contrast 1\.5:1[\s\S]*at least 4\.5:1/);
    expect(await page.getByLabel('Text on the main colour', { exact: true }).getAttribute('aria-describedby')).toBe('contrast');
    // The widget in the preview refuses the unreadable pair too, once its colour check has loaded.
    const isContrastError = (m: { type: string; text: string }) => m.type === 'error' && /^<safety-chat>: .* at least 4\.5:1 is needed/.test(m.text);
    await expect.poll(() => w.console.filter(isContrastError).length).toBeGreaterThan(0);
    await page.getByLabel('Text on the main colour', { exact: true }).fill('#0b0c0c');
    await expect.poll(() => page.locator('#contrast').textContent()).not.toMatch(/Text on the main colour/);
    await page.getByRole('button', { name: 'Reset colours and corners' }).click();
    await expect.poll(() => page.locator('#contrast').textContent()).toBe('');
    expect(await snippet(page)).not.toContain('style=');
    // Those reports are deliberate (once per preview); nothing else was reported.
    w.console = w.console.filter((m) => !isContrastError(m));
    await expectClean(w);
    await page.context().close();
  });

  it('copies the code with the clipboard and says so', async () => {
    const w = await open({ clipboard: true });
    const { page } = w;
    await page.getByLabel('Your area').selectOption('dover');
    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet(page));
    // A change to the settings clears the old "Copied".
    await page.getByLabel('Button text').fill('Help');
    await expect.poll(() => page.locator('#copy-status').textContent()).toBe('');
    await expectClean(w);
    await page.context().close();
  });

  it('selects the code when the clipboard is unavailable', async () => {
    const w = await open();
    const { page } = w;
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
    await page.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => page.locator('#copy-status').textContent()).toMatch(/selected/);
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(await snippet(page));
    await page.context().close();
  });

  it('for young people offers 999 and Childline without JavaScript; gives no empty CSS block; leaves the button text out inline', async () => {
    const w = await open();
    const { page } = w;
    await page.getByLabel('Young people (11 to 18)').check();
    await expect.poll(() => snippet(page)).toMatch(/<p>If you are in danger now, call 999\.[\s\S]*Childline for free on 0800 1111\.<\/p>/);
    expect(await snippet(page)).not.toContain('0808 2000 247');
    // No colours changed: nothing to put in a stylesheet, not even an empty block.
    expect(await page.locator('#css-snippet').textContent()).toBe('');
    await page.getByLabel('Button text').fill('Worried?');
    await expect.poll(() => snippet(page)).toContain('label="Worried?"');
    await page.getByLabel('In the page, always open').check();
    await expect.poll(() => snippet(page)).toContain('mode="inline"');
    expect(await snippet(page)).not.toContain('label=');
    expect(await page.locator('#label-inline').isVisible()).toBe(true);
    await expectClean(w);
    await page.context().close();
  });

  it('on a phone, the preview\'s corner button shows only while the preview is on screen, never over the form', async () => {
    const w = await open({ width: 375 });
    const { page } = w;
    const launcher = page.locator('#preview safety-chat').getByRole('button', { name: 'Need to talk?' });
    await page.locator('#preview').scrollIntoViewIfNeeded();
    await expect.poll(() => launcher.isVisible()).toBe(true);
    await page.getByLabel('Button text').scrollIntoViewIfNeeded();
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(() => launcher.isVisible()).toBe(false);
    // Nothing of the widget covers the first field of the form.
    await page.getByLabel('Your area').scrollIntoViewIfNeeded();
    const field = await page.getByLabel('Your area').boundingBox();
    const hit = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('safety-chat'), { x: field!.x + field!.width - 4, y: field!.y + field!.height / 2 });
    expect(hit).toBe(false);
    await page.context().close();
  });

  it('is usable at phone width, and the open launcher panel stays inside the preview', async () => {
    const w = await open({ width: 375 });
    const { page } = w;
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.locator('#preview').scrollIntoViewIfNeeded();
    await page.locator('#preview safety-chat').getByRole('button', { name: 'Need to talk?' }).click();
    const panel = page.locator('#preview safety-chat [part="panel"]');
    await expect.poll(() => panel.count()).toBe(1);
    const [frame, box] = await Promise.all([page.locator('#preview').boundingBox(), panel.boundingBox()]);
    expect(box!.y).toBeGreaterThanOrEqual(frame!.y - 1);
    expect(box!.y + box!.height).toBeLessThanOrEqual(frame!.y + frame!.height + 1);
    await expectClean(w);
    await page.context().close();
  });
});
