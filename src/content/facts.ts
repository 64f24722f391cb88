/**
 * Every fact the widget states has a source an editor can re-check: a node whose words state a
 * law, a right, a procedure or a statistic needs `sources:`, and `flows:check` says so when it
 * has none. Build time only.
 *
 * The rule is deliberately simple: a node states a fact when its English words contain one of
 * `factSigns` below. Editors: if a new kind of fact appears, add its sign here with what it is.
 */
import { inLang } from '../shared/text.js';
import type { LoadedFlow } from './load.js';
import type { Source } from './schema.js';

export interface FactSign {
  sign: RegExp;
  /** What kind of fact the words state, as the message to the editor names it. */
  is: 'a law' | 'a right' | 'a procedure' | 'a statistic';
}

export const factSigns: FactSign[] = [
  { sign: /\b[A-Z][a-z]+(?: [A-Z][a-z]+)* Act\b|\b[Tt]he law\b|\b[Ii]llegal\b|\ba crime\b|\bcriminal offence\b|\boffence\b|\bcontempt of court\b|\bClare['’]s Law\b|\bage of consent\b/, is: 'a law' },
  { sign: /\blegal aid\b|\bpriority need\b|\bthe council must\b|\bright to (?:ask|know|stay|housing)\b|\bconcession\b|\bpermission to stay\b|\bcourt fee\b/i, is: 'a right' },
  { sign: /\b(?:non-molestation|occupation|protection|stalking protection|forced marriage protection|FGM protection)(?: orders?| notices?)\b|\binjunctions?\b|\bpower of arrest\b|\bMARAC\b|\bpress 55\b|\bwithout warning\b|\bwithin 28 days\b/i, is: 'a procedure' },
  { sign: /\b\d+(?:\.\d+)?\s?%|\bper cent\b|\bone in (?:two|three|four|five|six|seven|eight|nine|ten)\b|\bin (?:a )?(?:19|20)\d\d (?:study|report|survey)\b/i, is: 'a statistic' },
];

/** The first fact sign in some text, with the words that matched. */
export function factIn(text: string): { is: FactSign['is']; words: string } | undefined {
  for (const { sign, is } of factSigns) {
    const m = text.match(sign);
    if (m) return { is, words: m[0] };
  }
  return undefined;
}

/** The English words of a node that state things: its messages and, for a plan step, its summary. */
export function englishWordsOf(node: LoadedFlow['nodes'][string]): string[] {
  const says = 'say' in node ? (Array.isArray(node.say) ? node.say : [node.say]) : [];
  return [...says, ...(node.type === 'step' ? [node.plan] : [])].map((t) => inLang(t, 'en'));
}

export const sourcesOf = (node: LoadedFlow['nodes'][string]): Source[] => ('sources' in node && node.sources ? node.sources : []);

/** Months between a `checked` month (2026-11) and today. */
export function monthsSince(checked: string, today: Date): number {
  const [y, m] = checked.split('-').map(Number) as [number, number];
  return (today.getUTCFullYear() - y) * 12 + (today.getUTCMonth() + 1 - m);
}

/** A source is re-checked at least once a year. */
export const recheckMonths = 12;

export interface FactProblem {
  level: 'error' | 'warning';
  flow: LoadedFlow;
  id: string;
  message: string;
}

/** Nodes that state a fact without a source (errors), and sources not checked for a year (warnings). */
export function checkFacts(flows: readonly LoadedFlow[], today: Date): FactProblem[] {
  const problems: FactProblem[] = [];
  for (const flow of flows) {
    for (const [id, node] of Object.entries(flow.nodes)) {
      const sources = sourcesOf(node);
      const fact = englishWordsOf(node).map(factIn).find(Boolean);
      if (fact && !sources.length) {
        problems.push({
          level: 'error',
          flow,
          id,
          message: `states ${fact.is} ("${fact.words}") but has no "sources". Add where it comes from, e.g.\n    sources:\n      - { title: "GOV.UK: …", url: "https://www.gov.uk/…", checked: "${today.getUTCFullYear()}-${String(today.getUTCMonth() + 1).padStart(2, '0')}" }`,
        });
      }
      for (const s of sources) {
        const age = monthsSince(s.checked, today);
        if (age > recheckMonths) problems.push({ level: 'warning', flow, id, message: `source "${s.title}" was last checked ${s.checked}, over ${recheckMonths} months ago. Open ${s.url}, check the facts still hold, and update "checked".` });
      }
    }
  }
  return problems;
}

/** docs/sources.md: every source, the nodes that rely on it, and when it was checked (oldest first). */
export function sourcesDoc(flows: readonly LoadedFlow[]): string {
  const byUrl = new Map<string, { source: Source; nodes: string[] }>();
  for (const flow of flows) {
    for (const [id, node] of Object.entries(flow.nodes)) {
      for (const s of sourcesOf(node)) {
        const entry = byUrl.get(s.url) ?? { source: s, nodes: [] };
        if (s.checked < entry.source.checked) entry.source = s; // the oldest check is the one due first
        entry.nodes.push(`${flow.id}#${id}`);
        byUrl.set(s.url, entry);
      }
    }
  }
  const rows = [...byUrl.values()].sort((a, b) => a.source.checked.localeCompare(b.source.checked) || a.source.title.localeCompare(b.source.title));
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '# Sources of the facts the chat states',
    '',
    'Made by `npm run flows:sources` (and kept current by `npm run flows:check`) from the `sources:` of each node in `flows/`. Do not edit by hand.',
    '',
    `Once a year, open each page, check that what the screens say still holds, and update \`checked\` in the flows. \`flows:check\` warns about any source not checked for ${recheckMonths} months. Oldest first.`,
    '',
    '| checked | source | screens that rely on it |',
    '|---|---|---|',
    ...rows.map(({ source, nodes }) => `| ${source.checked} | [${cell(source.title)}](${source.url}) | ${nodes.map((n) => `\`${n}\``).join(', ')} |`),
    '',
  ].join('\n');
}
