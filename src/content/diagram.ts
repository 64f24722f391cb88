/**
 * Diagrams of the compiled flows that people can read: each flow cut into topic groups of at most
 * about 25 boxes, each services box naming the services it shows, as Mermaid (docs/flows/<flow>.md,
 * which GitHub draws) and as SVG laid out here at build time (docs/flows/index.html, which any
 * browser opens without the internet). Build time only.
 */
import dagre from '@dagrejs/dagre';
import { firstCards, selectServices } from '../engine/services.js';
import type { Content, NodeKey, Text } from '../engine/data.js';
import { kindOf, type ChatNode } from '../nodes/index.js';
import { inLang } from '../shared/text.js';

/** Boxes per diagram, at most (a group this size still fits a screen). */
export const maxBoxes = 25;

const en = (t: Text) => inLang(t, 'en');
const short = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const mermaidSafe = (s: string) => s.replace(/["<>{}[\]|#]/g, "'");
const idOf = (key: NodeKey) => key.replace(/[^a-z0-9]/gi, '_');
const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface Group {
  flow: string;
  title: string;
  keys: NodeKey[];
}

/**
 * A flow's topic groups: the nodes each topic of the flow's menu leads to (not through the menu
 * or another topic), each cut again the same way while it is too big; a long chain (the safety
 * check's questions) is cut in the order it is read.
 */
export function groupsOf(content: Content, flow: string): Group[] {
  const keys = Object.keys(content.nodes).filter((k) => k.startsWith(`${flow}/`));
  const inFlow = new Set(keys);
  const next = (k: NodeKey) => kindOf(content.nodes[k]!).edges(content.nodes[k]!, content.strings).map(([, n]) => n).filter((n) => inFlow.has(n));
  const title = (k: NodeKey) => { const n = content.nodes[k]!; return short('say' in n ? en(n.say[0]!) : k.split('/')[1]!, 50); };
  // Where the flow begins: an audience's start, or else its first node (flows begin with their menu).
  const start = keys.find((k) => Object.values(content.starts).includes(k)) ?? keys[0]!;

  // Screens many others lead back to (a menu, "find support"): they stay with the group above,
  // so that one topic does not swallow the others through them.
  const into = new Map<NodeKey, number>();
  for (const k of keys) for (const n of new Set(next(k))) into.set(n, (into.get(n) ?? 0) + 1);
  const hub = (k: NodeKey) => (into.get(k) ?? 0) >= 3;

  /** `members` in reading order from `root`, cut into parts of at most maxBoxes. */
  const chunk = (root: NodeKey, members: NodeKey[], name: string): Group[] => {
    const pool = new Set(members);
    const order: NodeKey[] = [];
    const queue = [root];
    while (queue.length) {
      const k = queue.shift()!;
      if (order.includes(k) || !pool.has(k)) continue;
      order.push(k);
      queue.push(...next(k));
    }
    for (const k of members) if (!order.includes(k)) order.push(k);
    if (order.length <= maxBoxes) return [{ flow, title: name, keys: order }];
    const parts: Group[] = [];
    for (let i = 0; i < order.length; i += maxBoxes) parts.push({ flow, title: `${name} (part ${parts.length + 1})`, keys: order.slice(i, i + maxBoxes) });
    return parts;
  };

  const split = (root: NodeKey, members: NodeKey[], name: string): Group[] => {
    if (members.length <= maxBoxes) return [{ flow, title: name, keys: members }];
    const pool = new Set(members);
    const seeds = [...new Set(next(root))].filter((s) => pool.has(s) && s !== root);
    const claimed = new Map<NodeKey, NodeKey>();
    for (const seed of seeds) {
      const queue = [seed];
      while (queue.length) {
        const k = queue.shift()!;
        if (claimed.has(k) || k === root || (k !== seed && (seeds.includes(k) || hub(k)))) continue;
        claimed.set(k, seed);
        queue.push(...next(k).filter((n) => pool.has(n)));
      }
    }
    const of = (seed: NodeKey) => members.filter((k) => claimed.get(k) === seed);
    const biggest = Math.max(0, ...seeds.map((s) => of(s).length));
    // A chain (one seed takes nearly everything): cut it in reading order.
    if (!seeds.length || biggest > members.length * 0.8) return chunk(root, members, name);
    // A topic of only a few screens stays with the group above: a diagram of two boxes helps no one.
    const own = seeds.filter((seed) => of(seed).length >= 4);
    const rest = members.filter((k) => !own.includes(claimed.get(k) ?? ''));
    if (!own.length) return chunk(root, members, name);
    const top = rest.length > maxBoxes ? chunk(root, rest, name) : [{ flow, title: name, keys: rest }];
    return [...top, ...own.flatMap((seed) => split(seed, of(seed), title(seed)))].filter((g) => g.keys.length);
  };
  return split(start, keys, flowTitle(content, flow, start));
}

const flowTitle = (content: Content, flow: string, start: NodeKey) => {
  const n = content.nodes[start]!;
  return `${flow}: ${short('say' in n ? en(n.say[0]!) : flow, 50)}`;
};

/** What a box says: the node's id and kind, its first words, and for a services screen the services it shows first. */
function boxLines(content: Content, key: NodeKey, node: ChatNode): string[] {
  const lines = [`${key.split('/')[1]} (${node.type})`];
  if ('say' in node) lines.push(short(en(node.say[0]!), 60));
  if (node.type === 'services') {
    const shown = firstCards(selectServices(content, { tags: node.tags, area: null, audience: key.startsWith('young/') ? 'young-people' : 'general', emergency: !!node.emergency }));
    const names = [...shown.emergency, ...shown.local, ...shown.national].map((s) => short(en(s.name), 40));
    lines.push(...names.map((n) => `• ${n}`));
    if (shown.hidden) lines.push(`+ ${shown.hidden} more`);
  }
  return lines;
}

interface Drawn {
  key: NodeKey;
  lines: string[];
  kind: 'box' | 'decision' | 'cards' | 'elsewhere';
}

/** The boxes and arrows of one group: its own nodes, and a small box for each node outside it that it leads to. */
function graphOf(content: Content, group: Group, groups: Group[]) {
  const own = new Set(group.keys);
  const boxes = new Map<NodeKey, Drawn>();
  const arrows: { from: NodeKey; to: NodeKey; label: string }[] = [];
  for (const key of group.keys) {
    const node = content.nodes[key]!;
    boxes.set(key, { key, lines: boxLines(content, key, node), kind: node.type === 'branch' ? 'decision' : node.type === 'services' ? 'cards' : 'box' });
    const seen = new Set<string>();
    for (const [label, to] of kindOf(node).edges(node, content.strings)) {
      const l = short(en(label), 40);
      if (seen.has(`${l}>${to}`)) continue;
      seen.add(`${l}>${to}`);
      if (!own.has(to) && !boxes.has(to)) {
        const where = groups.find((g) => g.keys.includes(to));
        boxes.set(to, { key: to, lines: [`→ ${to.replace('/', '#')}`, ...(where ? [`(in "${short(where.title, 40)}")`] : [])], kind: 'elsewhere' });
      }
      arrows.push({ from: key, to, label: l });
    }
  }
  return { boxes: [...boxes.values()], arrows };
}

function mermaidOf(content: Content, group: Group, groups: Group[]): string {
  const { boxes, arrows } = graphOf(content, group, groups);
  const lines = ['flowchart TD'];
  for (const b of boxes) {
    const label = b.lines.map((l) => mermaidSafe(l)).join('<br/>');
    lines.push(`  ${idOf(b.key)}${b.kind === 'decision' ? `{"${label}"}` : b.kind === 'cards' ? `[["${label}"]]` : b.kind === 'elsewhere' ? `(["${label}"])` : `["${label}"]`}`);
  }
  for (const a of arrows) lines.push(`  ${idOf(a.from)} -->|"${mermaidSafe(a.label)}"| ${idOf(a.to)}`);
  return lines.join('\n');
}

/** The group laid out by dagre and drawn as SVG: boxes, arrows and their labels. */
export function svgOf(content: Content, group: Group, groups: Group[]): string {
  const { boxes, arrows } = graphOf(content, group, groups);
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 50, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  const lineHeight = 16;
  const widthOf = (lines: string[]) => Math.min(380, 24 + 7 * Math.max(...lines.map((l) => l.length)));
  for (const b of boxes) g.setNode(b.key, { width: widthOf(b.lines), height: 16 + lineHeight * b.lines.length });
  arrows.forEach((a, i) => g.setEdge(a.from, a.to, { label: a.label, width: Math.min(240, 7 * a.label.length), height: 14, labelpos: 'c' }, `e${i}`));
  dagre.layout(g);
  const { width = 0, height = 0 } = g.graph();
  const parts: string[] = [];
  const fill = { box: '#ffffff', decision: '#fff7e0', cards: '#eef6ee', elsewhere: '#f3f2f1' } as const;
  for (const e of g.edges()) {
    const edge = g.edge(e) as { points: { x: number; y: number }[]; x?: number; y?: number; label?: string };
    parts.push(`<path d="M${edge.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' L')}" fill="none" stroke="#505a5f" stroke-width="1.2" marker-end="url(#arrow)"/>`);
    if (edge.label && edge.x !== undefined && edge.y !== undefined) parts.push(`<text x="${edge.x.toFixed(1)}" y="${(edge.y + 4).toFixed(1)}" text-anchor="middle" font-size="11" fill="#383f43">${escapeXml(edge.label)}</text>`);
  }
  for (const b of boxes) {
    const n = g.node(b.key) as { x: number; y: number; width: number; height: number };
    const x = n.x - n.width / 2;
    const y = n.y - n.height / 2;
    parts.push(`<g><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${n.width}" height="${n.height}" rx="${b.kind === 'elsewhere' ? 14 : 4}" fill="${fill[b.kind]}" stroke="${b.kind === 'decision' ? '#8a6d00' : b.kind === 'cards' ? '#2e7d32' : '#505a5f'}" stroke-width="${b.kind === 'cards' ? 2 : 1}"/>`);
    b.lines.forEach((l, i) => parts.push(`<text x="${(x + 10).toFixed(1)}" y="${(y + 20 + i * lineHeight).toFixed(1)}" font-size="12" font-weight="${i === 0 ? 700 : 400}" fill="#1d1d1f">${escapeXml(l)}</text>`));
    parts.push('</g>');
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(width)}" height="${Math.ceil(height)}" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" font-family="system-ui, sans-serif" role="img" aria-label="${escapeXml(group.title)}"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#505a5f"/></marker></defs>${parts.join('')}</svg>`;
}

/** Every diagram file: docs/flows/<flow>.md (Mermaid, one diagram per group) and docs/flows/index.html (SVG). */
export function diagrams(content: Content): Map<string, string> {
  const flows = [...new Set(Object.keys(content.nodes).map((k) => k.split('/')[0]!))];
  const all = flows.flatMap((f) => groupsOf(content, f));
  const out = new Map<string, string>();
  const note = 'Generated by `npm run flows:diagram` from the flows. Do not edit by hand.';
  for (const flow of flows) {
    const groups = all.filter((g) => g.flow === flow);
    const body = groups.map((g) => `## ${g.title}\n\n${g.keys.length} screens. Green boxes are services screens, with the services they show first (area not given); yellow ones route by the answers; grey ones are in another group.\n\n\`\`\`mermaid\n${mermaidOf(content, g, all)}\n\`\`\`\n`).join('\n');
    out.set(`${flow}.md`, `# Flow \`${flow}\`\n\n${note} Open \`docs/flows/index.html\` in a browser to see them drawn without the internet.\n\n${body}`);
  }
  const toc = all.map((g, i) => `<li><a href="#g${i}">${escapeXml(g.title)}</a> (${g.keys.length})</li>`).join('');
  const sections = all.map((g, i) => `<section id="g${i}"><h2>${escapeXml(g.title)}</h2><p>Flow <code>${g.flow}</code>, ${g.keys.length} screens.</p><div class="scroll">${svgOf(content, g, all)}</div></section>`).join('\n');
  out.set(
    'index.html',
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>The flows, drawn</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:1rem auto;max-width:90rem;padding:0 1rem;color:#1d1d1f}.scroll{overflow:auto;border:1px solid #b1b4b6;padding:.5rem}section{margin:2rem 0}</style></head><body><h1>The flows, drawn</h1><p>${note} White boxes are messages and questions, green boxes services screens (with the services they show first, area not given), yellow ones route by the answers, grey ones lead to another group.</p><ol>${toc}</ol>\n${sections}\n</body></html>\n`,
  );
  return out;
}
