import type { Text } from '../engine/data.js';

/** The text in the person's language, falling back to English. */
export function inLang(text: Text, lang: string): string {
  return typeof text === 'string' ? text : (text[lang] ?? text.en ?? '');
}
