/**
 * Vite plugin: checks and compiles `flows/` at build time and serves the result
 * as two virtual modules. The browser never gets YAML or a YAML parser.
 *
 * - `virtual:safety-chat/launcher`: the little the launcher needs before opening.
 * - `virtual:safety-chat/content`: everything the panel needs.
 * - `virtual:safety-chat/keywords`: the topic finder's keywords, loaded when someone searches.
 * - `virtual:safety-chat/places`: the area search's towns and postcodes, loaded when the area is first asked.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { packContent, packKeywords } from '../engine/pack.js';
import { checkAndCompile } from './compile.js';
import { launcherConfig } from './launcher.js';
import { ContentProblems, formatProblem } from './problems.js';

const ids = { launcher: 'virtual:safety-chat/launcher', content: 'virtual:safety-chat/content', keywords: 'virtual:safety-chat/keywords', places: 'virtual:safety-chat/places' };

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
  const compile = () => {
    const report = checkAndCompile(flowsDir, root);
    for (const p of report.problems.filter((x) => x.level === 'warning')) console.warn(formatProblem(p));
    if (!report.content) throw new ContentProblems(report.problems);
    return report.content;
  };
  return {
    name: 'safety-chat-flows',
    resolveId(id) {
      return Object.values(ids).includes(id) ? `\0${id}` : undefined;
    },
    load(id) {
      if (id === `\0${ids.content}`) {
        this.addWatchFile(flowsDir);
        return asJson(packContent(compile()));
      }
      if (id === `\0${ids.keywords}`) return asJson(packKeywords(compile()));
      if (id === `\0${ids.places}`) return asJson(compile().areaTable);
      if (id === `\0${ids.launcher}`) {
        return `export default ${JSON.stringify(launcherConfig(compile()))};`;
      }
      return undefined;
    },
  };
}
