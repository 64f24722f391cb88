/** A service card: what it is, its contacts (each named with its action), and only what is known of it. */
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Service, Text } from '../../engine/data.js';
import { isOpen } from '../../engine/opening.js';
import { link } from './markup.js';

/** The panel's words, as the view functions use them. */
export interface Words {
  /** A widget string by its key. */
  t(key: string): string;
  /** Content text in the person's language. */
  text(t: Text): string;
  /** Content text with its markup. */
  rich(t: Text): TemplateResult[];
}

/**
 * A service's contact: what it shows, and a name that says what it does and with whom ("Call
 * National Domestic Abuse Helpline, 0808 2000 247"), starting with the action and ending with
 * the visible words, so speech control can still use them.
 */
function contact(w: Words, s: Service, c: Service['contacts'][number]): TemplateResult {
  const shown = c.label ? w.text(c.label) : c.show;
  const service = w.text(s.name);
  // The 999 card's name already is the number: "999" says it all.
  if (service.includes(shown)) return link(c.href, shown);
  const action = w.t({ phone: 'contactCall', text: 'contactText', web: 'contactWeb', chat: 'contactChat', email: 'contactEmail' }[c.type]).replace('{service}', service);
  return link(c.href, shown, `${action}, ${shown}`);
}

/** One service. It says only what it has: hours if known, "see their website" only with a website. */
export function card(w: Words, s: Service, key: string, urgent = false, wasHidden = false): TemplateResult {
  // The 999 card is short, so the call stays near the top of the reply.
  if (urgent)
    return html`<article class="card emergency" aria-labelledby=${`sc-card-${key}`}>
      <h3 id=${`sc-card-${key}`}>${w.text(s.name)}</h3>
      <ul class="contacts">
        ${s.contacts.map((c) => html`<li>${contact(w, s, c)}</li>`)}
      </ul>
      <p class="small">${w.text(s.about)}</p>
    </article>`;
  const phones = s.contacts.some((c) => c.type === 'phone' || c.type === 'text');
  const website = s.contacts.some((c) => c.type === 'web' || c.type === 'chat');
  const hours = s.hours ? w.text(s.hours) : website ? w.t('hoursUnknown') : '';
  // "Open now" or "Closed now", from the device's clock (never sent), and what to do when it is closed.
  const open = isOpen(s.opens, new Date());
  return html`<article class="card ${wasHidden ? 'was-hidden' : ''}" aria-labelledby=${`sc-card-${key}`} tabindex=${wasHidden ? '-1' : nothing}>
    <h4 id=${`sc-card-${key}`}>${w.text(s.name)}</h4>
    <p>${w.text(s.about)}</p>
    ${w.text(s.for) ? html`<p class="small">${w.text(s.for)}</p>` : nothing}
    <ul class="contacts">
      ${s.contacts.map((c) => html`<li>${contact(w, s, c)}</li>`)}
    </ul>
    ${hours ? html`<p class="small">${open === null ? '' : html`<strong>${w.t(open ? 'openNow' : 'closedNow')}</strong> `}${hours}</p>` : nothing}
    ${s.whenClosed ? html`<p class="small">${w.rich(s.whenClosed)}</p>` : nothing}
    ${phones ? html`<p class="small">${w.t('phoneNote')}</p>` : nothing}
    ${s.checked ? html`<p class="small">${w.t('checkedOn')}: ${month(s.checked, w.t('months'))}</p>` : nothing}
  </article>`;
}

/** "2026-11" → "November 2026", with month names from the content (no Intl start-up cost). */
function month(checked: string, months: string): string {
  const [y, m] = checked.split('-');
  return `${months.split(' ')[Number(m) - 1] ?? m} ${y}`;
}
