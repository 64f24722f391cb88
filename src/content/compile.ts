/**
 * Whole-graph checks and compilation: loaded flows → the compact `Content`
 * the browser runs. Every problem names the file, the node, what is wrong and
 * what is allowed; the build refuses content with any error.
 */
import type { ChatNode, Content, Contact as RtContact, NodeKey, Service as RtService, Text } from '../engine/data.js';
import { kindOf } from '../nodes/index.js';
import { compileNode } from '../nodes/schemas.js';
import { conditionKeys } from '../engine/conditions.js';
import { toContact } from '../engine/contacts.js';
import { parseMarkup } from '../engine/markup.js';
import { loadFlows, type Loaded, type LoadedFlow } from './load.js';
import { checkFacts } from './facts.js';
import { checkQuality, type SeenText } from './quality.js';
import { compilePlaces, loadPlaces } from './places.js';
import { didYouMean, type Problem } from './problems.js';
import type { Contact } from './schema.js';

/** Areas a service may cover besides the council slugs. */
export const wideAreas = ['kent', 'medway', 'kent-and-medway', 'national'] as const;

export interface Report {
  content?: Content;
  problems: Problem[];
  stats: { flows: number; nodes: number; services: number; languages: Record<string, number>; readingEase?: Record<string, number> };
}

export function checkAndCompile(dir: string, root = process.cwd(), today = new Date()): Report {
  const loaded = loadFlows(dir, root);
  const problems = loaded.problems;
  const stats: Report['stats'] = { flows: loaded.flows.length, nodes: 0, services: 0, languages: {} };
  const { widget, services, areas } = loaded;
  // A file YAML cannot read hides its nodes from the others: checking across files now would
  // blame them for it. That one mistake first.
  if (!widget || !services || !areas || problems.some((p) => p.syntax)) return { problems, stats };

  const err = (file: string, message: string, where?: string, line?: number) => problems.push({ level: 'error', file, where, line, message });
  const warn = (file: string, message: string, where?: string, line?: number) => problems.push({ level: 'warning', file, where, line, message });

  const flows = new Map(loaded.flows.map((f) => [f.id, f]));
  const servicesFile = 'flows/services.yaml';
  const knownTags = new Set(Object.keys(services.tags));
  const knownAreas = new Set<string>([...areas.councils.map((c) => c.id), ...wideAreas]);
  const languages = Object.keys(widget.languages);
  const councilIds = areas.councils.map((c) => c.id);
  const places = loadPlaces(dir, councilIds, root);
  problems.push(...places.problems);

  // --- Services -----------------------------------------------------------
  const rtServices: RtService[] = [];
  const serviceIds = new Set<string>();
  const monthsOld = (checked: string) => {
    const [y, m] = checked.split('-').map(Number) as [number, number];
    return (today.getUTCFullYear() - y) * 12 + (today.getUTCMonth() + 1 - m);
  };
  services.services.forEach((s, i) => {
    const where = `service "${s.id}"`;
    const line = loaded.lineOf(servicesFile, ['services', i]);
    if (serviceIds.has(s.id)) err(servicesFile, `The service id "${s.id}" is used twice. Each service needs its own id.`, where, line);
    serviceIds.add(s.id);
    for (const t of s.tags) if (!knownTags.has(t)) err(servicesFile, `uses the tag "${t}", which is not in the tag list at the top of this file. ${didYouMean(t, [...knownTags], 'tags')}`, where, line);
    for (const a of s.areas) if (!knownAreas.has(a)) err(servicesFile, `covers the area "${a}", which is not known. ${didYouMean(a, [...knownAreas], 'areas')}`, where, line);
    const age = monthsOld(s.checked);
    if (age > 12) warn(servicesFile, `was last checked ${s.checked}, over 12 months ago. Check its numbers and links against the provider's own website and update "checked".`, where, line);
    if (age < 0) err(servicesFile, `has a "checked" date in the future (${s.checked}).`, where, line);
    const contacts: RtContact[] = [];
    s.contacts.forEach((c, j) => {
      const rt = toContact(c, (m) => err(servicesFile, `contact ${j + 1} ${m}`, where, loaded.lineOf(servicesFile, ['services', i, 'contacts', j])));
      if (rt) contacts.push(rt);
    });
    if (s.whenClosed && !s.opens) err(servicesFile, 'has "whenClosed" but no "opens": the card can only say what to do when the line is closed if it knows when it is open.', where, line);
    const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    const opens = s.opens ? { days: s.opens.days.map((d) => days.indexOf(d)), from: minutes(s.opens.from), to: minutes(s.opens.to) } : undefined;
    if (opens && opens.from >= opens.to) err(servicesFile, `opens at ${s.opens!.from} and closes at ${s.opens!.to}: the closing time must be later the same day.`, where, line);
    rtServices.push({ id: s.id, name: s.name, about: s.about, for: s.for, tags: s.tags, areas: s.areas, contacts, ...(s.hours ? { hours: s.hours } : {}), ...(opens ? { opens } : {}), ...(s.whenClosed ? { whenClosed: s.whenClosed } : {}), checked: s.checked });
  });
  stats.services = rtServices.length;

  // --- Text: markup, languages, no raw numbers or HTML -------------------
  const textIssue = (text: Text, placeholders = false): string | undefined => {
    const entries = typeof text === 'string' ? [['en', text] as const] : Object.entries(text);
    for (const [lang, s] of entries) {
      if (!languages.includes(lang)) return `has text in "${lang}", which is not a language in flows/widget.yaml (${languages.join(', ')}). Add it there first.`;
      if (/<\/?[a-z!][^>]*>/i.test(s)) return `contains HTML ("${s.match(/<[^>]*>/)?.[0]}"). Text cannot contain HTML: use *emphasis* or **strong** for emphasis.`;
      const digits = s.replace(/\{[^}]*\}/g, '').match(/\d[\d ]{4,}\d/g)?.find((d) => d.replace(/ /g, '').length >= 5);
      if (digits) return `contains the number "${digits}". Phone numbers come only from flows/services.yaml: write {phone:service-id} (or {text:service-id}) so the number is never typed twice.`;
      const parsed = parseMarkup(s);
      for (const seg of parsed) {
        if (seg.kind === 'token') {
          const svc = services.services.find((x) => x.id === seg.service);
          if (!svc) return `refers to {${seg.token}:${seg.service}}, but there is no service "${seg.service}" in flows/services.yaml.`;
          if (seg.token !== 'name' && !svc.contacts.some((c) => tokenMatches(seg.token, c))) return `refers to {${seg.token}:${seg.service}}, but "${seg.service}" has no ${seg.token} contact.`;
        }
      }
      if (/\{[^}]*\}/.test(s.replace(/\{(phone|text|web|email|name):[a-z0-9-]+\}/g, '').replace(placeholders ? /\{[a-z]+\}/g : /^$/, ''))) return `has a {…} that is not understood. Allowed: {phone:service-id}, {text:service-id}, {web:service-id}, {email:service-id}, {name:service-id}.`;
    }
    // A translation shows exactly the English text's numbers and links (and the widget's {place}-like
    // slots): a reader must never be shown a wrong or missing number.
    if (typeof text !== 'string' && text.en !== undefined) {
      const slots = (s: string) => (s.match(placeholders ? /\{[a-z]+(?::[a-z0-9-]+)?\}/g : /\{(?:phone|text|web|email|name):[a-z0-9-]+\}/g) ?? []).sort().join(' ');
      const en = slots(text.en);
      for (const [lang, s] of Object.entries(text)) {
        if (lang === 'en' || slots(s) === en) continue;
        return `the "${lang}" text has ${slots(s) || 'no {…} at all'}, but the English has ${en || 'none'}. A translation must keep exactly the English {phone:…}, {web:…}, {name:…} and other {…}, so no reader is shown a wrong or missing number or link.`;
      }
    }
    for (const lang of languages) stats.languages[lang] = (stats.languages[lang] ?? 0) + (typeof text === 'string' ? (lang === 'en' ? 1 : 0) : text[lang] ? 1 : 0);
    return undefined;
  };
  const checkText = (file: string, text: Text | undefined, where: string, line?: number, placeholders = false) => {
    if (text === undefined) return;
    const issue = textIssue(text, placeholders);
    if (issue) err(file, issue, where, line);
  };
  /** Every text a person can see, for the plain-words checks (quality.ts). */
  const seen: SeenText[] = [];
  // The widget's own words may hold placeholders such as {place}, filled in by the panel.
  for (const [k, t] of Object.entries(widget.strings)) {
    checkText('flows/widget.yaml', t, `string "${k}"`, loaded.lineOf('flows/widget.yaml', ['strings', k]), true);
    seen.push({ file: 'flows/widget.yaml', line: loaded.lineOf('flows/widget.yaml', ['strings', k]), where: `string "${k}"`, text: t });
  }
  (services.localNames ?? []).forEach((n, i) => {
    const line = loaded.lineOf(servicesFile, ['localNames', i]);
    if (!councilIds.includes(n.area)) err(servicesFile, `names local charities for the area "${n.area}", which is not a council. ${didYouMean(n.area, councilIds, 'councils')}`, `local names ${i + 1}`, line);
    checkText(servicesFile, n.say, `local names ${i + 1}`, line);
  });
  services.services.forEach((s, i) => {
    const line = loaded.lineOf(servicesFile, ['services', i]);
    [s.name, s.about, s.for, s.hours, s.whenClosed].forEach((t) => checkText(servicesFile, t, `service "${s.id}"`, line));
    for (const field of ['name', 'about', 'for'] as const) seen.push({ file: servicesFile, line: loaded.lineOf(servicesFile, ['services', i, field]) ?? line, where: `service "${s.id}", field "${field}"`, text: s[field], ...(field === 'name' && { name: true }) });
  });

  // --- Flows: references ---------------------------------------------------
  const nodes: Record<NodeKey, ChatNode> = {};
  const origin = new Map<NodeKey, { flow: LoadedFlow; id: string }>();
  const resolve = (flow: LoadedFlow, ref: string, where: string, line?: number): NodeKey | undefined => {
    const [fid, nid] = ref.includes('#') ? (ref.split('#') as [string, string]) : [flow.id, ref];
    const target = flows.get(fid);
    if (!target) {
      err(flow.file, `leads to "${ref}", but there is no flow "${fid}". ${didYouMean(fid, [...flows.keys()], 'flows')}`, where, line);
      return undefined;
    }
    // A node that failed its own check is reported once, there: not again by every link to it.
    if (target.broken.includes(nid)) return undefined;
    if (!target.nodes[nid]) {
      err(flow.file, `leads to "${ref}", but flow "${fid}" has no node "${nid}". ${didYouMean(nid, Object.keys(target.nodes), `nodes in flow "${fid}"`, false)}`, where, line);
      return undefined;
    }
    return `${fid}/${nid}`;
  };

  const topics: Content['topics'] = [];
  const asked = new Map<string, string>();
  const branched = new Map<string, string>();
  for (const flow of flows.values()) {
    if (!flow.nodes[flow.start] && !flow.broken.includes(flow.start)) err(flow.file, `"start" is "${flow.start}", but there is no node with that id.`, undefined, loaded.lineOf(flow.file, ['start']));
    for (const [id, node] of Object.entries(flow.nodes)) {
      const key = `${flow.id}/${id}`;
      const where = `node "${id}"`;
      const line = flow.lines[id];
      origin.set(key, { flow, id });
      const says = 'say' in node ? (Array.isArray(node.say) ? node.say : [node.say]) : [];
      says.forEach((t, i) => {
        checkText(flow.file, t, where, line);
        const path = Array.isArray((node as { say?: unknown }).say) ? ['nodes', id, 'say', i] : ['nodes', id, 'say'];
        seen.push({ file: flow.file, line: loaded.lineOf(flow.file, path) ?? line, where: `${where}, message ${i + 1}`, flow: flow.id, text: t });
      });
      checkCall999(says, (m) => err(flow.file, m, where, loaded.lineOf(flow.file, ['nodes', id, 'say']) ?? line));
      if (node.type === 'step') checkText(flow.file, node.plan, `${where}, field "plan"`, line);
      const choices = 'choices' in node && node.choices ? node.choices : [];
      const rtChoices = choices.map((c, i) => {
        checkText(flow.file, c.label, `${where}, choice ${i + 1}`, line);
        seen.push({ file: flow.file, line: loaded.lineOf(flow.file, ['nodes', id, 'choices', i]) ?? line, where: `${where}, choice ${i + 1}`, flow: flow.id, text: c.label });
        return { label: c.label, next: resolve(flow, c.next, `${where}, choice ${i + 1}`, loaded.lineOf(flow.file, ['nodes', id, 'choices', i, 'next'])) ?? '' };
      });
      const priv = flow.private ? { private: true as const } : {};
      const compiled = compileNode(node, { say: says, choices: rtChoices, ref: (ref, what) => resolve(flow, ref, `${where}, ${what}`, line) ?? '' });
      nodes[key] = { ...compiled, ...priv };
      if ((node.type === 'message' || node.type === 'services') && (node.topic || node.keywords)) {
        if (!node.topic || !node.keywords) err(flow.file, 'has "topic" or "keywords" but not both. The topic finder needs both: "topic" (how results name it) and "keywords" (words that find it).', where, line);
        else {
          checkText(flow.file, node.topic, `${where}, field "topic"`, line);
          topics.push({ node: key, title: node.topic, words: [...new Set(node.keywords)], ...(node.urgent ? { urgent: true as const } : {}) });
        }
      } else if ((node.type === 'message' || node.type === 'services') && node.urgent) err(flow.file, 'has "urgent" but no "topic" and "keywords". "urgent" only puts a findable topic first.', where, line);
      if (node.type === 'question') asked.set(node.key, key);
      if (node.type === 'branch') for (const r of node.routes) for (const k of conditionKeys(r.when)) branched.set(k, key);
      if (node.type === 'services') {
        for (const t of node.tags) if (!knownTags.has(t)) err(flow.file, `uses the tag "${t}", which is not in flows/services.yaml. ${didYouMean(t, [...knownTags], 'tags')}`, where, line);
        const matched = rtServices.some((s) => s.tags.some((t) => node.tags.includes(t)));
        if (!matched) err(flow.file, `asks for services tagged ${node.tags.join(', ')}, but no service has those tags.`, where, line);
      }
    }
  }
  for (const [k, at] of asked) if (!branched.has(k)) { const o = origin.get(at)!; err(o.flow.file, `asks a question kept under "${k}", but no branch uses "${k}". Use it in a branch's "when", or remove the question.`, `node "${o.id}"`, o.flow.lines[o.id]); }
  for (const [k, at] of branched) if (!asked.has(k)) { const o = origin.get(at)!; err(o.flow.file, `routes on "${k}", but no question asks it (question nodes set "key"). Check the spelling.`, `node "${o.id}"`, o.flow.lines[o.id]); }

  const starts = {
    general: resolveStart(widget.starts.general),
    'young-people': resolveStart(widget.starts['young-people']),
  };
  function resolveStart(ref: string): NodeKey {
    if (!ref.includes('#')) {
      const f = flows.get(ref);
      if (f) return `${f.id}/${f.start}`;
      err('flows/widget.yaml', `starts at "${ref}", which is not a flow id or "flow-id#node-id".`);
      return '';
    }
    const [fid] = ref.split('#') as [string];
    const f = flows.get(fid);
    if (!f) { err('flows/widget.yaml', `starts at "${ref}", but there is no flow "${fid}".`); return ''; }
    return resolve(f, ref, 'starts') ?? '';
  }

  // --- Whole graph: reachable, can reach services ---------------------------
  const edges = new Map<NodeKey, NodeKey[]>(Object.entries(nodes).map(([k, n]) => [k, [...nextOf(n), ...(n.type === 'finder' ? topics.map((t) => t.node) : [])]]));
  if (Object.values(nodes).some((n) => n.type === 'finder') && !topics.length) err('flows/main.yaml', 'has a finder node, but no node has "topic" and "keywords" for it to find.');
  // With a node missing (it failed its own check), the whole graph's checks would blame the
  // nodes around the hole: they wait until it is fixed.
  const holes = loaded.flows.some((f) => f.broken.length > 0);
  const reachable = walk([starts.general, starts['young-people']].filter(Boolean), edges);
  for (const [key, o] of holes ? [] : origin) {
    if (!reachable.has(key)) err(o.flow.file, `cannot be reached from the start. Link to it from another node's choices (as "${o.id}" in this flow, or "${o.flow.id}#${o.id}" from another).`, `node "${o.id}"`, o.flow.lines[o.id]);
  }
  const reverse = new Map<NodeKey, NodeKey[]>();
  for (const [from, tos] of edges) for (const to of tos) reverse.set(to, [...(reverse.get(to) ?? []), from]);
  const servicesNodes = Object.keys(nodes).filter((k) => nodes[k]!.type === 'services');
  const leadsToHelp = walk(servicesNodes, reverse);
  for (const flow of holes ? [] : flows.values()) {
    const stuck = Object.keys(flow.nodes).filter((id) => !leadsToHelp.has(`${flow.id}/${id}`));
    for (const id of stuck) err(flow.file, 'has no way on to a services node (a node with "type: services"). Every route must be able to reach support: add a choice such as "Find support".', `node "${id}"`, flow.lines[id]);
  }
  stats.nodes = Object.keys(nodes).length;

  // --- Plain words: length, banned phrases, reading ease ---------------------
  const quality = checkQuality(seen, { services: rtServices });
  for (const q of quality.problems) (q.level === 'error' ? err : warn)(q.seen.file, q.message, q.seen.where, q.seen.line);
  for (const r of quality.routes) {
    if (r.score < r.min) err(r.route.startsWith('flow ') ? (flows.get(r.route.slice(5))?.file ?? 'flows') : 'flows', `${r.route} is hard to read as a whole: reading ease ${r.score}, and it must be at least ${r.min}. The warnings above name the hardest messages.`);
  }
  stats.readingEase = Object.fromEntries(quality.routes.map((r) => [r.route, r.score]));

  // --- Facts: every law, right, procedure or statistic has a source ---------
  for (const f of checkFacts(loaded.flows, today)) (f.level === 'error' ? err : warn)(f.flow.file, f.message, `node "${f.id}"`, f.flow.lines[f.id]);

  if (problems.some((p) => p.level === 'error') || !places.places) return { problems, stats };
  const content: Content = {
    languages: widget.languages,
    starts,
    strings: widget.strings,
    nodes,
    services: rtServices,
    councils: areas.councils,
    localNames: (services.localNames ?? []).map(({ area, say }) => ({ area, say })),
    topics,
    areaTable: compilePlaces(places.places, councilIds),
  };
  return { content, problems, stats };
}

/** The nodes a node can lead to (its edges in the conversation graph; the labels are not needed here). */
export function nextOf(n: ChatNode): NodeKey[] {
  return kindOf(n).edges(n, {}).map(([, next]) => next);
}

function walk(from: NodeKey[], edges: Map<NodeKey, NodeKey[]>): Set<NodeKey> {
  const seen = new Set<NodeKey>(from);
  const queue = [...from];
  while (queue.length) for (const n of edges.get(queue.shift()!) ?? []) if (!seen.has(n)) { seen.add(n); queue.push(n); }
  return seen;
}

function tokenMatches(token: string, c: Contact): boolean {
  return token === c.type || (token === 'web' && c.type === 'chat');
}

export type { Loaded };

/** How much text may come before the words about 999, so that Call 999 (shown under them) is on a phone's screen. */
export const call999Within = 160;

/** A message that mentions 999 gets a Call 999 button under it: it must come early, where a person in danger sees it. */
function checkCall999(says: readonly Text[], report: (message: string) => void) {
  const english = says.map((t) => (typeof t === 'string' ? t : (t.en ?? '')));
  const first = english.findIndex((t) => t.includes('999'));
  if (first < 0) return;
  const before = english.slice(0, first).join(' ').length;
  if (before > call999Within) {
    report(
      `mentions 999 in message ${first + 1}, after ${before} characters of other text. A Call 999 button shows under that message, and a person in danger must see it without scrolling: move the message that mentions 999 up, so that at most ${call999Within} characters come before it (usually the first or second message).`,
    );
  }
}
