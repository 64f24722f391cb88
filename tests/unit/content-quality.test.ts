/**
 * Content quality: every word a person can see (messages, answers, service
 * cards and the widget's own words) is short, plain and free of blaming or
 * unsafe phrasing.
 *
 *   npx vitest run tests/unit/content-quality.test.ts
 *   FLOWS_DIR=/path/to/flows npx vitest run tests/unit/content-quality.test.ts
 */
import { describe, it, expect } from 'vitest';
import { checkAndCompile } from '../../src/content/compile.js';
import { formatProblem } from '../../src/content/problems.js';
import type { Content, Text } from '../../src/engine/data.js';
import { bannedPhrases, victimFacing } from './words.js';
import { flowsDir } from './live-content.js';

const dir = flowsDir;
const report = checkAndCompile(dir);

/** Longest message, in words. A token such as {phone:x} counts as one word. */
const maxWords = 40;
/** Minimum Flesch reading ease: the young people's route, and everything else. */
const minYoung = 70;
const minGeneral = 60;
const youngFlow = 'young';

interface Seen {
  /** Where the text is, for failure messages: `abuse/start, message 2`. */
  where: string;
  /** The flow it belongs to, or undefined for service cards and widget words. */
  flow?: string;
  lang: string;
  text: string;
}

function languagesOf(text: Text): [string, string][] {
  return typeof text === 'string' ? [['en', text]] : Object.entries(text);
}

/** Every text a person can see, with where it comes from. */
function seenTexts(content: Content): Seen[] {
  const out: Seen[] = [];
  const add = (where: string, text: Text, flow?: string) => {
    for (const [lang, s] of languagesOf(text)) out.push({ where, flow, lang, text: s });
  };
  for (const [key, node] of Object.entries(content.nodes)) {
    const flow = key.split('/')[0]!;
    if ('say' in node) node.say.forEach((t, i) => add(`${key}, message ${i + 1}`, t, flow));
    if ('choices' in node && node.choices) node.choices.forEach((c, i) => add(`${key}, choice ${i + 1}`, c.label, flow));
  }
  for (const s of content.services) {
    add(`service "${s.id}", name`, s.name);
    add(`service "${s.id}", about`, s.about);
    add(`service "${s.id}", for`, s.for);
  }
  for (const [k, t] of Object.entries(content.strings)) add(`string "${k}"`, t);
  return out;
}

const token = /\{(phone|text|web|email|name):([a-z0-9-]+)\}/g;

/** Words as a person reads them: markup removed, each token one word. */
export function words(text: string): string[] {
  return text
    .replace(token, 'X')
    .replace(/\*+/g, '')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/**
 * Syllables in an English word: the usual heuristic (count groups of vowels,
 * drop a silent final e/es/ed, a leading y is a consonant). Never less than 1.
 */
export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 1; // digits such as 999 or 2015
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (m) => m[0]!).replace(/^y/, '');
  return Math.max(1, w.match(/[aeiouy]{1,2}/g)?.length ?? 1);
}

/**
 * Flesch reading ease over a set of texts read together. Each message or
 * answer is at least one sentence; sentences end at . ! ? or a line break.
 * Tokens are replaced by what the person sees in their place: a service's
 * name for {name:x}, one short word for a number or link.
 */
export function flesch(texts: string[], content: Content): { score: number; sentences: number; words: number; syllables: number } {
  let sentences = 0;
  let wordCount = 0;
  let syllableCount = 0;
  for (const raw of texts) {
    const text = raw
      .replace(token, (_m, kind: string, id: string) => {
        if (kind !== 'name') return 'X';
        const svc = content.services.find((s) => s.id === id);
        const name = svc ? languagesOf(svc.name)[0]![1] : 'X';
        return name.replace(/[.!?]/g, '');
      })
      .replace(/\*+/g, '');
    for (const sentence of text.split(/[.!?]+(?=\s|$|["'”’)])|\n+/)) {
      const ws = words(sentence);
      if (!ws.length) continue;
      sentences += 1;
      wordCount += ws.length;
      for (const w of ws) syllableCount += syllables(w);
    }
  }
  const score = wordCount ? 206.835 - 1.015 * (wordCount / sentences) - 84.6 * (syllableCount / wordCount) : 100;
  return { score: Math.round(score * 10) / 10, sentences, words: wordCount, syllables: syllableCount };
}

describe('content quality', () => {
  it(`compiles ${dir} without errors`, () => {
    const errors = report.problems.filter((p) => p.level === 'error').map(formatProblem);
    expect(errors).toEqual([]);
    expect(report.content).toBeDefined();
  });

  const content = report.content;
  const seen = content ? seenTexts(content) : [];

  it(`has no message over ${maxWords} words`, () => {
    expect(content, 'the flows did not compile (see the first test)').toBeDefined();
    const long = seen
      .filter((s) => words(s.text).length > maxWords)
      .map((s) => `${s.where} [${s.lang}] has ${words(s.text).length} words: "${s.text}"`);
    expect(long).toEqual([]);
  });

  it('uses no banned phrase (tests/unit/words.ts)', () => {
    expect(content, 'the flows did not compile (see the first test)').toBeDefined();
    expect(bannedPhrases.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const s of seen) {
      if (s.lang !== 'en') continue; // the list is English
      for (const { phrase, why, victimOnly } of bannedPhrases) {
        if (victimOnly && s.flow !== undefined && !victimFacing(s.flow)) continue;
        const m = s.text.match(phrase);
        if (m) found.push(`${s.where}: "${m[0]}" (${why}) in "${s.text}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it(`reads easily: Flesch reading ease at least ${minYoung} for the young people's route, ${minGeneral} elsewhere`, () => {
    expect(content, 'the flows did not compile (see the first test)').toBeDefined();
    const english = seen.filter((s) => s.lang === 'en');
    const young = english.filter((s) => s.flow === youngFlow).map((s) => s.text);
    const general = english.filter((s) => s.flow !== youngFlow).map((s) => s.text);
    const flows = [...new Set(english.map((s) => s.flow).filter((f): f is string => f !== undefined))].sort();

    const rows: { route: string; min: number; result: ReturnType<typeof flesch> }[] = [];
    if (young.length) rows.push({ route: `young people's route (${youngFlow}/…)`, min: minYoung, result: flesch(young, content!) });
    rows.push({ route: 'everything else', min: minGeneral, result: flesch(general, content!) });
    // Each flow on its own too, so one hard flow cannot hide in the average.
    for (const f of flows) {
      rows.push({ route: `flow ${f}`, min: f === youngFlow ? minYoung : minGeneral, result: flesch(english.filter((s) => s.flow === f).map((s) => s.text), content!) });
    }
    const cards = english.filter((s) => s.flow === undefined).map((s) => s.text);
    const cardScore = flesch(cards, content!);

    console.log(
      'Flesch reading ease (higher is easier):\n' +
        rows.map((r) => `  ${r.route}: ${r.result.score} (at least ${r.min}; ${r.result.sentences} sentences, ${r.result.words} words)`).join('\n') +
        `\n  service cards and widget words (in "everything else"): ${cardScore.score}`,
    );
    const low = rows.filter((r) => r.result.score < r.min).map((r) => `${r.route}: ${r.result.score}, below ${r.min}`);
    expect(low).toEqual([]);
  });
});
