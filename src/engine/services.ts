/**
 * Which service cards a services node shows: local first (the person's
 * council, then county-wide), then national services that fit the topic and
 * the person; 999 first where danger may be immediate.
 */
import type { Audience, Content, Service } from './data.js';

export interface ServiceQuery {
  tags: readonly string[];
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
}

/** The coverage values that reach a place, most specific first. */
export function coverageFor(content: Content, area: string | null): string[] {
  const council = content.councils.find((c) => c.id === area);
  if (council) return [council.id, council.county, 'kent-and-medway'];
  // Not sure or not said: services that cover all of Kent and Medway still fit.
  if (area === 'not-sure' || area === 'not-said') return ['kent-and-medway'];
  return [];
}

export function selectServices(content: Content, q: ServiceQuery): ServiceSelection {
  const wanted = new Set(q.tags);
  if (q.audience === 'young-people') wanted.add('young-people');
  const fits = (s: Service) => s.tags.some((t) => wanted.has(t));
  const isEmergency = (s: Service) => s.tags.includes('emergency');
  const coverage = coverageFor(content, q.area);
  const rank = (s: Service) => Math.min(...s.areas.map((a) => (coverage.includes(a) ? coverage.indexOf(a) : Infinity)));

  return {
    emergency: q.emergency || wanted.has('emergency') ? content.services.filter(isEmergency) : [],
    local: [
      ...(q.partner ?? []).filter((s) => !s.tags.length || fits(s)),
      ...content.services.filter((s) => !isEmergency(s) && fits(s) && rank(s) < Infinity).sort((a, b) => rank(a) - rank(b)),
    ],
    national: content.services.filter((s) => !isEmergency(s) && fits(s) && s.areas.includes('national')),
  };
}
