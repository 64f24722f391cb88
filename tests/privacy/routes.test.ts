/**
 * The screens ship in two chunks, one per route (general and young people's, see
 * src/engine/routes.ts). In Chromium: a page loads only the route its audience opens on; crossing
 * into the other ("I'm under 18") fetches it then and carries on; if it cannot arrive, the person
 * is told, with 999, and the same answer works once it can. Nothing reaches the page as an error.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchedFiles, startEnv, stopEnv, type Env } from './harness.js';

let env: Pick<Env, 'demo' | 'browser'>;
beforeAll(async () => {
  env = await startEnv('demo');
});
afterAll(async () => {
  await stopEnv(env);
});

const page = (widget: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Support</title><script type="module" src="/dist/safety-chat.js"></script></head><body><h1>Support</h1>${widget}</body></html>`;
const root = (p: Page) => p.locator('safety-chat').first();
const answers = (p: Page) => root(p).locator('[part="choices"] button');
/** The widget's chunks the page has fetched, without their hashes. */
const fetched = async (p: Page) => (await fetchedFiles(p)).filter((f) => f.startsWith('/dist/chunks/'));

async function visit(widget: string, opts: { refuseYoung?: () => boolean } = {}) {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 740 } });
  await context.route(`${env.demo.origin}/host`, (r) => r.fulfill({ contentType: 'text/html', body: page(widget) }));
  if (opts.refuseYoung) await context.route('**/dist/chunks/young-people-*.js', (r) => (opts.refuseYoung!() ? r.abort('internetdisconnected') : r.continue()));
  const p = await context.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await context.addInitScript(() => addEventListener('unhandledrejection', (e) => console.log(`UNHANDLED REJECTION ${String(e.reason)}`)));
  p.on('console', (m) => m.text().startsWith('UNHANDLED REJECTION') && errors.push(m.text()));
  await p.goto(`${env.demo.origin}/host`);
  return { context, page: p, errors };
}

describe('the screens arrive route by route', () => {
  it('a council page loads the general route only; "I\'m under 18" fetches the young people\'s, and the chat carries on there', async () => {
    const { context, page: p, errors } = await visit('<safety-chat></safety-chat>');
    await root(p).locator('[part="launcher"]').click();
    await answers(p).getByText("I'm under 18", { exact: true }).waitFor({ timeout: 10_000 });
    expect(await fetched(p)).toEqual(['/dist/chunks/general.js', '/dist/chunks/panel.js']);
    await answers(p).getByText("I'm under 18", { exact: true }).click();
    await expect.poll(() => root(p).locator('[role="log"]').innerText(), { timeout: 10_000 }).toMatch(/What would you like to look at\?/);
    expect(await fetched(p)).toEqual(['/dist/chunks/general.js', '/dist/chunks/panel.js', '/dist/chunks/young-people.js']);
    // Back and Start again work across the two routes.
    await answers(p).getByText('Back', { exact: true }).click();
    await expect.poll(() => answers(p).allInnerTexts()).toContain("I'm under 18");
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a topic found on the young people\'s route from a council page opens there too', async () => {
    const { context, page: p, errors } = await visit('<safety-chat></safety-chat>');
    await root(p).locator('[part="launcher"]').click();
    await answers(p).getByText('Search for a topic', { exact: true }).click({ timeout: 10_000 });
    const box = root(p).locator('input[type="search"]');
    await box.fill('he wants me to send nudes');
    await box.press('Enter');
    await answers(p).getByText('Nudes and photos', { exact: true }).click({ timeout: 10_000 });
    await expect.poll(() => root(p).locator('[role="log"]').innerText(), { timeout: 10_000 }).toMatch(/Nobody should push you to send nudes/);
    expect(await fetched(p)).toContain('/dist/chunks/young-people.js');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a school page (young people) loads the young people\'s route only', async () => {
    const { context, page: p, errors } = await visit('<safety-chat mode="inline" audience="young-people"></safety-chat>');
    await answers(p).first().waitFor({ timeout: 10_000 });
    await p.waitForTimeout(300);
    expect(await fetched(p)).toEqual(['/dist/chunks/panel.js', '/dist/chunks/young-people.js']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('if the route a page opens on cannot arrive, the fixed message gives 999, and Try again opens the chat once it can', async () => {
    let refuse = true;
    const { context, page: p, errors } = await visit('<safety-chat mode="inline" audience="young-people"></safety-chat>', { refuseYoung: () => refuse });
    const note = root(p).locator('.note.unavailable');
    await note.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await note.textContent()).toMatch(/call 999/);
    refuse = false;
    await note.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => root(p).locator('[role="log"]').innerText(), { timeout: 10_000 }).toMatch(/What would you like to look at\?/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('if the other route cannot arrive, the person is told (with 999) above the same answers, and the answer works once it can', async () => {
    let refuse = true;
    const { context, page: p, errors } = await visit('<safety-chat></safety-chat>', { refuseYoung: () => refuse });
    await root(p).locator('[part="launcher"]').click();
    const under18 = answers(p).getByText("I'm under 18", { exact: true });
    await under18.click({ timeout: 10_000 });
    const alert = root(p).locator('.route-failed');
    await alert.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.innerText()).toMatch(/could not load[\s\S]*call 999/);
    expect(await answers(p).allInnerTexts()).toContain("I'm under 18");
    refuse = false;
    await under18.click();
    await expect.poll(() => root(p).locator('[role="log"]').innerText(), { timeout: 10_000 }).toMatch(/What would you like to look at\?/);
    expect(await alert.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Clear while the other route is on its way: the answer is dropped with the conversation', async () => {
    let hold: (() => void) | undefined;
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route(`${env.demo.origin}/host`, (r) => r.fulfill({ contentType: 'text/html', body: page('<safety-chat></safety-chat>') }));
    await context.route('**/dist/chunks/young-people-*.js', (r) => new Promise<void>((done) => (hold = done)).then(() => r.continue()));
    const p = await context.newPage();
    await p.goto(`${env.demo.origin}/host`);
    await root(p).locator('[part="launcher"]').click();
    await answers(p).getByText("I'm under 18", { exact: true }).click({ timeout: 10_000 });
    await expect.poll(() => !!hold).toBe(true);
    await root(p).getByRole('button', { name: 'Clear chat' }).first().click();
    hold!();
    await p.waitForTimeout(500);
    const log = await root(p).locator('[role="log"]').innerText();
    expect(log).not.toMatch(/What would you like to look at\?/);
    expect(await answers(p).allInnerTexts()).toContain("I'm under 18");
    await context.close();
  });
});
