/**
 * What the person sees and can do on the screen now, as data: the panel draws it, and tests
 * (paths through the flows, privacy runs) read the same thing instead of copying the panel.
 */
import type { Content, NodeKey, Text } from './data.js';
import { areaAnswers, choicesOf, type ChatContext, type ChatEvent } from './machine.js';
import { dependsOnArea } from './services.js';

export interface ScreenAnswer {
  label: Text;
  event: ChatEvent;
  /** Drawn less prominently: Back, Start again, and a finder's own answers below what it found. */
  secondary?: true;
}

export interface Screen {
  node: NodeKey;
  /** The search box above the answers: a town or postcode search, the topic finder, or none. */
  search: 'area' | 'topics' | null;
  /** Every answer, in order. */
  answers: ScreenAnswer[];
  /** Where the area is asked: how many answers come first because a search found them (the rest follow "Or choose your area"). */
  offered: number;
}

/** What a search on this screen found, which the answers then offer first. */
export interface Found {
  /** Topics the topic finder found. */
  topics?: NodeKey[];
  /** Areas an area search offers (a council, or councils to choose from, or "outside"). */
  areas?: string[];
}

/** Whether this services screen asks the area before its list (only where the area changes it). */
export function asksArea(content: Content, context: ChatContext): boolean {
  const node = context.at === null ? undefined : content.nodes[context.at];
  return node?.type === 'services' && context.area === null && dependsOnArea(content, { tags: node.tags, audience: context.audience, emergency: !!node.emergency });
}

export function screenOf(content: Content, context: ChatContext, found: Found = {}): Screen {
  const key = context.at!;
  const node = content.nodes[key]!;
  const answers: ScreenAnswer[] = [];
  let search: Screen['search'] = null;
  let offered = 0;
  if (asksArea(content, context)) {
    search = 'area';
    const first = found.areas ?? [];
    offered = first.length;
    const area = (id: string): ScreenAnswer => ({ label: areaLabel(content, id), event: { type: 'SET_AREA', area: id } });
    answers.push(...first.map(area));
    for (const id of [...content.councils.map((c) => c.id), ...areaAnswers]) if (!first.includes(id)) answers.push(area(id));
  } else {
    if (node.type === 'finder') {
      search = 'topics';
      for (const t of found.topics ?? []) answers.push({ label: content.topics.find((x) => x.node === t)!.title, event: { type: 'GO', node: t } });
    }
    const below = search === 'topics' && !!found.topics?.length;
    choicesOf(content, node).forEach((c, index) => answers.push({ label: c.label, event: { type: 'CHOOSE', index }, ...(below ? { secondary: true as const } : {}) }));
  }
  if (context.trail.length) answers.push({ label: content.strings.back!, event: { type: 'BACK' }, secondary: true });
  if (key !== content.starts[context.audience]) answers.push({ label: content.strings.restart!, event: { type: 'RESTART' }, secondary: true });
  return { node: key, search, answers, offered };
}

/** A council's name, or the words for not sure / outside Kent and Medway / prefer not to say. */
export function areaLabel(content: Content, id: string): Text {
  const council = content.councils.find((c) => c.id === id);
  if (council) return council.name;
  return content.strings[{ 'not-sure': 'areaNotSure', outside: 'areaOutside', 'not-said': 'areaNotSaid' }[id] ?? 'areaNotSaid']!;
}
