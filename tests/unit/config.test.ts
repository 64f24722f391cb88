import { describe, expect, it } from 'vitest';
import { defaultExitUrl, readConfig, type RawAttributes } from '../../src/element/config.js';

const areas = ['thanet', 'medway'];
function read(raw: RawAttributes) {
  const reports: [string, string][] = [];
  const config = readConfig(raw, { areas, languages: ['en'], report: (a, m) => reports.push([a, m]) });
  return { config, reports };
}

describe('readConfig', () => {
  it('uses defaults when nothing is set', () => {
    const { config, reports } = read({});
    expect(config).toEqual({ mode: 'launcher', area: null, audience: 'general', label: null, exitUrl: defaultExitUrl, lang: 'en', clearAfter: 10, preload: 'intent' });
    expect(reports).toEqual([]);
  });

  it('accepts every valid value, ignoring case and spaces', () => {
    const { config, reports } = read({ mode: ' Inline ', area: 'THANET', audience: 'young-people', label: '  Need   help? ', 'exit-url': 'https://example.org/x', lang: 'en', 'clear-after': '5' });
    expect(config).toMatchObject({ mode: 'inline', area: 'thanet', audience: 'young-people', label: 'Need help?', exitUrl: 'https://example.org/x', clearAfter: 5 });
    expect(reports).toEqual([]);
  });

  it.each([
    ['mode', 'popup', /mode="popup" is not allowed\. Allowed: launcher, inline/],
    ['area', 'kent', /area="kent" is not allowed\. Allowed: thanet, medway/],
    ['audience', 'kids', /Allowed: general, young-people/],
    ['lang', 'fr', /lang="fr".*Allowed: en/],
    ['exit-url', 'javascript:alert(1)', /exit-url=.*Allowed: a full https:\/\/ or http:\/\/ address/],
    ['exit-url', '/relative', /exit-url/],
    ['clear-after', '0', /clear-after.*from 1 to 120/],
    ['clear-after', '0.00001', /clear-after.*from 1 to 120/],
    ['clear-after', '0.5', /clear-after.*from 1 to 120/],
    ['clear-after', '121', /clear-after/],
    ['label', 'x'.repeat(61), /label="x+…" is not allowed. Allowed: plain text of 1 to 60 characters/],
    ['label', 'Help\u202Eevil', /direction-override/],
    ['preload', 'eager', /preload="eager" is not allowed\. Allowed: intent, idle/],
  ] as const)('reports %s=%s, naming the attribute and allowed values, and uses the default', (attr, value, message) => {
    const { config, reports } = read({ [attr]: value });
    expect(reports).toHaveLength(1);
    expect(reports[0]![0]).toBe(attr);
    expect(reports[0]![1]).toMatch(message);
    const defaults = read({}).config;
    expect(config).toEqual(defaults);
  });

  it('preload="idle" is accepted', () => {
    expect(read({ preload: ' IDLE ' }).config.preload).toBe('idle');
  });

  it('refuses an exit-url that is the page the widget is on, with or without a #fragment', () => {
    const here = 'https://council.example/help?x=1#top';
    for (const url of [here, 'https://council.example/help?x=1', 'https://council.example/help?x=1#other']) {
      const reports: [string, string][] = [];
      const config = readConfig({ 'exit-url': url }, { areas, languages: ['en'], report: (a, m) => reports.push([a, m]), here });
      expect(config.exitUrl, url).toBe(defaultExitUrl);
      expect(reports, url).toEqual([['exit-url', expect.stringMatching(/is this page itself, so quick exit would not leave it/)]]);
    }
    const other = readConfig({ 'exit-url': 'https://council.example/help?x=2' }, { areas, languages: ['en'], report: () => {}, here });
    expect(other.exitUrl).toBe('https://council.example/help?x=2');
  });

  it('clips long bad values in the message', () => {
    const { reports } = read({ mode: 'y'.repeat(10_000) });
    expect(reports[0]![1].length).toBeLessThan(200);
  });
});
