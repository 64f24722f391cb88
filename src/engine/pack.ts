/**
 * A smaller wire form of the compiled content: nodes as short tuples with
 * numeric references instead of objects with repeated field names and
 * `flow/node` keys. The build packs, the panel unpacks once on load; nothing
 * else sees the packed form. (Saves about 3 KB gzip on the shipped flows.)
 *
 * The screens themselves ship apart, one chunk per route (see routes.ts): the
 * panel's content holds every key, and each route's nodes are added when that
 * route has loaded (`unpackRoute`).
 */
import type { AreaTable } from './area-lookup.js';
import type { ChatNode, Contact, Content, NodeKey, Service, Text } from './data.js';
import { kinds, kindOf, type NodeType } from '../nodes/index.js';
import { shortUrl } from './short-url.js';
import { compactKeywords } from './find-topics.js';
import { routeOf, routes, type Route } from './routes.js';

type Ref = number;
/** [type, flags, the kind's own fields…] (see each kind's pack in src/nodes); flags: 1 private, 2 forget, 4 emergency. */
export type PackedNode = unknown[];
/** [type, what is shown or the link, label?]: the other half of each contact is derived on unpacking. */
type PackedContact = [type: Contact['type'], value: string, label?: Contact['label']];
type PackedService = [id: string, name: Text, about: Text, forWhom: Text, tags: string, areas: string, contacts: PackedContact[], checked: string, hours?: Text, opens?: Service['opens'], whenClosed?: Text];

/** Everything but the screens (one chunk per route) and the town and postcode table (loaded when the area is first asked). */
export interface PackedContent extends Omit<Content, 'nodes' | 'starts' | 'topics' | 'services' | 'areaTable'> {
  /** Every screen's key, each route's together: `routes` says where each route's run begins and ends. */
  keys: NodeKey[];
  routes: Record<Route, [from: Ref, to: Ref]>;
  services: PackedService[];
  starts: Record<keyof Content['starts'], Ref>;
  /** Topics without their keywords, which ship apart (see `packKeywords`); 1 last if urgent. */
  topics: [node: Ref, title: Content['topics'][number]['title'], urgent?: 1][];
}

const flagsOf = (n: ChatNode) => (n.private ? 1 : 0) | ('forget' in n && n.forget ? 2 : 0) | ('emergency' in n && n.emergency ? 4 : 0);
const withFlags = (flags: number) => ({ ...(flags & 1 ? { private: true as const } : {}), ...(flags & 2 ? { forget: true as const } : {}), ...(flags & 4 ? { emergency: true as const } : {}) });

/** The widget's words that only the element uses (see src/content/launcher.ts). */
export const launcherOnly: readonly string[] = ['launcher', 'exiting', 'unavailable', 'unavailableRetry', 'exitStuck', 'exitStuckLink'];

/**
 * Every key, route by route in `routes` order (each route's screens in the flows' own order), and
 * each key's number: the references the content and both route chunks share.
 */
function refsOf(content: Content) {
  const keys = routes.flatMap((route) => Object.keys(content.nodes).filter((k) => routeOf(k) === route));
  const ref = new Map(keys.map((k, i) => [k, i]));
  return { keys, r: (k: NodeKey): Ref => ref.get(k)! };
}

export function packContent(content: Content): PackedContent {
  const { keys, r } = refsOf(content);
  const { areaTable: _apart, nodes: _apartToo, ...shipped } = content;
  // Words only the launcher shows travel in the launcher's own file, not again in the panel's.
  const strings = Object.fromEntries(Object.entries(content.strings).filter(([k]) => !launcherOnly.includes(k)));
  return {
    ...shipped,
    strings,
    keys,
    routes: Object.fromEntries(routes.map((route) => {
      const at = keys.map(routeOf).flatMap((x, i) => (x === route ? [i] : []));
      return [route, at.length ? [at[0]!, at.at(-1)! + 1] : [0, 0]];
    })) as PackedContent['routes'],
    starts: { general: r(content.starts.general), 'young-people': r(content.starts['young-people']) },
    topics: content.topics.map((t) => (t.urgent ? [r(t.node), t.title, 1] : [r(t.node), t.title])),
    services: content.services.map(packService),
  };
}

/** One route's screens, in key order: the chunk that route ships in. */
export function packRoute(content: Content, route: Route): PackedNode[] {
  const { keys, r } = refsOf(content);
  return keys.filter((k) => routeOf(k) === route).map((k) => {
    const n = content.nodes[k]!;
    return [n.type, flagsOf(n), ...kindOf(n).pack(n, r)];
  });
}

function packService(s: Service): PackedService {
  const contacts = s.contacts.map((c): PackedContact => {
    // Phone and text links are the number's digits; web links are kept whole and shown shorter.
    const value = c.type === 'web' || c.type === 'chat' ? c.href : c.show;
    return c.label ? [c.type, value, c.label] : [c.type, value];
  });
  const packed: PackedService = [s.id, s.name, s.about, s.for, s.tags.join(' '), s.areas.join(' '), contacts, s.checked];
  if (s.hours || s.opens) packed.push(s.hours ?? '');
  if (s.opens) packed.push(s.opens, s.whenClosed ?? '');
  return packed;
}

function unpackService([id, name, about, forWhom, tags, areas, contacts, checked, hours, opens, whenClosed]: PackedService): Service {
  return {
    id,
    name,
    about,
    for: forWhom,
    tags: tags.split(' '),
    areas: areas.split(' '),
    contacts: contacts.map(([type, value, label]) => {
      const [show, href] =
        type === 'web' || type === 'chat'
          ? [shortUrl(value), value]
          : [value, type === 'email' ? `mailto:${value}` : `${type === 'phone' ? 'tel' : 'sms'}:${value.replace(/[\s-]/g, '')}`];
      return { type, show, href, ...(label ? { label } : {}) };
    }),
    ...(hours ? { hours } : {}),
    ...(opens ? { opens } : {}),
    ...(whenClosed ? { whenClosed } : {}),
    checked,
  };
}



/**
 * The topic finder's keywords, one string per topic, in topic order. They ship
 * in a chunk of their own that loads only when someone opens the finder.
 */
export function packKeywords(content: Content): string[] {
  return content.topics.map((t) => compactKeywords(t.words).join('|'));
}

/** An empty town and postcode table: until the real one has loaded, every search finds nothing. */
export const noPlaces: AreaTable = { councils: [], places: [], outcodes: '', outside: '' };

/**
 * The content without its screens until their routes are added (`unpackRoute`, into `nodes`, which
 * the engine reads as it goes), or with the routes given here.
 */
export function unpackContent(packed: PackedContent, keywords?: readonly string[], areaTable: AreaTable = noPlaces, withRoutes: Partial<Record<Route, PackedNode[]>> = {}): Content {
  const { keys, routes: _ranges, ...rest } = packed;
  const nodes: Record<NodeKey, ChatNode> = {};
  for (const [route, packedNodes] of Object.entries(withRoutes)) Object.assign(nodes, unpackRoute(packed, route as Route, packedNodes));
  return {
    ...rest,
    areaTable,
    nodes,
    starts: { general: keys[packed.starts.general]!, 'young-people': keys[packed.starts['young-people']]! },
    topics: packed.topics.map(([node, title, urgent], i) => ({ node: keys[node]!, title, words: keywords?.[i]?.split('|') ?? [], ...(urgent ? { urgent: true as const } : {}) })),
    services: packed.services.map(unpackService),
  };
}

/** One route's screens by key, from the chunk `packRoute` made. */
export function unpackRoute(packed: PackedContent, route: Route, packedNodes: readonly PackedNode[]): Record<NodeKey, ChatNode> {
  const key = (ref: Ref) => packed.keys[ref]!;
  const from = packed.routes[route][0];
  const nodes: Record<NodeKey, ChatNode> = {};
  packedNodes.forEach(([type, flags, ...fields], i) => {
    nodes[key(from + i)] = { ...kinds[type as NodeType].unpack(fields, key), ...withFlags(flags as number) } as ChatNode;
  });
  return nodes;
}
