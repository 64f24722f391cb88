/**
 * The topic finder: matches what a person types against topic keywords, in
 * the browser only. Forgiving of case, punctuation, plurals and small typos.
 * A pure function: the query is never kept.
 */
import { allowedEdits, editDistance } from './area-lookup.js';
import type { NodeKey, Topic } from './data.js';

const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/'s$|'/g, ''))
    .filter((w) => w.length > 1 && !stopWords.has(w));

/** Words that say nothing about a topic. */
const stopWords = new Set(['a', 'an', 'and', 'the', 'my', 'me', 'i', 'is', 'it', 'of', 'to', 'in', 'on', 'at', 'he', 'she', 'they', 'what', 'how', 'do', 'does', 'about', 'with', 'for', 'someone', 'im', 'am', 'be', 'are', 'me', 'us', 'his', 'her', 'their', 'keeps', 'being']);

/** A rough English stem, so "phones", "phoning" and "phoned" meet "phone". */
export const stem = (w: string) => w.replace(/(ing|ed|es|s)$/, '');

/** Keywords without the ones that add nothing (same stem as a shorter one): smaller content, same matches. */
export function compactKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(keywords.map((k) => k.trim().toLowerCase()))]
    .sort((a, b) => a.length - b.length)
    .filter((k) => {
      const key = k.includes(' ') ? k : stem(k);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function wordMatches(typed: string, keyword: string): number {
  if (typed === keyword) return 3;
  if (typed.length >= 4 && stem(typed) === stem(keyword)) return 2;
  if (typed.length >= 4 && keyword.startsWith(typed)) return 1;
  const edits = allowedEdits(Math.min(typed.length, keyword.length));
  return edits && editDistance(typed, keyword, edits) <= edits ? 1 : 0;
}

/** The best-matching topics, best first (at most `limit`). */
export function findTopics(query: string, topics: readonly Topic[], limit = 5): NodeKey[] {
  if (typeof query !== 'string') return [];
  const typed = words(query.slice(0, 200));
  if (!typed.length) return [];
  const scored = topics.map((t, order) => {
    const keywords = t.words.flatMap((k) => (k.includes(' ') ? [k.replace(/ /g, ''), ...words(k)] : [k]));
    let score = 0;
    for (const w of typed) score += Math.max(0, ...keywords.map((k) => wordMatches(w, k)));
    // A typed phrase that equals a multi-word keyword ("tracking app") counts extra.
    const phrase = typed.join(' ');
    if (t.words.includes(phrase) && typed.length > 1) score += 3;
    return { node: t.node, score, order };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.node);
}
