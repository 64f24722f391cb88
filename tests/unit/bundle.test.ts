/** Checks on the built files partners ship (run after `npm run build`). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { liveContent } from './live-content.js';

const dist = 'dist';
const chunks = readdirSync(join(dist, 'chunks')).map((f) => join(dist, 'chunks', f));
const entry = readFileSync(join(dist, 'safety-chat.js'), 'utf8');
const all = [join(dist, 'safety-chat.js'), ...chunks].map((f) => [f, readFileSync(f, 'utf8')] as const);

describe('the built widget', () => {
  it('ships no YAML parser: content arrives compiled', () => {
    for (const [file, code] of all) {
      expect(code, file).not.toMatch(/YAMLParseError|LineCounter|parseDocument|Implicit keys of flow sequence/);
    }
  });

  it('uses no eval or Function constructor (strict CSP)', () => {
    for (const [file, code] of all) expect(code, file).not.toMatch(/\beval\(|new Function\(|Function\(["'`]/);
  });

  it('is a production build: no Lit dev-mode warnings', () => {
    for (const [file, code] of all) expect(code, file).not.toMatch(/Lit is in dev mode|dev mode/);
  });

  it('loads the panel, engine and content only on demand', () => {
    expect(entry).toMatch(/import\(["'`]\.\/chunks\/panel-[\w-]+\.js["'`]\)/);
    // No engine and no conversation in the entry: only the short message shown if the panel cannot load.
    expect(entry).not.toMatch(/createMachine|What would you like to do\?|Men's Advice Line|Childline/);
    // Once in English, and again only for a language with words of its own for it.
    const count = entry.match(/National Domestic Abuse Helpline/g)?.length ?? 0;
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(Object.keys(liveContent().languages).length);
  });

  it('writes nothing to storage, cookies or the network', () => {
    for (const [file, code] of all) {
      expect(code, file).not.toMatch(/localStorage|sessionStorage|document\.cookie|indexedDB|sendBeacon|XMLHttpRequest|WebSocket|serviceWorker|pushState|replaceState\(/);
      expect(code, file).not.toMatch(/[^.\w]fetch\(/);
    }
  });
});
