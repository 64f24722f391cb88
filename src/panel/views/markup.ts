/** Content text drawn as DOM nodes (never HTML strings): the tiny markup, and links that leave no referrer. */
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Content, Text } from '../../engine/data.js';
import { parseMarkup } from '../../engine/markup.js';

/** A link: web addresses open in a new tab with no referrer; `name` is its accessible name where the words alone are not enough. */
export function link(href: string, label: string, name?: string): TemplateResult {
  return href.startsWith('https:')
    ? html`<a href=${href} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer" aria-label=${name ?? nothing}>${label}</a>`
    : html`<a href=${href} aria-label=${name ?? nothing}>${label}</a>`;
}

/** Text with the content markup (*em*, **strong**, {phone:service} and the like), in the person's language. */
export function richText(content: Content, t: Text, text: (t: Text) => string): TemplateResult[] {
  return parseMarkup(text(t)).map((seg) => {
    if (seg.kind === 'text') return html`${seg.text}`;
    if (seg.kind === 'em') return html`<em>${seg.text}</em>`;
    if (seg.kind !== 'token') return html`<strong>${seg.text}</strong>`;
    const service = content.services.find((s) => s.id === seg.service);
    if (!service) return html``;
    if (seg.token === 'name') return html`${text(service.name)}`;
    const contact = service.contacts.find((c) => c.type === seg.token || (seg.token === 'web' && c.type === 'chat'));
    return contact ? link(contact.href, contact.show) : html``;
  });
}
