// One-off converter: ../shared/data/kent-medway-places.csv and kent-medway-outcodes.csv
// → flows/places.yaml (the editable source the build reads). Run from anywhere:
//
//   node scripts/import-areas.mjs
//
// Re-running overwrites flows/places.yaml, including any hand edits made since to "places" and
// "outcodes"; the hand-written "outside" list (places outside Kent and Medway) is carried over
// from the existing file as it is, comments included.
// Exits 1, writing nothing, if a row names a district that is not a council in flows/areas.yaml,
// or if the existing flows/places.yaml cannot be read (so its "outside" list would be lost).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseDocument } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const data = resolve(root, '../shared/data');
const out = resolve(root, 'flows/places.yaml');

const credit =
  'Contains OS data © Crown copyright and database right 2014; Royal Mail data © Royal Mail copyright and database right 2014; National Statistics data © Crown copyright and database right 2014.';

/** Postcode districts mostly outside Kent and Medway (shared/brief/areas.md). */
const mostlyOutside = new Set(['BR6', 'DA5', 'DA14', 'TN5', 'TN16', 'TN31']);

/** Names people use that are not towns in the CSV: council names, a former name, an island. */
const extraPlaces = [
  ['Folkestone and Hythe', 'folkestone-and-hythe', 'council name (flows/areas.yaml)'],
  ['Shepway', 'folkestone-and-hythe', 'former name of Folkestone and Hythe district, until 2018 (shared/brief/areas.md)'],
  ['Gravesham', 'gravesham', 'council name (flows/areas.yaml)'],
  ['Medway', 'medway', 'council name (flows/areas.yaml)'],
  ['Swale', 'swale', 'council name (flows/areas.yaml)'],
  ['Isle of Sheppey', 'swale', 'Swale includes the Isle of Sheppey (shared/brief/areas.md)'],
  ['Sheppey', 'swale', 'Swale includes the Isle of Sheppey (shared/brief/areas.md)'],
  ['Thanet', 'thanet', 'council name (flows/areas.yaml)'],
  ['Tonbridge and Malling', 'tonbridge-and-malling', 'council name (flows/areas.yaml)'],
  ['Tunbridge Wells', 'tunbridge-wells', 'council name (flows/areas.yaml); the town is listed as Royal Tunbridge Wells'],
];

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends. */
function readCsv(file) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), (field = '');
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim()])));
}

const councils = parse(readFileSync(resolve(root, 'flows/areas.yaml'), 'utf8')).councils;
const councilIds = councils.map((c) => c.id);
const slug = (s) => s.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const aliases = { shepway: 'folkestone-and-hythe', 'royal-tunbridge-wells': 'tunbridge-wells' };
const problems = [];
const councilOf = (district, where) => {
  const s = slug(district);
  const id = aliases[s] ?? s;
  if (!councilIds.includes(id)) problems.push(`${where}: district "${district}" is not a council in flows/areas.yaml`);
  return id;
};

const placeRows = readCsv(resolve(data, 'kent-medway-places.csv'));
const outcodeRows = readCsv(resolve(data, 'kent-medway-outcodes.csv'));

const places = placeRows.map((r, i) => ({ name: r.place, council: councilOf(r.district, `places row ${i + 2} (${r.place})`), source: r.source }));
const fromCsv = new Set(places.map((p) => p.name.toLowerCase()));
const extras = extraPlaces.filter(([name]) => !fromCsv.has(name.toLowerCase())).map(([name, council, source]) => ({ name, council, source }));
const outcodes = outcodeRows.map((r, i) => ({
  outcode: r.outcode.toUpperCase().replace(/\s+/g, ''),
  councils: r.districts.split(';').map((d) => councilOf(d.trim(), `outcodes row ${i + 2} (${r.outcode})`)),
  mostlyOutside: mostlyOutside.has(r.outcode.toUpperCase()),
  source: r.source,
}));
for (const code of mostlyOutside) if (!outcodes.some((o) => o.outcode === code)) problems.push(`${code} is listed as mostly outside Kent but is not in the outcodes CSV`);

/**
 * The existing file's "outside:" section, to carry over: its text as written (from the
 * "outside:" line to the next top-level field), or, if that cannot be cut out cleanly,
 * the entries written afresh; with how many entries it has. No lines when there is no file or no list.
 */
function keptOutside() {
  const none = { lines: [], count: 0 };
  if (!existsSync(out)) return none;
  const text = readFileSync(out, 'utf8');
  const doc = parseDocument(text);
  if (doc.errors.length) {
    console.error(`Nothing written. flows/places.yaml is not valid YAML (${doc.errors[0].message.split('\n')[0]}): fix it first, so its "outside" list can be kept.`);
    process.exit(1);
  }
  const outside = doc.toJS()?.outside;
  if (outside === undefined) return none;
  const count = Array.isArray(outside) ? outside.length : 0;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => /^outside\s*:/.test(l));
  if (start >= 0) {
    let end = lines.findIndex((l, i) => i > start && /^[^\s#-]/.test(l));
    if (end < 0) end = lines.length;
    const section = lines.slice(start, end);
    while (section.length && !section[section.length - 1].trim()) section.pop();
    let same = false;
    try {
      same = JSON.stringify(parse(section.join('\n'))?.outside) === JSON.stringify(outside);
    } catch {}
    if (same) return { lines: section, count };
  }
  if (!Array.isArray(outside)) {
    console.error('Nothing written. flows/places.yaml has an "outside" field that is not a list: fix it first, so it can be kept.');
    process.exit(1);
  }
  const entry = (o) =>
    o && typeof o === 'object' && typeof o.name === 'string' && typeof o.source === 'string' && Object.keys(o).length === 2
      ? `{ name: ${scalar(o.name)}, source: ${JSON.stringify(o.source)} }`
      : JSON.stringify(o);
  return { lines: ['outside:', ...outside.map((o) => `  - ${entry(o)}`)], count };
}

// YAML scalars: plain where safe and readable, otherwise double-quoted (JSON strings are valid YAML).
const scalar = (s) => (/^[A-Za-z][A-Za-z0-9 '().-]*[A-Za-z0-9.)]$/.test(s) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(s) ? s : JSON.stringify(s));

const outside = keptOutside();

if (problems.length) {
  console.error(`Nothing written. Fix these rows (or add the name to "aliases" in this script):\n${problems.join('\n')}`);
  process.exit(1);
}

const lines = [
  '# Towns, villages and postcode districts of Kent and Medway, and the council each is in.',
  '# The widget uses this to find a person\'s council from what they type ("Margate", "ME14",',
  '# "ME14 1LY"). Nothing typed is kept; only the council is used.',
  '#',
  '# Generated by `node scripts/import-areas.mjs` from shared/data/kent-medway-places.csv and',
  '# shared/data/kent-medway-outcodes.csv; since then it may be edited by hand (re-running the',
  '# script overwrites hand edits to places and outcodes, but keeps the outside list as it is).',
  '#',
  '# places:    name     as people write it; a note in brackets tells apart two places that share',
  '#                     a name, e.g. "Ash (near Sandwich)" (typing "Ash" then offers both councils)',
  '#            council  an id from flows/areas.yaml',
  '#            source   where the fact comes from',
  '# outcodes:  outcode  the first half of a postcode, in capitals, e.g. ME14',
  '#            councils the councils it spans, largest share of postcodes first; with more than',
  '#                     one, the person is asked to choose',
  '#            mostlyOutside: true  when most of the district is outside Kent and Medway (the',
  '#                     person is also offered "outside Kent and Medway")',
  '#            source   where the fact comes from',
  '# outside:   (optional) well-known places outside Kent and Medway that people nearby may type;',
  '#            the person is told it is outside Kent and Medway (a close misspelling counts too,',
  '#            unless a Kent or Medway place is as close)',
  '#            name     as people write it; never a name that is also in places',
  '#            source   why it is outside, e.g. "East Sussex county, not Kent"',
  '#',
  `# ${credit}`,
  '',
  'places:',
];
let last = '';
for (const p of places) {
  if (p.council !== last) lines.push(`  # ${p.council}: ${[councils.find((c) => c.id === p.council)?.name].map((n) => (typeof n === 'string' ? n : n?.en ?? ''))[0]}`), (last = p.council);
  lines.push(`  - { name: ${scalar(p.name)}, council: ${p.council}, source: ${JSON.stringify(p.source)} }`);
}
if (extras.length) {
  lines.push('  # Other names people use: council names, a former name, an island');
  for (const p of extras) lines.push(`  - { name: ${scalar(p.name)}, council: ${p.council}, source: ${JSON.stringify(p.source)} }`);
}
lines.push('', 'outcodes:');
for (const o of outcodes) {
  const outside = o.mostlyOutside ? ', mostlyOutside: true' : '';
  lines.push(`  - { outcode: ${o.outcode}, councils: [${o.councils.join(', ')}]${outside}, source: ${JSON.stringify(o.source)} }`);
}
if (outside.lines.length) lines.push('', ...outside.lines);
writeFileSync(out, `${lines.join('\n')}\n`);
const kept = outside.lines.length ? `; kept the "outside" list (${outside.count} names)` : '; no "outside" list to keep';
console.log(`Wrote ${out}: ${places.length} places from the CSV + ${extras.length} other names, ${outcodes.length} outcodes (${[...mostlyOutside].join(', ')} mostly outside)${kept}.`);
