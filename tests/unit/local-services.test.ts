/**
 * Each area's own help: what a person in each of the 13 council areas (and "not sure", "outside",
 * "prefer not to say") finds on the lists that matter, and the Kent line's opening times worked
 * out with a fixed clock. These are rules over the shipped content, not today's exact lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAndCompile } from '../../src/content/compile.js';
import type { Content } from '../../src/engine/data.js';
import { isOpen, ukTime } from '../../src/engine/opening.js';
import { readSources, servicesReport } from '../../src/content/report.js';
import { selectServices } from '../../src/engine/services.js';
import { editedCopy, flowsDir } from './live-content.js';

const content = checkAndCompile(flowsDir).content as Content;
const ids = (list: { id: string }[]) => list.map((s) => s.id);
const kentLine = content.services.find((s) => s.id === 'victim-support-kent-medway')!;
const local = (tags: string[], area: string | null) => ids(selectServices(content, { tags, area, audience: 'general' }).local);
const housing = (area: string) => content.services.filter((s) => s.tags.includes('housing') && s.areas.includes(area));
const named = (area: string) => content.localNames.filter((n) => n.area === area);

describe('what each area sees', () => {
  it.each(content.councils.map((c) => [c.id, c.county]))('%s: its own local help first, the Kent and Medway line, and the national lines', (area, county) => {
    const list = local(['local', 'everyone'], area);
    expect(list).toContain('victim-support-kent-medway');
    if (county === 'medway') expect(list[0]).toBe('medway-domestic-abuse');
    else expect(list).not.toContain('medway-domestic-abuse');
    // Council-only services come before county-wide ones.
    const reach = list.map((id) => (content.services.find((s) => s.id === id)!.areas.includes(area) ? 0 : 1));
    expect([...reach].sort()).toEqual(reach);
    // On a housing list, the council's own housing help where the brief confirms one.
    const house = local(['housing', 'local', 'everyone'], area);
    for (const s of housing(area)) expect(house[0]).toBe(s.id);
  });

  it.each(['not-sure', 'not-said'])('%s: the services for all of Kent and Medway, and no council\'s own', (area) => {
    const list = local(['housing', 'local', 'everyone'], area);
    expect(list).toContain('victim-support-kent-medway');
    for (const id of list) expect(content.services.find((s) => s.id === id)!.areas).toContain('kent-and-medway');
  });

  it('outside Kent and Medway: no local services, the national lines still', () => {
    expect(local(['housing', 'local', 'everyone'], 'outside')).toEqual([]);
    expect(ids(selectServices(content, { tags: ['local', 'everyone'], area: 'outside', audience: 'general' }).national)).toContain('national-helpline');
  });

  it('no two Kent districts see the same local help where they have different help', () => {
    const kent = content.councils.filter((c) => c.county === 'kent').map((c) => c.id);
    const seen = (area: string) => JSON.stringify([local(['local', 'everyone'], area), local(['housing', 'local', 'everyone'], area), named(area).map((n) => n.say)]);
    const own = (area: string) => content.services.some((s) => s.areas.includes(area)) || named(area).length > 0;
    for (const a of kent) for (const b of kent) if (a < b && (own(a) || own(b))) expect(seen(a), `${a} and ${b}`).not.toBe(seen(b));
  });

  it('the councils with a confirmed housing contact each have one card; local charities are named only where confirmed', () => {
    expect(content.councils.filter((c) => housing(c.id).length === 1).map((c) => c.id).sort()).toEqual(['ashford', 'dartford', 'folkestone-and-hythe', 'gravesham', 'maidstone', 'tonbridge-and-malling', 'tunbridge-wells']);
    expect(content.localNames.map((n) => n.area).sort()).toEqual(['canterbury', 'medway', 'thanet', 'tunbridge-wells']);
    expect(local(['local', 'everyone'], 'swale')).toContain('sateda');
  });
});

describe('the new national services are where they help', () => {
  const national = (tags: string[], audience: 'general' | 'young-people' = 'general') => ids(selectServices(content, { tags, area: 'thanet', audience }).national);
  const screen = (key: string) => {
    const n = content.nodes[key]!;
    if (n.type !== 'services') throw new Error(`${key} is not a services screen`);
    return n.tags;
  };
  it.each([
    ['abuse/online-help', 'revenge-porn-helpline'],
    ['abuse/sexual-help', 'revenge-porn-helpline'],
    ['abuse/child-to-parent-help', 'pegs'],
    ['abuse/money-help', 'surviving-economic-abuse'],
    ['abuse/systems-help', 'migrant-victims-concession'],
  ])('%s shows %s', (key, id) => expect(national(screen(key))).toContain(id));

  it('young people find Report Remove and Childline\'s online chat', () => {
    expect(national(screen('young/support'), 'young-people')).toEqual(expect.arrayContaining(['childline', 'report-remove']));
    expect(content.services.find((s) => s.id === 'childline')!.contacts.some((c) => c.type === 'chat' && c.href.startsWith('https://www.childline.org.uk'))).toBe(true);
  });

  it('18000 is labelled as needing a textphone or the Relay UK app', () => {
    const relay = content.services.flatMap((s) => s.contacts).filter((c) => c.href === 'tel:18000');
    expect(relay.length).toBeGreaterThan(0);
    for (const c of relay) expect(JSON.stringify(c.label)).toMatch(/textphone or the Relay UK app/);
  });
});

describe('the Kent line, honestly timed (UK time, fixed clock)', () => {
  // Monday 7 December 2026 (GMT), Sunday 6 December 2026.
  it('is open at 9am on a Monday', () => expect(isOpen(kentLine.opens, new Date('2026-12-07T09:00:00Z'))).toBe(true));
  it('is closed at 9pm on a Monday', () => expect(isOpen(kentLine.opens, new Date('2026-12-07T21:00:00Z'))).toBe(false));
  it('is closed at noon on a Sunday', () => expect(isOpen(kentLine.opens, new Date('2026-12-06T12:00:00Z'))).toBe(false));
  it('reads UK summer time: 8.30am BST on a Monday in July is open, 7.30am is not', () => {
    expect(isOpen(kentLine.opens, new Date('2026-07-06T07:30:00Z'))).toBe(true);
    expect(isOpen(kentLine.opens, new Date('2026-07-06T06:30:00Z'))).toBe(false);
  });
  it('says what to do when it is closed: the 24/7 line and its chat', () => {
    expect(JSON.stringify(kentLine.whenClosed)).toMatch(/\{phone:victim-support-247\}.*\{web:victim-support-247\}/);
  });
  it('tells UK time as the time-zone database does, every half hour from 2024 to 2031, across every change of the clocks', () => {
    const uk = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const days: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
    let checked = 0;
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2031, 0, 1); t += 30 * 60_000) {
      const at = new Date(t);
      const parts = Object.fromEntries(uk.formatToParts(at).map((p) => [p.type, p.value]));
      const expected = { day: days[parts.weekday!], minutes: Number(parts.hour) * 60 + Number(parts.minute) };
      const got = ukTime(at);
      if (got?.day !== expected.day || got.minutes !== expected.minutes) expect({ at: at.toISOString(), got }).toEqual({ at: at.toISOString(), got: expected });
      checked++;
    }
    expect(checked).toBe(122_736);
  });
  it('knows nothing when the time is unknown', () => {
    expect(ukTime(new Date('nonsense'))).toBe(null);
    expect(isOpen(undefined, new Date())).toBe(null);
  });
});

describe('the editors\' services report', () => {
  // Generated from flows/ itself: an edited copy (the editing test) has no docs of its own.
  it.skipIf(editedCopy)('docs/services.md and docs/areas.md are up to date with flows/ (run npm run services:report after editing)', () => {
    const { services, areas } = servicesReport(content, readSources(flowsDir));
    expect(readFileSync('docs/services.md', 'utf8'), 'docs/services.md is out of date: run npm run services:report').toBe(services);
    expect(readFileSync('docs/areas.md', 'utf8'), 'docs/areas.md is out of date: run npm run services:report').toBe(areas);
  });

  it('lists every service, with its source and checked month, on at least one screen', () => {
    const { services } = servicesReport(content, readSources(flowsDir));
    for (const s of content.services) expect(services, s.id).toContain(`(\`${s.id}\`)`);
    expect(services).not.toContain('**no screen**');
  });
});

describe('every contact matches the brief', () => {
  const briefPath = '../shared/brief/services.md';
  const hasBrief = existsSync(briefPath);
  if (!hasBrief) console.warn(`Skipping "every contact matches the brief": ${briefPath} is not beside the project.`);
  const brief = hasBrief ? readFileSync(briefPath, 'utf8') : '';
  const digits = brief.replace(/(\d)[ -](?=\d)/g, '$1');
  const plain = (url: string) => url.replace(/^https:\/\//, '').replace(/^www\./, '').replace(/\/$/, '');
  const briefText = brief.replace(/https:\/\//g, '').replace(/www\./g, '');

  it.runIf(hasBrief)('each phone number, web address and email in flows/services.yaml is one the brief gives', () => {
    for (const s of content.services) {
      for (const c of s.contacts) {
        if (c.type === 'phone' || c.type === 'text') expect(digits, `${s.id}: ${c.show}`).toContain(c.href.replace(/^(tel|sms):/, ''));
        else if (c.type === 'email') expect(brief, `${s.id}: ${c.show}`).toContain(c.href.replace(/^mailto:/, ''));
        else expect(briefText, `${s.id}: ${c.href}`).toContain(plain(c.href));
      }
    }
  });
});
