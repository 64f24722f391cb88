// Gzip sizes of the built widget, for the size check and the benchmark. The same rules as
// scripts/size.mjs: what a host page loads before the panel opens (the entry and whatever it
// imports statically), what a full conversation loads (that plus the panel chunk and its static
// imports, and the screens of the route the person is on: general or young people's), and the
// partner-contacts chunk, which loads only on pages that give contacts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const distDir = fileURLToPath(new URL('../dist/', import.meta.url));

/** Gzip size (level 9) of a file, in bytes. */
export const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

const files = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

/** A file and everything it imports statically, transitively (what loads with it; `import()` is left out). */
export function withImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) withImports(join(file, '..', m[1]), seen);
  return seen;
}

/**
 * Sizes of the build in `dist`, in bytes (gzip unless named raw).
 * `routes` is each route's full conversation (every topic on it); `conversation` the larger of
 * them; `crossing` what "I'm under 18" from the general route adds (the young people's screens).
 * @returns {{ files: { file: string, raw: number, gzip: number }[], beforeOpen: number, beforeOpenFiles: string[], conversation: number, conversationFiles: string[], routes: Record<string, number>, crossing: number, partner: number, colours: number, keywords: number, places: number, everything: number }}
 */
export function measureSizes(dist = distDir) {
  const js = files(dist).filter((f) => f.endsWith('.js'));
  const sizes = new Map(js.map((f) => [f, { file: relative(dist, f), raw: statSync(f).size, gzip: gzipSize(f) }]));
  const sum = (set) => [...set].reduce((s, f) => s + (sizes.get(f)?.gzip ?? gzipSize(f)), 0);
  const panel = js.find((f) => /chunks\/panel-/.test(f));
  const partner = js.find((f) => /chunks\/partner-services-/.test(f));
  const keywords = js.find((f) => /chunks\/topic-search-/.test(f));
  const places = js.find((f) => /chunks\/area-search-/.test(f));
  const colours = js.find((f) => /chunks\/contrast-/.test(f));
  const routeChunks = { general: js.find((f) => /chunks\/general-/.test(f)), 'young-people': js.find((f) => /chunks\/young-people-/.test(f)) };
  const before = withImports(join(dist, 'safety-chat.js'));
  const opened = new Set([...before, ...(panel ? withImports(panel) : [])]);
  const routeSets = Object.fromEntries(Object.entries(routeChunks).map(([r, f]) => [r, new Set([...opened, ...(f ? withImports(f) : [])])]));
  const routes = Object.fromEntries(Object.entries(routeSets).map(([r, set]) => [r, sum(set)]));
  const largest = Object.keys(routes).reduce((a, b) => (routes[b] > routes[a] ? b : a));
  const conversation = routeSets[largest];
  /** What a search adds to the conversation: its chunk and what it imports that is not loaded yet. */
  const added = (chunk) => (chunk ? sum([...withImports(chunk)].filter((f) => !conversation.has(f))) : 0);
  return {
    files: [...sizes.values()],
    beforeOpen: sum(before),
    beforeOpenFiles: [...before].map((f) => relative(dist, f)),
    conversation: sum(conversation),
    conversationFiles: [...conversation].map((f) => relative(dist, f)),
    routes,
    crossing: routeChunks['young-people'] ? sizes.get(routeChunks['young-people']).gzip : 0,
    partner: partner ? sizes.get(partner).gzip : 0,
    colours: colours ? sizes.get(colours).gzip : 0,
    keywords: added(keywords),
    places: added(places),
    everything: sum(js),
  };
}
