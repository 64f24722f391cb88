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
  'a an and the my me i is it of to in on at he she him they them you your what how do does did about with for someone im am be are us his her their keeps being was were has have had will would can could this that there so if or but not no just really very by'.split(' '),
);

/** Words as typed, stop words kept: for phrases such as "hit me", and for who is doing what to whom. */
const tokens = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9' ]+/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/'s$|'/g, ''))
    .filter(Boolean);

const words = (text: string) => tokens(text).filter((w) => w.length > 1 && !stopWords.has(w));

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

/** Is every word of the keyword, stop words too, typed in a row (any tense: "hitting me" says "hit me")? */
const says = (typed: readonly string[], keyword: string) => {
  const k = tokens(keyword).map(stem);
  return k.length > 0 && typed.some((_, i) => k.every((w, j) => i + j < typed.length && stem(typed[i + j]!) === w));
};

const someoneElse = /^(he|she|they|someone|somebody)$/;
const family = /^(partner|husband|wife|boyfriend|girlfriend|bf|gf|ex|fiancee?|spouse|dad|father|mum|mom|mother|stepdad|stepmum|son|daughter|brother|sister|parent|carer|uncle|aunt|cousin)s?$/;
const harming = /^(hit|hurt|push|shov|slap|punch|kick|beat|chok|strangl|grab|threat|shout|yell|scream|control|abus|bull|attack|smash|throw|threw)/;

/** "got hit", "was hurt", "being pushed": done to me. ("was hitting" is not.) */
const doneTo = (before: string, verb: string) => /^(being|been|get|gets|got|getting|feel|felt)$/.test(before) || (/^(am|im|was|were)$/.test(before) && !/ing$/.test(verb));

/**
 * A victim's words: someone else ("he", "she", "my partner"…) does something
 * to me ("me", "my", "us" after them), or it is done to me ("I got hit"), and
 * "I" am never the one hurting ("I hit him", "I was shouting at her").
 */
function victimsWords(t: readonly string[]): boolean {
  const person = (i: number) => (someoneElse.test(t[i]!) ? 1 : /^(my|our)$/.test(t[i]!) && family.test(t[i + 1] ?? '') ? 2 : 0);
  let toMe = false;
  let byMe = false;
  t.forEach((w, i) => {
    const n = person(i);
    if (n && t.slice(i + n).some((v) => /^(me|myself|my|us)$/.test(v))) toMe = true;
    // What "I" do: the next three words, up to the next person ("I think he hits me" is his doing).
    if (!/^(i|im|ive|id)$/.test(w)) return;
    for (let j = i + 1; j <= i + 3 && j < t.length && !person(j); j++) {
      if (!harming.test(t[j]!)) continue;
      if (doneTo(t[j - 1]!, t[j]!)) toMe = true;
      else byMe = true;
    }
  });
  return toMe && !byMe;
}

/** The own-behaviour route is for people worried about hurting someone: known by its flow, so its topics need no flag. */
const ownBehaviour = (node: NodeKey) => node.startsWith('own-behaviour/');

/**
 * The best-matching topics, best first (at most `limit`). An `urgent` topic
 * whose keywords are typed (a word, or a phrase word for word) comes first;
 * for a victim's words, own-behaviour topics come after all the rest.
 */
export function findTopics(query: string, topics: readonly Topic[], limit = 5): NodeKey[] {
  if (typeof query !== 'string') return [];
  const typed = words(query.slice(0, 200));
  if (!typed.length) return [];
  const raw = tokens(query.slice(0, 200));
  const victim = victimsWords(raw);
  const rank = (t: Topic) => (t.urgent && t.words.some((k) => says(raw, k)) ? 0 : victim && ownBehaviour(t.node) ? 2 : 1);
  const phrase = typed.join(' ');
  const perTopic = topics.map((t) => {
    const keywords = t.words.flatMap((k) => (/[ -]/.test(k) ? [k.replace(/[ -]/g, ''), ...words(k)] : [k]));
    return {
      node: t.node,
      rank: rank(t),
      scores: typed.map((w) => Math.max(0, ...keywords.map((k) => wordScore(w, k)))),
      // A typed phrase that is a whole multi-word keyword ("tracking app") counts extra.
      phrase: typed.length > 1 && t.words.some((k) => words(k).join(' ') === phrase) ? 3 : 0,
    };
  });
  // A word that matches many topics ("partner", "help") says less than one that matches few.
  const spread = typed.map((_, i) => perTopic.filter((t) => t.scores[i]! > 0).length);
  return perTopic
    .map((t, order) => ({ node: t.node, rank: t.rank, order, score: t.phrase + t.scores.reduce((sum, s, i) => sum + (s ? s / Math.sqrt(spread[i]!) : 0), 0) }))
    .filter((s) => s.score > 0 || s.rank === 0)
    .sort((a, b) => a.rank - b.rank || b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.node);
}
