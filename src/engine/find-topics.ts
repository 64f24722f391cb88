/**
 * The topic finder: matches what a person types against topic keywords, in
 * the browser only. Forgiving of case, punctuation, plurals, tenses and
 * small typos; words that many topics share count for less. A pure function:
 * the query is never kept.
 */
import { allowedEdits, editDistance } from './area-lookup.js';
import type { NodeKey, Topic } from './data.js';

/** Words that say nothing about a topic. */
const stopWords = new Set(
  'a an and the my me i is it of to in on at he she him they them you your what how do does did about with for someone im am be are us his her their keeps being was were has have had will would can could this that there so if or but not no just really very'.split(' '),
);

const words = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/'s$|'/g, ''))
    .filter((w) => w.length > 1 && !stopWords.has(w));

/** A rough English stem, so "phones", "phoned", "slapped", "leaving" and "abused" meet their root. */
export function stem(word: string): string {
  let s = word.replace(/ies$/, 'y').replace(/(ing|ed|es|s)$/, '');
  if (s.length < 3) s = word;
  s = s.replace(/([b-df-hj-np-tv-z])\1$/, '$1');
  return s.length > 3 ? s.replace(/e$/, '') : s;
}

/** Keywords less those another keyword already covers (the same stems). */
export function compactKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  return keywords.filter((k) => {
    const key = k.split(/[ -]/).map(stem).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function wordScore(typed: string, keyword: string): number {
  if (typed === keyword) return 3;
  const [a, b] = [stem(typed), stem(keyword)];
  if (a === b) return 2.5;
  if (typed.length >= 4 && keyword.startsWith(typed)) return 1;
  const edits = allowedEdits(Math.min(typed.length, keyword.length));
  return edits && (editDistance(typed, keyword, edits) <= edits || editDistance(a, b, edits) <= edits) ? 1.5 : 0;
}

/** The best-matching topics, best first (at most `limit`). */
export function findTopics(query: string, topics: readonly Topic[], limit = 5): NodeKey[] {
  if (typeof query !== 'string') return [];
  const typed = words(query.slice(0, 200));
  if (!typed.length) return [];
  const phrase = typed.join(' ');
  const perTopic = topics.map((t) => {
    const keywords = t.words.flatMap((k) => (/[ -]/.test(k) ? [k.replace(/[ -]/g, ''), ...words(k)] : [k]));
    return {
      node: t.node,
      scores: typed.map((w) => Math.max(0, ...keywords.map((k) => wordScore(w, k)))),
      // A typed phrase that is a whole multi-word keyword ("tracking app") counts extra.
      phrase: typed.length > 1 && t.words.some((k) => words(k).join(' ') === phrase) ? 3 : 0,
    };
  });
  // A word that matches many topics ("partner", "help") says less than one that matches few.
  const spread = typed.map((_, i) => perTopic.filter((t) => t.scores[i]! > 0).length);
  return perTopic
    .map((t, order) => ({ node: t.node, order, score: t.phrase + t.scores.reduce((sum, s, i) => sum + (s ? s / Math.sqrt(spread[i]!) : 0), 0) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.node);
}
