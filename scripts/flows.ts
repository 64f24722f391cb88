/**
 * Editors' commands:
 *   npm run flows:check    check every flow; exit 1 on any error
 *   npm run flows:diagram  write a Mermaid diagram per flow to docs/flows/
 *   npm run services:report  write docs/services.md and docs/areas.md
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkAndCompile } from '../src/content/compile.js';
import { diagrams } from '../src/content/diagram.js';
import { formatProblem } from '../src/content/problems.js';
import { readSources, servicesReport } from '../src/content/report.js';

const [command = 'check', dir = 'flows'] = process.argv.slice(2);
const report = checkAndCompile(resolve(dir));
const errors = report.problems.filter((p) => p.level === 'error');
const warnings = report.problems.filter((p) => p.level === 'warning');
for (const p of [...errors, ...warnings]) console.log(formatProblem(p));

if (command === 'check') {
  const { flows, nodes, services, languages } = report.stats;
  const en = languages.en ?? 0;
  console.log(`\n${flows} flows, ${nodes} nodes, ${services} services.`);
  console.log(`Languages: ${Object.entries(languages).map(([l, n]) => `${l} ${en ? Math.round((100 * n) / en) : 0}% (${n} of ${en} texts)`).join('; ')}. Missing translations fall back to English.`);
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

if (command === 'diagram') {
  if (!report.content) {
    console.log('Fix the errors above first: diagrams are drawn from checked flows.');
    process.exit(1);
  }
  const out = resolve('docs/flows');
  mkdirSync(out, { recursive: true });
  for (const [id, text] of diagrams(report.content)) writeFileSync(resolve(out, `${id}.md`), text);
  console.log(`Wrote ${out}/*.md (open them on GitHub or in any Mermaid viewer).`);
}
