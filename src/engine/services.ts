/**
 * Which service cards a services node shows, in the order a person needs them: 999 first where
 * danger may be immediate, then local help (the partner's own contacts, the person's council,
 * the county, all of Kent and Medway), then the national lines: those that fit the topic of the
 * screen first, then the general lines, in the order `flows/services.yaml` lists them.
 */
import type { Audience, Content, Service } from './data.js';

export interface ServiceQuery {
  tags: readonly string[];
  /** A council id, `not-sure`, `outside` or `not-said`; null when the person has not been asked. */
  area: string | null;
  audience: Audience;
  emergency?: boolean;
  /** The partner's own contacts: shown first, where their tags fit (or they have none). */
  partner?: readonly Service[];
}

export interface ServiceSelection {
  emergency: Service[];
  local: Service[];
  national: Service[];
  /** Lines that are always among the first cards: on general lists, those for men and for LGBT+ people. */
  pinned: Service[];
}

/** How many cards a screen shows before "Show more services" (the 999 card is not counted). */
export const cardsShown = 6;

/**
 * Tags that always bring others along. A person should never have to say who they are to see
 * the lines for men and for LGBT+ people: every general list has them, and a list for LGBT+
 * people has the men's line too (gay, bi and trans men look for it there).
 */
const alwaysWith: Record<string, readonly string[]> = {
  everyone: ['men', 'lgbt'],
  lgbt: ['men'],
};

/** Tags that say who a list is for in general, rather than what the screen is about. */
const generalTags = new Set(['everyone', 'local', 'emergency']);

/** The coverage values that reach a place, most specific first. */
export function coverageFor(content: Content, area: string | null): string[] {
  const council = content.councils.find((c) => c.id === area);
  if (council) return [council.id, council.county, 'kent-and-medway'];
  if (area === 'outside') return [];
  // Not sure, not said, or not asked: services that cover all of Kent and Medway still fit.
  return ['kent-and-medway'];
}

const isEmergency = (s: Service) => s.tags.includes('emergency');
/** The 999 card: the emergency service for everyone (the text relay card is for deaf people). */
const is999 = (s: Service) => isEmergency(s) && s.contacts.some((c) => c.href === 'tel:999' && c.type === 'phone');

/**
 * The tags a list takes in: `asked` are the screen's own (and the young people's tag for them);
 * `topical` says what the screen is about; `nearTopic` comes along with a topical tag.
 */
function wantedTags(q: Pick<ServiceQuery, 'tags' | 'audience'>) {
  const topical = new Set(q.tags.filter((t) => !generalTags.has(t)));
  if (q.audience === 'young-people') topical.add('young-people');
  const asked = new Set([...q.tags, ...topical]);
  const wanted = new Set(asked);
  const nearTopic = new Set<string>();
  for (const t of asked) for (const w of alwaysWith[t] ?? []) (topical.has(t) ? nearTopic : wanted).add(w);
  for (const t of nearTopic) wanted.add(t);
  return { asked, wanted, topical, nearTopic };
}

export function selectServices(content: Content, q: ServiceQuery): ServiceSelection {
  const { asked, wanted, topical, nearTopic } = wantedTags(q);
  const fits = (s: Service) => s.tags.some((t) => wanted.has(t));
  const onTopic = (s: Service) => (s.tags.some((t) => topical.has(t)) ? 2 : s.tags.some((t) => nearTopic.has(t)) ? 1 : 0);
  const coverage = coverageFor(content, q.area);
  const reach = (s: Service) => Math.min(...s.areas.map((a) => (coverage.includes(a) ? coverage.indexOf(a) : Infinity)));
  // Within one reach, domestic abuse support comes before the police's non-emergency line.
  const localRank = (s: Service) => reach(s) * 2 + (s.tags.includes('local') ? 0 : 1);
  const others = content.services.filter((s) => !is999(s) && fits(s));

  const local = [
    ...(q.partner ?? []).filter((s) => !s.tags.length || fits(s)),
    ...others.filter((s) => !isEmergency(s) && reach(s) < Infinity).sort((a, b) => localRank(a) - localRank(b)),
  ];
  const national = others
    .filter((s) => s.areas.includes('national'))
    .sort((a, b) => onTopic(b) - onTopic(a) || Number(isEmergency(a)) - Number(isEmergency(b)));
  return {
    emergency: q.emergency || q.tags.includes('emergency') ? content.services.filter(is999) : [],
    local,
    national,
    // The lines only the "always with" rule brought in: never left behind "Show more".
    pinned: national.filter((s) => !s.tags.some((t) => asked.has(t))),
  };
}

/**
 * Whether the person's area changes what this screen shows: some service that fits is for one
 * council or one county, not only for all of Kent and Medway or the whole country. Where it
 * changes nothing the area is not asked.
 */
export function dependsOnArea(content: Content, q: Omit<ServiceQuery, 'area' | 'partner'>): boolean {
  const { wanted } = wantedTags(q);
  return content.services.some((s) => !isEmergency(s) && s.tags.some((t) => wanted.has(t)) && s.areas.some((a) => a !== 'national' && a !== 'kent-and-medway'));
}

/**
 * The cards shown at first: the first `cardsShown` in rank (local before national), and the
 * pinned lines wherever they rank; how many wait behind "Show more services".
 */
export function firstCards(selection: ServiceSelection, all = false): ServiceSelection & { hidden: number } {
  if (all) return { ...selection, hidden: 0 };
  const local = selection.local.slice(0, cardsShown);
  const room = cardsShown - local.length;
  const national = selection.national.filter((s, i) => i < room || selection.pinned.includes(s));
  return { ...selection, local, national, hidden: selection.local.length + selection.national.length - local.length - national.length };
}
