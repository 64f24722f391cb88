// Prints the gzip sizes of the built widget and checks them against budgets:
// what a host page loads before the panel opens, and everything a full
// conversation loads. Exits 1 when a budget is exceeded.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
// Foundation-stage total budget; issue 9 lowers it to 45 KB once content is compacted.
const budgets = { beforeOpen: 8 * 1024, total: 60 * 1024 };

const files = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const js = files(dist).filter((f) => f.endsWith('.js'));
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

const entry = join(dist, 'safety-chat.js');
// What loads before opening: the entry and whatever it imports statically.
const staticImports = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) staticImports(join(file, '..', m[1]), seen);
  return seen;
};
const before = [...staticImports(entry)];
const beforeSize = before.reduce((s, f) => s + gz(f), 0);
const totalSize = js.reduce((s, f) => s + gz(f), 0);

console.log('file'.padEnd(40), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const f of js) console.log(relative(dist, f).padEnd(40), kb(statSync(f).size).padStart(10), kb(gz(f)).padStart(10));
const rows = [
  ['before the panel opens', beforeSize, budgets.beforeOpen],
  ['everything (full conversation)', totalSize, budgets.total],
];
console.log('');
let ok = true;
for (const [name, size, budget] of rows) {
  const pass = size <= budget;
  ok &&= pass;
  console.log(`${name.padEnd(32)} ${kb(size).padStart(10)} gzip  budget ${kb(budget)}  ${pass ? 'pass' : 'FAIL'}`);
}
process.exit(ok ? 0 : 1);
