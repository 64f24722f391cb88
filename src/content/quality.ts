/**
 * Plain words, checked by `flows:check`: every text a person can see (messages, answers, service
 * cards, the widget's own words) is short, free of blaming or unsafe phrases, and easy to read.
 * Build time only.
 *
 * Editors: to ban a phrase, add a line to `bannedPhrases` with a short reason. Write the pattern so
 * that it matches both straight and curly apostrophes (['’]).
 */
import { isYoungFlow } from '../engine/routes.js';
import type { Content, Text } from '../engine/data.js';
import { inLang } from '../shared/text.js';

export interface BannedPhrase {
  phrase: RegExp;
  why: string;
  /** Banned only in flows that speak to someone being hurt (not in `own-behaviour`). */
  victimOnly?: true;
}

export const bannedPhrases: BannedPhrase[] = [
  { phrase: /\bperpetrators?\b/i, why: 'Jargon that many people do not use about someone they love. Say "the person hurting you" or "the person using abuse".' },
  { phrase: /\b(?:just|simply) (?:leave|go|walk away|get out)\b/i, why: 'Leaving is never simple and can be the most dangerous time. Plan it with a specialist.' },
  { phrase: /\byou (?:should|must|need to|have to|ought to) (?:leave|go|get out)\b/i, why: 'An instruction to leave. Offer options; leaving safely needs a plan made with a specialist.' },
  { phrase: /\byou(?:['’]re| are| will be|['’]ll be) (?:now |totally |completely |perfectly )?safe\b/i, why: 'False reassurance: no one can promise this. Never tell someone they are safe.' },
  { phrase: /\bwhy (?:didn['’]t|did not|don['’]t|do not|won['’]t|will not|haven['’]t|have not|can['’]t|cannot) you\b/i, why: '"Why don\'t you…" and "why didn\'t you…" sound like blame. Offer choices instead.' },
  { phrase: /\bwhy (?:did|do|would) you (?:stay|go back|put up with|let)\b/i, why: 'Questions a person\'s choices about staying, which blames them for the abuse.' },
  { phrase: /\bprovok(?:e|es|ed|ing|ation)\b/i, why: 'Suggests the person being hurt caused it. Abuse is always the choice of the person using it.' },
  { phrase: /\bvictim['’]?s?['’]? (?:own )?fault\b/i, why: 'Blames the person being hurt. It is never their fault.' },
  { phrase: /(?<!\b(?:none|some|any|part|all) of )\b(?:it|this|that)(?: is|['’]s| was) (?:all )?your (?:own )?fault\b/i, why: 'Blames the person being hurt. Say "it is not your fault".' },
  { phrase: /\bsave (?:this|these|that|it|the (?:number|page|chat|conversation|link|details))\b/i, why: 'Saving things on a shared device can leave a trace the person using abuse may find.' },
  { phrase: /\b(?:screenshot|bookmark|print)(?: this| these| it| the page)\b/i, why: 'Leaves a trace on the device that the person using abuse may find.' },
  { phrase: /\bconfront(?:s|ed|ing|ation)?\b/i, why: 'Confronting the person using abuse can raise the danger.' },
  { phrase: /\bcalm down\b/i, why: 'Dismisses fear and tells the person their feelings are the problem.' },
  { phrase: /\bover-?react(?:s|ed|ing)?\b/i, why: 'Dismisses what the person feels. Their fear is real and worth taking seriously.' },
  { phrase: /\bwhat did you do\b/i, why: 'Implies the person being hurt caused the abuse.' },
  { phrase: /\b(?:asking for it|brought it on (?:yourself|themselves|herself|himself))\b/i, why: 'Victim-blaming myth.' },
  { phrase: /\b(?:made|make|makes|making) (?:him|her|them) (?:angry|mad|snap|lose (?:it|their temper|his temper|her temper))\b/i, why: 'Puts the blame on the person being hurt. No one makes someone abuse them.' },
  { phrase: /\b(?:domestic dispute|lovers['’]? tiff|just a row|just an argument)\b/i, why: 'Makes abuse sound small or mutual.' },
  { phrase: /\bstay calm and\b/i, why: 'Puts the job of preventing abuse on the person being hurt.' },
  { phrase: /\bno ?one (?:is|can be|will be|can|will) (?:watching|reading|seeing|see|know|find out)\b/i, why: 'False reassurance about privacy: someone who can get into the device, or see the screen, could see this chat. Say what is true: no person reads this chat and it saves nothing.' },
  { phrase: /\b(?:completely|totally|100%) (?:private|confidential|anonymous|secret)\b/i, why: 'Overstates privacy: services such as Childline are confidential, but may act if someone is in danger. Say what the service itself promises.' },
  { phrase: /\b(?:won['’]t|will not|doesn['’]t|does not|never) (?:show|appear)(?: up)? on (?:your |the |a |any )?(?:phone )?bills?\b/i, why: 'Not confirmed for any number. Say: "Calls show in your call history, and may show on a phone bill."' },
  { phrase: /\byour (?:own )?behaviou?r\b/i, why: 'Said to someone being hurt, it suggests their behaviour caused the abuse.', victimOnly: true },
];

/** Every flow speaks to someone being hurt (or worried about someone), except the one for people worried about their own behaviour. */
export const victimFacing = (flowId: string) => flowId !== 'own-behaviour';

/** Longest message, in words (a {phone:…} or other token counts as one word). */
export const maxWords = 40;
/** Reading ease (Flesch) a whole route must reach: the young people's route, and everything else. */
export const minEase = { young: 85, general: 75 };
/** A single message this hard to read (and at least `hardMessageWords` long) gets a warning. */
export const hardMessage = { young: 50, general: 35 };
export const hardMessageWords = 10;

const token = /\{(phone|text|web|email|name):([a-z0-9-]+)\}/g;

/** Words as a person reads them: markup removed, each token one word. */
export function words(text: string): string[] {
  return text
    .replace(token, 'X')
    .replace(/\*+/g, '')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Syllables in an English word: the usual heuristic (vowel groups, a silent final e/es/ed, a leading y). Never less than 1. */
export function syllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 1; // digits such as 999 or 2015
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (m) => m[0]!).replace(/^y/, '');
  return Math.max(1, w.match(/[aeiouy]{1,2}/g)?.length ?? 1);
}

const english = (t: Text) => inLang(t, 'en');

/**
 * Flesch reading ease over texts read together (higher is easier). Each message or answer is at
 * least one sentence; sentences end at . ! ? or a line break. A {name:x} reads as the service's
 * name, any other token as one short word.
 */
export function flesch(texts: string[], content: Pick<Content, 'services'>): { score: number; sentences: number; words: number; syllables: number } {
  let sentences = 0;
  let wordCount = 0;
  let syllableCount = 0;
  for (const raw of texts) {
    const text = raw
      .replace(token, (_m, kind: string, id: string) => (kind === 'name' ? english(content.services.find((s) => s.id === id)?.name ?? 'X').replace(/[.!?]/g, '') : 'X'))
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

/** One text a person can see, and where an editor finds it. */
export interface SeenText {
  file: string;
  line?: number;
  where: string;
  /** The flow it belongs to; undefined for service cards and the widget's own words. */
  flow?: string;
  text: Text;
  /** A service's own name: checked for banned words, but not scored for reading ease (no editor can change it). */
  name?: true;
}

export interface QualityProblem {
  level: 'error' | 'warning';
  seen: SeenText;
  message: string;
}

/** Checks every seen text; the route averages are returned for the check's summary. */
export function checkQuality(seen: SeenText[], content: Pick<Content, 'services'>): { problems: QualityProblem[]; routes: { route: string; min: number; score: number }[] } {
  const problems: QualityProblem[] = [];
  for (const s of seen) {
    for (const [lang, text] of typeof s.text === 'string' ? [['en', s.text] as const] : Object.entries(s.text)) {
      const n = words(text).length;
      if (n > maxWords) problems.push({ level: 'error', seen: s, message: `has ${n} words${lang === 'en' ? '' : ` in "${lang}"`}; a message may have at most ${maxWords}. Split it into two messages, or say less.` });
      if (lang !== 'en') continue; // the phrase list and the reading score are for English
      for (const { phrase, why, victimOnly } of bannedPhrases) {
        if (victimOnly && s.flow !== undefined && !victimFacing(s.flow)) continue;
        const m = text.match(phrase);
        if (m) problems.push({ level: 'error', seen: s, message: `says "${m[0]}". ${why}` });
      }
      const young = isYoungFlow(s.flow);
      const ease = flesch([text], content).score;
      const limit = young ? hardMessage.young : hardMessage.general;
      // (A list such as the month names is not prose: only texts with a few ordinary words are scored.)
      const prose = (text.match(/\b[a-z]+\b/g) ?? []).length >= 3;
      if (prose && !s.name && n >= hardMessageWords && ease < limit) {
        problems.push({ level: 'warning', seen: s, message: `is hard to read (reading ease ${ease}; ${young ? 'on the young people\'s route ' : ''}aim for ${limit} or more). Use shorter words and sentences: "${text.slice(0, 80)}${text.length > 80 ? '…' : ''}"` });
      }
    }
  }
  const en = seen.filter((s) => !s.name).map((s) => ({ ...s, en: english(s.text) }));
  const routes: { route: string; min: number; score: number }[] = [];
  const young = en.filter((s) => isYoungFlow(s.flow)).map((s) => s.en);
  if (young.length) routes.push({ route: "the young people's route (flows young and young-…)", min: minEase.young, score: flesch(young, content).score });
  routes.push({ route: 'everything else', min: minEase.general, score: flesch(en.filter((s) => !isYoungFlow(s.flow)).map((s) => s.en), content).score });
  for (const f of [...new Set(en.map((s) => s.flow).filter((x): x is string => !!x))].sort()) {
    routes.push({ route: `flow ${f}`, min: isYoungFlow(f) ? minEase.young : minEase.general, score: flesch(en.filter((s) => s.flow === f).map((s) => s.en), content).score });
  }
  return { problems, routes };
}
