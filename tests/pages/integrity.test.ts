/**
 * Subresource integrity: the build writes the SHA-384 of every file in dist/ (dist/integrity.json),
 * and a partner who pins the script and its chunks (the script tag's `integrity`, an import map's
 * `integrity` for the chunks loaded with import()) gets only the reviewed files. A tampered chunk
 * is refused by Chromium, and the widget then fails safe: the partner's fallback text still shows,
 * nothing throws into the page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useDemo } from '../support/demo.js';
import { consoleLines, watchPage } from '../support/page-watch.js';
// @ts-expect-error plain JS helper scripts
import { sha384 } from '../../scripts/integrity.mjs';

const demo = useDemo();
const sums: Record<string, string> = JSON.parse(readFileSync('dist/integrity.json', 'utf8'));
const panelChunk = readdirSync('dist/chunks').find((f) => f.startsWith('panel-'))!;

/** A partner page that pins the script and, through an import map, every chunk (with `wrong` for the panel, if given). */
function pinnedPage(origin: string, wrong?: string) {
  const integrity = Object.fromEntries(
    Object.entries(sums)
      .filter(([f]) => f.endsWith('.js'))
      .map(([f, sum]) => [`${origin}/dist/${f}`, f === `chunks/${panelChunk}` && wrong ? wrong : sum]),
  );
  return `<!doctype html><html lang="en"><head><title>Pinned</title>
<script type="importmap">${JSON.stringify({ imports: {}, integrity })}</script>
<script type="module" src="/dist/safety-chat.js" integrity="${sums['safety-chat.js']}" crossorigin="anonymous"></script>
</head><body><main><h1>Council page</h1>
<safety-chat><p id="fallback">If you are in danger now, call 999. National Domestic Abuse Helpline: 0808 2000 247.</p></safety-chat>
</main></body></html>`;
}

async function openPinned(wrong?: string) {
  const context = await demo.browser.newContext();
  const page = await context.newPage();
  const watch = await watchPage(page);
  await context.route(`${demo.origin}/demo/pinned.html`, (route) => route.fulfill({ contentType: 'text/html', body: pinnedPage(demo.origin, wrong) }));
  await page.goto(`${demo.origin}/demo/pinned.html`);
  await page.locator('safety-chat').getByRole('button', { name: 'Need to talk?' }).waitFor();
  return { page, watch, close: () => context.close() };
}

describe('integrity', () => {
  it('dist/integrity.json holds the SHA-384 of every file in dist/, and only those', () => {
    const files = (dir: string): string[] => readdirSync(`dist/${dir}`, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(`${dir}${d.name}/`) : [`${dir}${d.name}`]));
    const all = files('').filter((f) => f !== 'integrity.json').sort();
    expect(Object.keys(sums).sort()).toEqual(all);
    for (const f of all) expect(sums[f], f).toBe(sha384(readFileSync(`dist/${f}`)));
  });

  it('pinned with the right checksums, the chat opens as usual', async () => {
    const { page, watch, close } = await openPinned();
    await page.locator('safety-chat').getByRole('button', { name: 'Need to talk?' }).click();
    await page.locator('safety-chat').getByRole('button', { name: "I'm in danger now" }).waitFor();
    expect(watch.errors).toEqual([]);
    expect(watch.console.filter((m) => m.type === 'error')).toEqual([]);
    await close();
  });

  it('a tampered panel chunk is refused; the fallback text still shows and nothing throws into the page', async () => {
    const { page, watch, close } = await openPinned(`sha384-${'A'.repeat(64)}`);
    await page.locator('safety-chat').getByRole('button', { name: 'Need to talk?' }).click();
    await expect.poll(() => consoleLines(watch).some((m) => /^error: <safety-chat>: something went wrong/.test(m)), { timeout: 5000 }).toBe(true);
    // Chromium refused the chunk (its integrity did not match), so no conversation was drawn.
    expect(watch.console.some((m) => /integrity/i.test(m.text))).toBe(true);
    expect(await page.locator('safety-chat').getByRole('button', { name: "I'm in danger now" }).count()).toBe(0);
    expect(await page.locator('#fallback').isVisible()).toBe(true);
    expect(watch.errors).toEqual([]);
    await close();
  });
});
