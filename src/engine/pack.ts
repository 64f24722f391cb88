/**
 * A smaller wire form of the compiled content: nodes as short tuples with
 * numeric references instead of objects with repeated field names and
 * `flow/node` keys. The build packs, the panel unpacks once on load; nothing
 * else sees the packed form. (Saves about 2.5 KB gzip on the shipped flows.)
 */
import type { Choice, Content, FlowNode, NodeKey } from './data.js';

type Ref = number;
type PackedChoice = [label: Choice['label'], next: Ref];
/** [type, say, choices | next, extra…, flags]; flags: 1 private, 2 forget, 4 emergency. */
export type PackedNode = unknown[];
export interface PackedContent extends Omit<Content, 'nodes' | 'starts' | 'topics'> {
  keys: NodeKey[];
  nodes: PackedNode[];
  starts: Record<keyof Content['starts'], Ref>;
  topics: [node: Ref, title: Content['topics'][number]['title'], words: string][];
}

const flagsOf = (n: FlowNode) => (n.private ? 1 : 0) | ('forget' in n && n.forget ? 2 : 0) | ('emergency' in n && n.emergency ? 4 : 0);
const withFlags = (flags: number) => ({ ...(flags & 1 ? { private: true as const } : {}), ...(flags & 2 ? { forget: true as const } : {}), ...(flags & 4 ? { emergency: true as const } : {}) });

export function packContent(content: Content): PackedContent {
  const keys = Object.keys(content.nodes);
  const ref = new Map(keys.map((k, i) => [k, i]));
  const r = (k: NodeKey) => ref.get(k)!;
  const choices = (cs: Choice[]): PackedChoice[] => cs.map((c) => [c.label, r(c.next)]);
  const node = (n: FlowNode): PackedNode => {
    switch (n.type) {
      case 'message':
      case 'plan':
      case 'finder':
        return [n.type, n.say, choices(n.choices), flagsOf(n)];
      case 'services':
        return [n.type, n.say, choices(n.choices), flagsOf(n), n.tags];
      case 'question':
        return [n.type, n.say, r(n.next), flagsOf(n), n.key, choices(n.choices ?? [])];
      case 'area':
        return [n.type, n.say, r(n.next), flagsOf(n)];
      case 'step':
        return [n.type, n.say, r(n.next), flagsOf(n), n.plan];
      case 'branch':
        return [n.type, n.routes.map((x) => [x.when, r(x.next)]), r(n.otherwise), flagsOf(n)];
    }
  };
  return {
    ...content,
    keys,
    nodes: keys.map((k) => node(content.nodes[k]!)),
    starts: { general: r(content.starts.general), 'young-people': r(content.starts['young-people']) },
    topics: content.topics.map((t) => [r(t.node), t.title, t.words.join('|')]),
  };
}

export function unpackContent(packed: PackedContent): Content {
  const { keys, ...rest } = packed;
  const choices = (cs: PackedChoice[]): Choice[] => cs.map(([label, next]) => ({ label, next: keys[next]! }));
  const nodes: Record<NodeKey, FlowNode> = {};
  packed.nodes.forEach((p, i) => {
    const [type, a, b, flags, c, d] = p as [FlowNode['type'], never, never, number, never, never];
    const f = withFlags(flags);
    let n: FlowNode;
    if (type === 'message' || type === 'plan' || type === 'finder') n = { type, say: a, choices: choices(b), ...f } as FlowNode;
    else if (type === 'services') n = { type, say: a, choices: choices(b), tags: c, ...f };
    else if (type === 'question') n = { type, say: a, next: keys[b]!, key: c, ...((d as PackedChoice[]).length ? { choices: choices(d) } : {}), ...f };
    else if (type === 'area') n = { type, say: a, next: keys[b]!, ...f };
    else if (type === 'step') n = { type, say: a, next: keys[b]!, plan: c, ...f };
    else n = { type: 'branch', routes: (a as [never, number][]).map(([when, next]) => ({ when, next: keys[next]! })), otherwise: keys[b]!, ...f };
    nodes[keys[i]!] = n;
  });
  return {
    ...rest,
    nodes,
    starts: { general: keys[packed.starts.general]!, 'young-people': keys[packed.starts['young-people']]! },
    topics: packed.topics.map(([node, title, words]) => ({ node: keys[node]!, title, words: words.split('|') })),
  };
}
