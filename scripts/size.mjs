// Prints the gzip sizes of the built widget and checks them against budgets:
// what a host page loads before the panel opens, and everything a full
// conversation loads. Exits 1 when a budget is exceeded.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
// Budgets of the current stage (issue 2: 10 KB / 60 KB). Issue 9 lowers the total to 45 KB.
const budgets = { beforeOpen: 8 * 1024, conversation: 60 * 1024 };

const files = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const js = files(dist).filter((f) => f.endsWith('.js'));
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/** A file and everything it imports statically (what loads with it). */
const withImports = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) withImports(join(file, '..', m[1]), seen);
  return seen;
};
const entry = join(dist, 'safety-chat.js');
const panel = js.find((f) => /chunks\/panel-/.test(f));
const partner = js.find((f) => /chunks\/partner-services-/.test(f));
const before = withImports(entry);
const conversation = new Set([...before, ...(panel ? withImports(panel) : [])]);
const sum = (set) => [...set].reduce((s, f) => s + gz(f), 0);

console.log('file'.padEnd(44), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const f of js) console.log(relative(dist, f).padEnd(44), kb(statSync(f).size).padStart(10), kb(gz(f)).padStart(10));
console.log('');
let ok = true;
for (const [name, size, budget] of [
  ['before the panel opens', sum(before), budgets.beforeOpen],
  ['a full conversation', sum(conversation), budgets.conversation],
]) {
  const pass = size <= budget;
  ok &&= pass;
  console.log(`${name.padEnd(34)} ${kb(size).padStart(10)} gzip   budget ${kb(budget).padStart(9)}   ${pass ? 'pass' : 'FAIL'}`);
}
if (partner) console.log(`${'+ partner contacts (only on pages with them)'.padEnd(34)} ${kb(gz(partner)).padStart(10)} gzip`);
process.exit(ok ? 0 : 1);
