/**
 * Editors' commands:
 *   npm run flows:check    check every flow; exit 1 on any error
 *   npm run flows:diagram  write a Mermaid diagram per flow to docs/flows/
 *   npm run services:report  write docs/services.md and docs/areas.md
 *   npm run flows:sources  write docs/sources.md (every source of a fact, oldest check first)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sinceRelease } from '../src/content/changes.js';
import { checkAndCompile } from '../src/content/compile.js';
import { loadFlows } from '../src/content/load.js';
import { diagrams } from '../src/content/diagram.js';
import { sourcesDoc } from '../src/content/facts.js';
import { withOutcomes } from '../src/content/outcomes.js';
import { formatProblem } from '../src/content/problems.js';
import { minEase } from '../src/content/quality.js';
import { readSources, servicesReport } from '../src/content/report.js';

const [command = 'check', dir = 'flows'] = process.argv.slice(2);
const report = checkAndCompile(resolve(dir));
// What changed since the last release: new or changed numbers (to confirm), screens that lost a service.
const changes = command === 'check' && report.content ? sinceRelease(dir, report.content, sourcesOf(dir)) : { problems: [], review: [] as string[] };
const problems = [...report.problems, ...changes.problems];
const errors = problems.filter((p) => p.level === 'error');
const warnings = problems.filter((p) => p.level === 'warning');
for (const p of [...errors, ...warnings]) console.log(formatProblem(p));

/** Each service's `source`, `checked` and line, as the editor wrote them. */
function sourcesOf(flowsDir: string) {
  const loaded = loadFlows(resolve(flowsDir));
  return new Map((loaded.services?.services ?? []).map((s, i) => [s.id, { source: s.source, checked: s.checked, line: loaded.lineOf('flows/services.yaml', ['services', i]) }]));
}

/**
 * The generated docs (diagrams, services and areas reports) follow the project's own flows: the
 * check rewrites any that are out of date, so an editor's change never leaves them behind.
 */
function refreshDocs(): string[] {
  if (!report.content || resolve(dir) !== resolve('flows')) return [];
  const wanted = new Map<string, string>();
  for (const [file, text] of diagrams(report.content)) wanted.set(`docs/flows/${file}`, text);
  const { services, areas } = servicesReport(report.content, readSources(resolve(dir)));
  wanted.set('docs/services.md', services);
  wanted.set('docs/areas.md', areas);
  const { flows } = loadFlows(resolve(dir));
  wanted.set('docs/sources.md', sourcesDoc(flows));
  wanted.set('flows/README.md', withOutcomes(readFileSync(resolve('flows/README.md'), 'utf8'), flows));
  const updated: string[] = [];
  for (const [file, text] of wanted) {
    if (existsSync(resolve(file)) && readFileSync(resolve(file), 'utf8') === text) continue;
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(resolve(file), text);
    updated.push(file);
  }
  return updated;
}

if (command === 'check') {
  const updated = errors.length ? [] : refreshDocs();
  if (updated.length) console.log(`\nUpdated ${updated.join(', ')} to follow the flows (include them in your change).`);
  const { flows, nodes, services, languages } = report.stats;
  const en = languages.en ?? 0;
  console.log(`\n${flows} flows, ${nodes} nodes, ${services} services.`);
  if (report.stats.readingEase) console.log(`Reading ease (higher is easier; at least ${minEase.young} for the young people's route, ${minEase.general} elsewhere): ${Object.entries(report.stats.readingEase).map(([r, v]) => `${r} ${v}`).join('; ')}.`);
  console.log(`Languages: ${Object.entries(languages).map(([l, n]) => `${l} ${en ? Math.round((100 * n) / en) : 0}% (${n} of ${en} texts)`).join('; ')}. Missing translations fall back to English.`);
  if ('against' in changes && changes.against) {
    console.log(changes.review.length ? `\nNumbers and addresses new or changed since ${changes.against}: a second person checks each against its source before the change is released.\n${changes.review.map((r) => `  ${r}`).join('\n')}` : `\nNo number or address is new or changed since ${changes.against}.`);
  }
  console.log(errors.length ? `\n${errors.length} error(s): fix them and run the check again.` : `\nNo errors${warnings.length ? `, ${warnings.length} warning(s)` : ''}.`);
  process.exit(errors.length ? 1 : 0);
}

if (command === 'report') {
  if (!report.content) {
    console.log('Fix the errors above first: the report is made from checked flows.');
    process.exit(1);
  }
  const { services, areas } = servicesReport(report.content, readSources(resolve(dir)));
  mkdirSync(resolve('docs'), { recursive: true });
  writeFileSync(resolve('docs/services.md'), services);
  writeFileSync(resolve('docs/areas.md'), areas);
  console.log('Wrote docs/services.md and docs/areas.md.');
}

if (command === 'sources') {
  if (!report.content) {
    console.log('Fix the errors above first: the list is made from checked flows.');
    process.exit(1);
  }
  mkdirSync(resolve('docs'), { recursive: true });
  writeFileSync(resolve('docs/sources.md'), sourcesDoc(loadFlows(resolve(dir)).flows));
  console.log('Wrote docs/sources.md: the pages an editor re-checks each year.');
}

if (command === 'diagram') {
  if (!report.content) {
    console.log('Fix the errors above first: diagrams are drawn from checked flows.');
    process.exit(1);
  }
  const out = resolve('docs/flows');
  mkdirSync(out, { recursive: true });
  for (const [file, text] of diagrams(report.content)) writeFileSync(resolve(out, file), text);
  console.log(`Wrote ${out}/*.md (one small diagram per topic group, drawn by GitHub) and ${out}/index.html (open it in a browser: it needs no internet).`);
}
