import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAndCompile } from '../../src/content/compile.js';
import { isUkNumber } from '../../src/engine/contacts.js';
import type { Content } from '../../src/engine/data.js';
import { cardsShown, dependsOnArea, firstCards, selectServices } from '../../src/engine/services.js';
import { flowsDir } from './live-content.js';

const content = checkAndCompile(flowsDir).content as Content;
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('services for every council', () => {
  const kent = content.councils.filter((c) => c.county === 'kent');
  it('has 12 Kent districts and Medway', () => {
    expect(kent).toHaveLength(12);
    expect(content.councils.find((c) => c.id === 'medway')?.county).toBe('medway');
  });

  it.each(content.councils.map((c) => [c.id, c.county]))('%s: the council\'s own help, then the local line, then the national helplines', (area, county) => {
    const chosen = selectServices(content, { tags: ['everyone'], area, audience: 'general', emergency: true });
    expect(chosen.emergency[0]?.id).toBe('emergency');
    const local = ids(chosen.local);
    if (county === 'medway') {
      expect(local[0]).toBe('medway-domestic-abuse');
      expect(local).toContain('victim-support-kent-medway');
    } else {
      // The council's own help (if any) first, then the Kent and Medway line.
      const own = local.filter((id) => content.services.find((s) => s.id === id)!.areas.includes(area)).length;
      expect(local[own]).toBe('victim-support-kent-medway');
      expect(local).not.toContain('medway-domestic-abuse');
    }
    expect(ids(chosen.national)).toContain('national-helpline');
  });

  it('a man sees a line for men; every national line for honour-based abuse is on its list; a young person sees a line for young people', () => {
    const tagged = (tag: string) => content.services.filter((s) => s.areas.includes('national') && s.tags.includes(tag)).map((s) => s.id);
    const national = (tags: string[], audience: 'general' | 'young-people' = 'general') => ids(selectServices(content, { tags, area: 'dover', audience }).national);
    expect(tagged('men').length, 'the content has a national line for men').toBeGreaterThan(0);
    expect(national(['men']).some((id) => tagged('men').includes(id))).toBe(true);
    expect(tagged('honour-based-abuse').length).toBeGreaterThan(0);
    expect(national(['honour-based-abuse'])).toEqual(expect.arrayContaining(tagged('honour-based-abuse')));
    expect(national(['everyone'], 'young-people').some((id) => tagged('young-people').includes(id))).toBe(true);
  });

  it('outside Kent and Medway shows no local services, only national ones', () => {
    const chosen = selectServices(content, { tags: ['everyone'], area: 'outside', audience: 'general' });
    expect(chosen.local).toEqual([]);
    expect(ids(chosen.national)).toContain('national-helpline');
  });

  it('"not sure" and "prefer not to say" show the services that cover all of Kent and Medway', () => {
    for (const area of ['not-sure', 'not-said']) {
      const local = ids(selectServices(content, { tags: ['everyone'], area, audience: 'general' }).local);
      expect(local).toContain('victim-support-kent-medway');
      expect(local).not.toContain('medway-domestic-abuse');
    }
  });
});

describe('no one has to say who they are', () => {
  const generalNodes = Object.entries(content.nodes).filter(([, n]) => n.type === 'services' && n.tags.includes('everyone'));
  it('there are general lists to check', () => expect(generalNodes.length).toBeGreaterThan(5));

  it.each(content.councils.map((c) => c.id).concat(['not-sure', 'outside', 'not-said']))('%s: every general list shows the lines for men and for LGBT+ people among its first cards', (area) => {
    for (const [key, node] of generalNodes) {
      if (node.type !== 'services') continue;
      const first = firstCards(selectServices(content, { tags: node.tags, area, audience: 'general', emergency: !!node.emergency }));
      const shown = ids([...first.local, ...first.national]);
      for (const line of content.services.filter((s) => s.areas.includes('national') && (s.tags.includes('men') || s.tags.includes('lgbt')) && !s.tags.includes('everyone'))) {
        expect(shown, `${key} in ${area}`).toContain(line.id);
      }
    }
  });

  it('a list for LGBT+ people has the men\'s line too', () => {
    const national = ids(selectServices(content, { tags: ['lgbt', 'local'], area: 'canterbury', audience: 'general' }).national);
    expect(national[0]).toBe('galop');
    expect(national.slice(0, 3)).toContain('mens-advice-line');
  });
});

describe('focused lists', () => {
  it('the 999 card is the only emergency card; the text relay card ranks with the national lines', () => {
    const chosen = selectServices(content, { tags: ['emergency', 'everyone'], area: 'thanet', audience: 'general', emergency: true });
    expect(ids(chosen.emergency)).toEqual(['emergency']);
    expect(ids(chosen.national)).toContain('emergency-sms');
  });

  it(`shows at most ${cardsShown} cards at first, local before national, and counts the rest`, () => {
    const all = selectServices(content, { tags: ['friends-family', 'local'], area: 'tunbridge-wells', audience: 'general' });
    const first = firstCards(all);
    const total = all.local.length + all.national.length;
    expect(total).toBeGreaterThan(cardsShown);
    expect(first.local.length + first.national.length).toBe(cardsShown);
    expect(first.hidden).toBe(total - cardsShown);
    expect(first.local).toEqual(all.local.slice(0, first.local.length));
    expect(firstCards(all, true).hidden).toBe(0);
  });

  it(`no services screen, in any area, opens with more than ${cardsShown} cards besides the pinned lines for men and LGBT+ people`, () => {
    for (const [key, node] of Object.entries(content.nodes)) {
      if (node.type !== 'services') continue;
      for (const area of [...content.councils.map((c) => c.id), 'not-sure', 'outside', null]) {
        for (const audience of ['general', 'young-people'] as const) {
          const first = firstCards(selectServices(content, { tags: node.tags, area, audience, emergency: !!node.emergency }));
          const unpinned = [...first.local, ...first.national].filter((s) => !first.pinned.includes(s));
          expect(unpinned.length, `${key} ${area} ${audience}`).toBeLessThanOrEqual(cardsShown);
          expect(first.pinned.every((s) => s.tags.includes('men') || s.tags.includes('lgbt')), key).toBe(true);
        }
      }
    }
  });

  it('the lines that fit the screen\'s topic come before the general lines', () => {
    for (const topic of [['forced-marriage', 'honour-based-abuse'], ['older-people']]) {
      const national = selectServices(content, { tags: [...topic, 'local'], area: 'dover', audience: 'general' }).national;
      const fits = national.map((s) => s.tags.some((t) => topic.includes(t)));
      expect(fits[0], `${topic}: a line for the topic comes first`).toBe(true);
      // Once the general lines start, no line for the topic comes after them.
      expect(fits.slice(fits.indexOf(false) < 0 ? fits.length : fits.indexOf(false)), topic.join(' ')).not.toContain(true);
    }
  });

  it('a young person\'s list starts with Childline', () => {
    expect(ids(selectServices(content, { tags: ['young-people'], area: null, audience: 'young-people' }).national)[0]).toBe('childline');
  });
});

describe('the area is asked only where it changes the list', () => {
  it('not for the own-behaviour line, a young person\'s list or crisis lines', () => {
    for (const tags of [['own-behaviour'], ['crisis'], ['young-people'], ['tech']]) {
      expect(dependsOnArea(content, { tags, audience: tags[0] === 'young-people' ? 'young-people' : 'general' }), tags.join()).toBe(false);
    }
  });

  it('for general lists, where Medway has its own service', () => {
    expect(dependsOnArea(content, { tags: ['everyone'], audience: 'general' })).toBe(true);
  });

  it('when the area is not asked, services for all of Kent and Medway still show', () => {
    expect(ids(selectServices(content, { tags: ['everyone'], area: null, audience: 'general' }).local)).toContain('victim-support-kent-medway');
  });
});

describe('numbers and links', () => {
  const numbers = new Set(content.services.flatMap((s) => s.contacts.filter((c) => c.type === 'phone' || c.type === 'text').map((c) => c.href.replace(/^(tel|sms):/, ''))));

  it('every tel: and sms: link is a valid UK number, digits only', () => {
    for (const s of content.services) for (const c of s.contacts) {
      if (c.type === 'phone') expect(c.href, s.id).toMatch(/^tel:\d+$/);
      if (c.type === 'text') expect(c.href, s.id).toMatch(/^sms:\d+$/);
      if (c.type === 'phone' || c.type === 'text') expect(isUkNumber(c.href.slice(4)), s.id).toBe(true);
      if (c.type === 'web' || c.type === 'chat') expect(c.href, s.id).toMatch(/^https:\/\//);
      if (c.type === 'email') expect(c.href, s.id).toMatch(/^mailto:[^@\s]+@[^@\s]+$/);
    }
  });

  it('never shows the misprinted 0808 16 99 111', () => {
    expect(numbers.has('08081699111')).toBe(false);
    expect(JSON.stringify(content)).not.toMatch(/0808\s?16\s?99\s?111|08081699111/);
  });

  it('no flow file contains a phone number that is not in the services data', () => {
    for (const file of readdirSync(flowsDir).filter((f) => f.endsWith('.yaml') && f !== 'services.yaml' && f !== 'places.yaml')) {
      const text = readFileSync(`${flowsDir}/${file}`, 'utf8').replace(/^\s*#.*$/gm, '');
      for (const m of text.matchAll(/(?<![\w-])0\d[\d ]{7,12}\d(?![\w-])/g)) {
        expect(numbers.has(m[0].replace(/ /g, '')), `${file}: ${m[0]}`).toBe(true);
      }
    }
    // And the compiled content shows none outside tokens: numbers appear only through {phone:…}.
    const texts = JSON.stringify(content.nodes);
    expect(texts.match(/0\d{3} ?\d{3} ?\d{3,4}/g) ?? []).toEqual([]);
  });

  it('every service carries where its facts come from and when they were checked', () => {
    const raw = readFileSync(`${flowsDir}/services.yaml`, 'utf8');
    const blocks = raw.split(/\n  - id: /).slice(1);
    expect(blocks.length).toBe(content.services.length);
    for (const b of blocks) {
      expect(b, b.split('\n')[0]).toMatch(/\n    source: .{3,}/);
      expect(b, b.split('\n')[0]).toMatch(/\n    checked: 20\d\d-\d\d/);
    }
  });
});
