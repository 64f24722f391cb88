/**
 * The little the launcher needs before the panel loads, built from the compiled content: its
 * words, and the could-not-open message with every number resolved from the services data (the
 * launcher has no markup parser, and a number is never typed twice).
 */
import type { Content, LauncherConfig, LauncherSegment } from '../engine/data.js';
import { parseMarkup } from '../engine/markup.js';
import { inLang } from '../shared/text.js';

export function launcherConfig(content: Content): LauncherConfig {
  const s = content.strings;
  const unavailable: Record<string, LauncherSegment[]> = {};
  // A language without its own words falls back to English in the element: not sent twice.
  unavailable.en = resolve(inLang(s.unavailable!, 'en'), content, 'en');
  for (const lang of Object.keys(content.languages)) {
    const words = resolve(inLang(s.unavailable!, lang), content, lang);
    if (JSON.stringify(words) !== JSON.stringify(unavailable.en)) unavailable[lang] = words;
  }
  return {
    areas: content.councils.map((c) => c.id),
    languages: Object.keys(content.languages),
    strings: { launcher: s.launcher!, exiting: s.exiting!, exit: s.exit!, close: s.close!, unavailableRetry: s.unavailableRetry!, exitStuck: s.exitStuck!, exitStuckLink: s.exitStuckLink! },
    unavailable,
  };
}

function resolve(text: string, content: Content, lang: string): LauncherSegment[] {
  const out: LauncherSegment[] = [];
  const add = (seg: LauncherSegment) => (typeof seg === 'string' && typeof out.at(-1) === 'string' ? (out[out.length - 1] += seg) : out.push(seg));
  for (const seg of parseMarkup(text)) {
    if (seg.kind !== 'token') {
      // 999 in the words becomes a link too: the one number a person in danger needs first.
      seg.text.split(/\b(999)\b/).forEach((part, i) => part && add(i % 2 ? { tel: 'tel:999', show: '999' } : part));
      continue;
    }
    const service = content.services.find((x) => x.id === seg.service)!;
    if (seg.token === 'name') add(inLang(service.name, lang));
    else {
      const contact = service.contacts.find((c) => c.type === seg.token)!;
      add(contact.type === 'phone' || contact.type === 'text' ? { tel: contact.href, show: contact.show } : contact.show);
    }
  }
  return out;
}
