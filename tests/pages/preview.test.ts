/**
 * The editors' preview (`npm run preview`), on a copy of flows/: both audiences, an area, another
 * language, going to a screen by its id, a save redrawing the page, and a mistake shown in the
 * check's own words. And none of it in the build partners ship.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndCompile } from '../../src/content/compile.js';
import { inLang } from '../../src/shared/text.js';
import { launch } from '../support/demo.js';
import { editorTasks } from '../editing/editor-tasks.js';

const copy = join(mkdtempSync(join(tmpdir(), 'preview-')), 'flows');
cpSync('flows', copy, { recursive: true });
// Polish for one message, as an editor adding a language would start (the editing test's own task).
editorTasks.find((t) => t.name.startsWith('adds Polish'))!.apply(copy);
const mainFile = join(copy, 'main.yaml');
const content = () => checkAndCompile(copy).content!;
const first = (key: string, lang = 'en') => {
  const node = content().nodes[key]!;
  return 'say' in node ? inLang(node.say[0]!, lang) : '';
};
const welcome = content().starts.general;
const welcomeEnglish = first(welcome);
const lastOfWelcome = (() => {
  const node = content().nodes[welcome]!;
  return 'say' in node ? inLang(node.say.at(-1)!, 'en') : '';
})();

let server: ViteDevServer;
let browser: Browser;
let origin = '';
beforeAll(async () => {
  process.env.FLOWS_DIR = copy;
  server = await createServer({ configFile: 'scripts/preview/vite.config.ts', server: { port: 0 }, logLevel: 'silent' });
  await server.listen();
  origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  delete process.env.FLOWS_DIR;
  rmSync(join(copy, '..'), { recursive: true, force: true });
});

const log = (page: Page) => page.locator('safety-chat [role="log"]').innerText();
async function open() {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(`${origin}/`);
  await page.locator('safety-chat [role="log"] .bubble').first().waitFor({ timeout: 30_000 });
  return page;
}

describe('the editors\' preview', () => {
  it('shows the flows as they are, for both audiences, an area and another language', async () => {
    const page = await open();
    expect(await log(page)).toContain(welcomeEnglish);
    const young = content().starts['young-people'];
    await page.selectOption('#audience', 'young-people');
    await expect.poll(() => log(page)).toContain(first(young));
    await page.selectOption('#audience', 'general');
    await page.selectOption('#lang', 'pl');
    await expect.poll(() => log(page)).toContain(first(welcome, 'pl'));
    expect(first(welcome, 'pl')).not.toBe(welcomeEnglish);
    await page.selectOption('#lang', 'en');
    await page.selectOption('#area', 'thanet');
    await page.locator('safety-chat').getByRole('button', { name: 'Find support near me' }).click();
    await expect.poll(() => log(page)).toMatch(/Thanet/);
    await page.close();
  });

  it('goes to a screen by its id, and says so when there is no such screen', async () => {
    const page = await open();
    await page.fill('#screen', 'abuse#stalking');
    await page.click('#controls button[type="submit"]');
    await expect.poll(() => log(page)).toContain(first('abuse/stalking'));
    await page.fill('#screen', 'abuse#stalkng');
    await page.click('#controls button[type="submit"]');
    await expect.poll(() => page.locator('#screen-problem').innerText()).toMatch(/There is no screen "abuse#stalkng"/);
    await page.close();
  });

  it('redraws on a save, and shows a mistake in the check\'s own words', async () => {
    const page = await open();
    const before = readFileSync(mainFile, 'utf8');
    // The welcome's last message, as an editor would change it, then with a mistake in it.
    expect(before).toContain(`      - ${lastOfWelcome}\n`);
    writeFileSync(mainFile, before.replace(`      - ${lastOfWelcome}\n`, `      - ${lastOfWelcome} Take your time.\n`));
    await expect.poll(() => log(page), { timeout: 15_000 }).toContain(`${lastOfWelcome} Take your time.`);
    writeFileSync(mainFile, before.replace(`      - ${lastOfWelcome}\n`, '      - What now: pick one: please\n'));
    await expect.poll(() => page.locator('#problems .errors').innerText().catch(() => ''), { timeout: 15_000 }).toMatch(/main\.yaml:\d+ — The text on this line has a colon followed by a space/);
    writeFileSync(mainFile, before);
    await expect.poll(() => log(page).catch(() => ''), { timeout: 15_000 }).toContain(welcomeEnglish);
    await page.close();
  });

  it('is not in the build partners ship', () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const built = files('dist').filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(built).not.toContain('__SAFETY_CHAT_PREVIEW_START__');
    expect(built).not.toContain('__flows/check');
  });
});
