/**
 * The partner's own contacts (a `<script type="application/json">` child of
 * the element, or its `services` property), validated entry by entry. A bad
 * entry is dropped with a console.error naming the entry and the field; the
 * rest still show. Loaded only on pages that have partner contacts.
 */
import * as z from 'zod/mini';
import { toContact } from '../engine/contacts.js';
import type { Contact, Service } from '../engine/data.js';
import { unsafeChars, visible } from '../shared/plain-text.js';

// No eval probe: the widget must run under a strict Content-Security-Policy.
z.config({ jitless: true });

/** Plain text, as the element's attributes: something visible, no control or direction-override characters. */
const text = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((t) => visible(t), 'it has nothing visible'),
    z.refine((t) => !unsafeChars.test(t), 'it has control or direction-override characters'),
  );
const label = z.optional(text(60));
const Contact = z.discriminatedUnion('type', [
  z.strictObject({ type: z.enum(['phone', 'text']), number: text(20), label }),
  z.strictObject({ type: z.enum(['web', 'chat']), url: text(300), label }),
  z.strictObject({ type: z.literal('email'), address: text(200), label }),
]);
const Entry = z.strictObject({
  id: z.optional(text(60)),
  name: text(80),
  about: text(200),
  for: z.optional(text(120)),
  tags: z.optional(z.array(text(40))),
  contacts: z.array(Contact).check(z.minLength(1), z.maxLength(6)),
  hours: z.optional(text(120)),
  checked: z.optional(z.string().check(z.regex(/^20\d\d-(0[1-9]|1[0-2])$/))),
});

const fieldNames: Record<string, string> = { name: 'name', about: 'about', contacts: 'contacts' };

/** Valid partner services, first in every list of services they fit. */
export function parsePartnerServices(raw: unknown, report: (message: string) => void): Service[] {
  const entries = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Array.isArray((raw as { services?: unknown }).services) ? (raw as { services: unknown[] }).services : null;
  if (!entries) {
    report('partner contacts must be a list of services (a JSON array), in the same shape as flows/services.yaml. None are shown.');
    return [];
  }
  const out: Service[] = [];
  entries.slice(0, 20).forEach((entry, i) => {
    const result = z.safeParse(Entry, entry);
    const name = entry && typeof entry === 'object' && typeof (entry as { name?: unknown }).name === 'string' ? ` ("${(entry as { name: string }).name.slice(0, 40)}")` : '';
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.map(String).join('.') || 'the entry';
      report(`partner contact ${i + 1}${name} was dropped: field "${fieldNames[field] ?? field}" is not valid (${issue.message}). Needed: name, about and at least one contact of type phone, text, web, chat or email.`);
      return;
    }
    const e = result.data;
    let bad = '';
    const contacts = e.contacts.map((c, j) => {
      const contact = toContact(c, (m) => (bad ||= `contact ${j + 1} ${m}`));
      return contact && honestLabel(contact, (m) => report(`partner contact ${i + 1}${name}, contact ${j + 1}: ${m}`));
    });
    if (bad) {
      report(`partner contact ${i + 1}${name} was dropped: ${bad}`);
      return;
    }
    out.push({
      id: `partner-${i}`,
      name: e.name,
      about: e.about,
      for: e.for ?? '',
      tags: e.tags ?? [],
      areas: ['partner'],
      contacts: contacts.filter((c) => c !== undefined),
      ...(e.hours ? { hours: e.hours } : {}),
      checked: e.checked ?? '',
    });
  });
  if (entries.length > 20) report(`partner contacts: only the first 20 of ${entries.length} are shown.`);
  return out;
}

/**
 * A partner's label never hides where a contact goes: the real number or address is always shown
 * beside it, and a label that names another number or website is not used at all.
 */
export function honestLabel(c: Contact, report: (message: string) => void): Contact {
  if (typeof c.label !== 'string') return c;
  const { label, ...plain } = c;
  const digits = c.href.replace(/^(tel|sms):/, '');
  const numbers = label.replace(/(\d)[\s-]+(?=\d)/g, '$1').match(/\d{3,}/g) ?? [];
  if (numbers.some((n) => n !== digits)) {
    report(`the label "${label}" names a number that is not the contact's own (${c.show}), so the number is shown without it.`);
    return plain;
  }
  const host = c.type === 'web' || c.type === 'chat' ? new URL(c.href).hostname.replace(/^www\./, '') : '';
  const hostsNamed = label.toLowerCase().match(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/g) ?? [];
  if (hostsNamed.some((h) => h.replace(/^www\./, '') !== host && !host.endsWith(`.${h.replace(/^www\./, '')}`) && !(c.type === 'email' && c.show.toLowerCase().includes(h)))) {
    report(`the label "${label}" names a website or address that is not where the contact goes (${c.show}), so the address is shown without it.`);
    return plain;
  }
  return label.replace(/\s+/g, '').includes(c.show.replace(/\s+/g, '')) ? c : { ...c, label: `${label}: ${c.show}` };
}
