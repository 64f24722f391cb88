// Prints the gzip sizes of the built widget and checks them against budgets:
// what a host page loads before the panel opens, and everything a full
// conversation loads. Exits 1 when a budget is exceeded.
import { budgets } from './budgets.mjs';
import { measureSizes } from './sizes.mjs';

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

const sizes = measureSizes();
console.log('file'.padEnd(44), 'raw'.padStart(10), 'gzip'.padStart(10));
for (const f of sizes.files) console.log(f.file.padEnd(44), kb(f.raw).padStart(10), kb(f.gzip).padStart(10));
console.log('');
let ok = true;
for (const [name, size, budget] of [
  ['before the panel opens', sizes.beforeOpen, budgets.beforeOpen],
  ['opening, every general topic, no search', sizes.routes.general, budgets.conversation],
  ["opening, every young people's topic, no search", sizes.routes['young-people'], budgets.conversation],
]) {
  const pass = size <= budget;
  ok &&= pass;
  console.log(`${name.padEnd(46)} ${kb(size).padStart(10)} gzip   budget ${kb(budget).padStart(9)}   ${pass ? 'pass' : 'FAIL'}`);
}
console.log(`${"+ the young people's route, from the general one (\"I'm under 18\")".padEnd(34)} ${kb(sizes.crossing).padStart(10)} gzip`);
if (sizes.places) console.log(`${'+ town and postcode search (when the area is first asked)'.padEnd(34)} ${kb(sizes.places).padStart(10)} gzip`);
if (sizes.keywords) console.log(`${'+ topic finder (on first search)'.padEnd(34)} ${kb(sizes.keywords).padStart(10)} gzip`);
if (sizes.colours) console.log(`${'+ colour check (only on pages that set colours)'.padEnd(34)} ${kb(sizes.colours).padStart(10)} gzip`);
if (sizes.partner) console.log(`${'+ partner contacts (only on pages with them)'.padEnd(34)} ${kb(sizes.partner).padStart(10)} gzip`);
console.log(`${'everything, all files'.padEnd(34)} ${kb(sizes.everything).padStart(10)} gzip`);
process.exit(ok ? 0 : 1);
