/**
 * Vite plugin: checks and compiles `flows/` at build time (once per build, or per save under the
 * preview) and serves the result as virtual modules. The browser never gets YAML or a YAML parser.
 *
 * - `virtual:safety-chat/launcher`: the little the launcher needs before opening.
 * - `virtual:safety-chat/content`: everything the panel needs but the screens.
 * - `virtual:safety-chat/route/general` and `…/route/young-people`: each route's screens, loaded
 *   with the panel for the audience it opens for, and the other when someone crosses into it.
 * - `virtual:safety-chat/keywords`: the topic finder's keywords, loaded when someone searches.
 * - `virtual:safety-chat/places`: the area search's towns and postcodes, loaded when the area is first asked.
 */
import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Content } from '../engine/data.js';
import { packContent, packKeywords, packRoute } from '../engine/pack.js';
import { routes, type Route } from '../engine/routes.js';
import { checkAndCompile } from './compile.js';
import { launcherConfig } from './launcher.js';
import { ContentProblems, formatProblem } from './problems.js';

const ids = { launcher: 'virtual:safety-chat/launcher', content: 'virtual:safety-chat/content', keywords: 'virtual:safety-chat/keywords', places: 'virtual:safety-chat/places' };
const routeIds = new Map<string, Route>(routes.map((r) => [`virtual:safety-chat/route/${r}`, r]));

/**
 * A module whose default export is `value`, as `JSON.parse('…')`: V8 reads a JSON string
 * much faster than the same object literal, which shortens the task that evaluates the chunk.
 */
function asJson(value: unknown): string {
  const json = JSON.stringify(value).replace(/[\\'\u2028\u2029]/g, (c) => (c === '\\' ? '\\\\' : c === "'" ? "\\'" : `\\u${c.charCodeAt(0).toString(16)}`));
  return `export default JSON.parse('${json}');`;
}

export function flowsPlugin(dir = 'flows'): Plugin {
  const root = process.cwd();
  const flowsDir = resolve(root, dir);
  /** The compiled flows, shared by every virtual module of one build (checked once, not once per module). */
  let compiled: Content | undefined;
  const compile = (): Content => {
    if (compiled) return compiled;
    const report = checkAndCompile(flowsDir, root);
    for (const p of report.problems.filter((x) => x.level === 'warning')) console.warn(formatProblem(p));
    if (!report.content) throw new ContentProblems(report.problems);
    return (compiled = report.content);
  };
  /** Under the development server, which watches the flows itself (see previewServer). */
  let serving = false;
  return {
    name: 'safety-chat-flows',
    configureServer: (server) => {
      serving = true;
      previewServer(server, flowsDir, root, () => (compiled = undefined));
    },
    // A new build (or a rebuild in watch mode) reads the flows afresh.
    buildStart: () => {
      compiled = undefined;
    },
    resolveId(id) {
      return Object.values(ids).includes(id) || routeIds.has(id) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id === `\0${ids.content}`) {
        if (!serving) this.addWatchFile(flowsDir);
        return asJson(packContent(compile()));
      }
      const route = routeIds.get(id.slice(1));
      if (id.startsWith('\0') && route) return asJson(packRoute(compile(), route));
      if (id === `\0${ids.keywords}`) return asJson(packKeywords(compile()));
      if (id === `\0${ids.places}`) return asJson(compile().areaTable);
      if (id === `\0${ids.launcher}`) {
        return `export default ${JSON.stringify(launcherConfig(compile()))};`;
      }
      return undefined;
    },
  };
}

/**
 * The editors' preview (a development server only): every save in the flows folder redraws the
 * page, and `/__flows/check` gives the check's result (the same plain words as flows:check) and
 * what the page's controls offer: languages, councils and every screen's id.
 */
function previewServer(server: ViteDevServer, flowsDir: string, root: string, changed: () => void) {
  server.watcher.add(flowsDir);
  server.watcher.on('all', (_event, file) => {
    if (!resolve(file).startsWith(flowsDir) || !/\.ya?ml$/.test(file)) return;
    changed();
    for (const id of [...Object.values(ids), ...routeIds.keys()]) {
      const mod = server.moduleGraph.getModuleById(`\0${id}`);
      if (mod) server.moduleGraph.invalidateModule(mod);
    }
    server.ws.send({ type: 'full-reload' });
  });
  server.middlewares.use('/__flows/check', (_req, res) => {
    const report = checkAndCompile(flowsDir, root);
    const c = report.content;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(
      JSON.stringify({
        errors: report.problems.filter((p) => p.level === 'error').map(formatProblem),
        warnings: report.problems.filter((p) => p.level === 'warning').map(formatProblem),
        languages: c?.languages ?? {},
        councils: c?.councils.map((x) => ({ id: x.id, name: typeof x.name === 'string' ? x.name : x.name.en })) ?? [],
        screens: c ? Object.keys(c.nodes).filter((k) => c.nodes[k]!.type !== 'branch') : [],
      }),
    );
  });
}
